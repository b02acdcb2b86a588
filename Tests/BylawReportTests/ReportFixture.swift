import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource
import Foundation

/// A small run with everything a printer must handle: multi-byte lines, several findings of
/// one rule in one file, an evaluation error, a stream finding, and input diagnostics with
/// characters that need escaping.
enum ReportFixture {
    static let workspacePath = "ws/acme.yaml"
    static let streamPath = "logs/usage,day:1.ndjson"

    static let workspace = SourceFile(path: workspacePath, text: """
        workspace: acme
        orgs:
          - id: eu
            name: "👩‍👩‍👧 Zürich"
            billing_account: b2
          - id: jp
            name: 日本
            billing_account: b3

        """)

    static let assignedRoot = rule("billing", "assigned-root", "Child orgs inherit the root's account", .block,
                                   help: "## Billing\n\nIn **assigned** mode a child org never declares its own account.", owner: "finance")
    static let ownerActive = rule("apps", "owner-active", "Every app has an active owner", .warn)
    static let providerCustody = rule("apps", "provider-custody", "Client data only to BYOS providers", .block, help: "Custody matters.")
    static let consumerChat = rule("data", "consumer-chat", "No client data in consumer chat", .audit, trigger: .usage, help: "Keep it *out*.")
    static let rules = [assignedRoot, ownerActive, providerCustody, consumerChat]

    static func rule(
        _ policy: String, _ id: String, _ title: String, _ enforcement: Enforcement, trigger: RuleTrigger = .workspace,
        help: String? = nil, owner: String? = nil
    ) -> RuleDescriptor {
        RuleDescriptor(
            fullID: "\(policy)/\(id)", policyID: policy, ruleID: id, title: title, trigger: trigger, enforcement: enforcement,
            help: help, owner: owner, definedAt: nil)
    }

    /// The span of the `occurrence`-th (0-based) appearance of `text` in the workspace.
    static func span(of text: String, occurrence: Int = 0) -> SourceSpan {
        let haystack = workspace.bytes
        let needle = Array(text.utf8)
        var seen = 0
        var index = 0
        while index + needle.count <= haystack.count {
            if Array(haystack[index..<index + needle.count]) == needle {
                if seen == occurrence { return SourceSpan(file: workspace, range: SourceRange(start: index, end: index + needle.count)) }
                seen += 1
            }
            index += 1
        }
        return SourceSpan(file: workspace, range: .at(0))
    }

    static var findings: [Finding] {
        [
            Finding(rule: assignedRoot, message: "org 'eu' declares account 'b2'; it inherits 'b1'", hint: "remove 'billing_account'",
                    inputPath: workspacePath, location: span(of: "b2")),
            Finding(rule: ownerActive, message: "name \"Zürich\" <owner> & co's", inputPath: workspacePath, location: span(of: "Zürich")),
            Finding(rule: assignedRoot, message: "org 'jp' declares account 'b3'", inputPath: workspacePath, location: span(of: "b3")),
            Finding(rule: providerCustody, kind: .evaluationError, message: "no such key: 'custody'", inputPath: workspacePath,
                    location: span(of: "jp")),
            Finding(rule: consumerChat, message: "50% of client data\nwent to chat, again", hint: "use the firm's app",
                    inputPath: streamPath, event: EventReference(line: 42, id: "evt-42")),
        ]
    }

    static var diagnostics: [Diagnostic] {
        [
            Diagnostic(code: .streamInvalidJSON, message: "line 7: expected ':' <&\"'>\u{1}]]>", path: streamPath,
                       hint: "each line is one JSON object"),
            // A code no registry declares: reports describe it by its id alone.
            Diagnostic(code: DiagnosticCode(unregistered: "stream.unknown-enum"), severity: .warning, message: "line 9: kind 'uplod'", path: streamPath),
        ]
    }

    static let summary = JSONValue.object([
        ("lines", .object([("read", .int(50)), ("evaluated", .int(48)), ("malformed", .int(2))])),
        ("findings", .int(5)),
    ])

    /// Feeds the fixture to a sink: begin, findings and diagnostics interleaved, finish.
    static func run(_ sink: any FindingSink) {
        sink.begin(rules: rules, inputs: [workspacePath, streamPath])
        let findings = self.findings
        for finding in findings.prefix(4) { sink.emit(finding) }
        sink.emit(diagnostics[0])
        sink.emit(findings[4])
        sink.emit(diagnostics[1])
        sink.finish(summary: summary)
    }

    /// The output of one format over the fixture.
    static func output(_ format: ReportFormat, style: TextStyle = .plain) -> String {
        let buffer = ReportBuffer()
        run(format.makeSink(style: style, output: buffer.output))
        return buffer.text
    }

    /// Parses JSON text with Foundation (an independent reader).
    static func parse(_ text: String) -> Any? {
        try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
    }
}
