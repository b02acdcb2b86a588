import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import Foundation
import Testing

/// What `bylaw eval --format ndjson` prints for a stream, by line: made with the calls the eval
/// command makes (a ``StreamEvaluator`` over the file into an ``NDJSONReport``), none of the
/// server's, so a test comparing the two compares two paths to the same answer.
struct EvalReference {
    /// The findings of each event line, as JSON objects, in order.
    var findings: [Int: [[String: Any]]] = [:]
    /// The diagnostic of each malformed line.
    var diagnostics: [Int: [String: Any]] = [:]

    init(stream: String, policies: String = Fixtures.policies, workspace: String = Fixtures.acme) throws {
        let today = try #require(Fixtures.today)
        let set = try #require(PolicySetLoader.compile(paths: [policies], today: today).set, "the policies compile")
        let model = try #require(WorkspaceLoader.load(path: workspace).workspace, "the workspace loads")
        let lines = LineCollector()
        let report = NDJSONReport(output: { lines.text += $0 })
        let evaluator = StreamEvaluator(policies: set, workspace: WorkspaceGraph(model))
        var tally = RunTally()
        var attribution: Attribution?
        _ = try evaluator.evaluate(
            try UsageStreamReader(path: stream), streamPath: stream, tally: &tally, attribution: &attribution,
            callbacks: .init(finding: report.emit, diagnostic: report.emit))
        for line in lines.text.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            if let diagnostic = object["diagnostic"] as? [String: Any] {
                let location = try #require(diagnostic["location"] as? [String: Any])
                diagnostics[try #require(location["line"] as? Int)] = diagnostic
            } else {
                let event = try #require(object["event"] as? [String: Any])
                findings[try #require(event["line"] as? Int), default: []].append(object)
            }
        }
    }

    /// Whether `bylaw eval` counts a finding at `block` on this line (a deny).
    func denies(line: Int) -> Bool {
        findings[line, default: []].contains { $0["enforcement"] as? String == "block" }
    }

    /// Findings without what depends on where the event was read (the file and line): rule,
    /// policy, kind, enforcement, message, hint and the event's id.
    static func comparable(_ findings: [[String: Any]]) -> [String] {
        findings.map { finding in
            let event = finding["event"] as? [String: Any]
            let fields: [Any] = [
                finding["rule"] ?? "", finding["policy"] ?? "", finding["kind"] ?? "", finding["enforcement"] ?? "",
                finding["message"] ?? "", finding["hint"] ?? NSNull(), event?["id"] ?? NSNull(),
            ]
            return fields.map { "\($0)" }.joined(separator: "\u{1F}")
        }
    }
}

private final class LineCollector {
    var text = ""
}
