import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Foundation

/// The package's shipped policies and workspaces, and a varied stream, for the stream tests.
enum StreamTestSupport {
    static let root: String = {
        // Tests/BylawEvalTests/<this file> → the package root.
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/"
    }()

    static let today = CalendarDate(year: 2026, month: 6, day: 1)

    /// The shipped `Policies/`.
    static func shippedPolicies() -> PolicySet? {
        guard let today else { return nil }
        return PolicySetLoader.compile(paths: [root + "Policies"], today: today).set
    }

    /// Policies given as YAML text.
    static func policies(_ text: String) -> (set: PolicySet?, diagnostics: [Diagnostic]) {
        let path = "\(FileManager.default.temporaryDirectory.path)/bylaw-stream-test-\(UUID().uuidString).yaml"
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let today else { return (nil, []) }
        let (set, _, diagnostics) = PolicySetLoader.compile(paths: [path], today: today)
        return (set, diagnostics)
    }

    static func acme() -> WorkspaceGraph? {
        WorkspaceLoader.load(path: root + "Examples/workspaces/acme.yaml").workspace.map(WorkspaceGraph.init)
    }

    /// What a run reported, as comparable text (one line per finding or diagnostic) and counts.
    struct Run: Equatable {
        var lines: [String] = []
        var excepted = 0
        var findings = 0
        var counts = ""
    }

    static func run(
        _ evaluator: StreamEvaluator, _ stream: [UInt8], summary: Bool = false, jobs: Int = 1, blockSize: Int = StreamEvaluator.defaultBlockSize,
        maxLineLength: Int = UsageStreamReader.defaultMaxLineLength, maxErrors: Int? = nil
    ) throws -> Run {
        var run = Run()
        var tally = RunTally()
        var attribution: Attribution? = summary ? Attribution() : nil
        let reader = UsageStreamReader(bytes: stream, name: "test.ndjson", maxLineLength: maxLineLength, chunkSize: 4096)
        let counts = try evaluator.evaluate(
            reader, streamPath: "test.ndjson", maxErrors: maxErrors, jobs: jobs, blockSize: blockSize, tally: &tally, attribution: &attribution,
            callbacks: .init(
                finding: { finding in
                    run.lines.append(
                        "\(finding.event?.line ?? 0) \(finding.event?.id ?? "-") \(finding.rule.fullID) \(finding.kind.rawValue) "
                            + "\(finding.enforcement.rawValue) \(finding.message) | \(finding.hint ?? "-")")
                },
                diagnostic: { run.lines.append("diagnostic \($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.code) \($0.message)") }))
        run.excepted = tally.excepted
        run.findings = tally.findings
        run.counts = "\(counts.lines) \(counts.events) \(counts.blank) \(counts.malformed) \(counts.bytes) \(counts.stoppedEarly) "
            + JSONValue.object(tally.json).compact
        if let attribution { run.counts += " " + attribution.json.compact }
        return run
    }

    /// A deterministic stream that exercises every shipped rule and the evaluator's caches:
    /// thousands of users (so caches fill and start over), absent and `null` fields, escaped
    /// strings that decode to known values, unknown kinds, blank and malformed lines.
    static func variedStream(events: Int, seed: UInt64 = 7) -> [UInt8] {
        var random = seed
        func next(_ bound: Int) -> Int {
            random &+= 0x9E37_79B9_7F4A_7C15
            var z = random
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        func pick(_ values: [String?]) -> String? { values[next(values.count)] }
        let users: [String?] = ["alice", "bob", "carol", "dave", "redaction-bot", "red\\u0061ction-bot", nil, "\"\""] + (0..<40).map { "u\($0)" }
        let orgs: [String?] = ["us", "us-legal", "us\\u002dsales", "eu", "eu-research", "mars", nil, "\"\""]
        let kinds: [String?] = ["prompt", "upload", "share", "sh\\u0061re", "delete", nil]
        let apps: [String?] = ["workspace-chat", "research-assistant", "chat-free", "shadow-ai", nil]
        let classifications: [String?] = ["client", "patient", "account-number", "internal", "public", "cli\\u0065nt", nil]
        let destinations: [String?] = ["consumer-chat", "company", nil]
        let scopes: [String?] = ["org", "private", nil]
        let subscriptions: [String?] = ["us-seats", "eu-seats", "eu-research-credits", "nope", nil]
        let currencies: [String?] = ["USD", "EUR", "GBP", nil]
        var text = ""
        for number in 1...events {
            switch next(200) {
            case 0: text += "\n"
                continue
            case 1: text += "{\"id\":\"broken-\(number)\",\n"
                continue
            case 2: text += "{\"id\":\"e\(number)\",\"tokens\":{\"in\":\"many\"}}\n"
                continue
            default: break
            }
            var fields: [String] = []
            func add(_ name: String, _ value: String?) {
                guard let value else { return }
                fields.append("\"\(name)\":" + (value == "\"\"" || value == "null" ? value : "\"\(value)\""))
            }
            if next(20) != 0 { add("id", "e\(number)") }
            add("time", next(10) == 0 ? nil : "2026-03-0\(1 + next(9))T10:00:0\(next(10))Z")
            add("kind", pick(kinds))
            // Many users, so that caches fill and start over.
            add("user", next(4) == 0 ? "user-\(next(5000))" : pick(users))
            add("org", next(15) == 0 ? "null" : pick(orgs))
            add("scope", pick(scopes))
            add("app", pick(apps))
            add("subscription", pick(subscriptions))
            if next(3) != 0 {
                var cost = "\"amount\":0.\(next(1000))"
                if let currency = pick(currencies) { cost += ",\"currency\":\"\(currency)\"" }
                fields.append("\"cost\":{\(cost)}")
            }
            if next(2) == 0 {
                var parts: [String] = []
                if let classification = pick(classifications) { parts.append("\"classification\":\"\(classification)\"") }
                if next(2) == 0 { parts.append("\"type\":\"pdf\"") }
                fields.append("\"artifact\":{\(parts.joined(separator: ","))}")
            }
            if next(2) == 0 {
                var parts: [String] = []
                if let kind = pick(destinations) { parts.append("\"kind\":\"\(kind)\"") }
                if let app = pick(apps) { parts.append("\"app\":\"\(app)\"") }
                fields.append("\"destination\":{\(parts.joined(separator: ","))}")
            }
            if next(3) == 0 {
                var parts: [String] = []
                if let scope = pick(scopes) { parts.append("\"scope\":\"\(scope)\"") }
                if let org = pick(orgs) { parts.append("\"org\":\"\(org)\"") }
                fields.append("\"target\":{\(parts.joined(separator: ","))}")
            }
            if next(4) == 0 { fields.append("\"extra\":[1,{\"a\":null},\"x\"]") }
            text += "{" + fields.joined(separator: ",") + "}\n"
        }
        return Array(text.utf8)
    }
}
