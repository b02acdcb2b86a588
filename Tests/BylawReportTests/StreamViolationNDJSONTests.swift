import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource
import Foundation
import Testing

/// Violations lent by the stream evaluator (``StreamViolation``) are written as exactly the
/// NDJSON lines of the findings they stand for: per-rule pieces, escaped messages and ids,
/// absent ids and hints, rejected lines between them, with the evaluator's shortcuts on and off.
@Suite struct StreamViolationNDJSONTests {
    static let policy = """
        policy: lent
        title: Lent violations
        rules:
          - id: ids
            title: Prints the id and user
            on: usage
            forbid: has(event.kind)
            message: "event {event.id} by {event.user} at {event.time}: {event.tokens.input} tokens, {event.cost.amount}"
            hint: "Ask \\"{event.org}\\" \\\\ {size(event.org)}"
          - id: plain-hint
            title: A fixed hint
            on: usage
            where: event.kind == "upload"
            forbid: "true"
            message: "{event.artifact.classification} to {event.destination.app}"
            hint: "Use the \\"company\\" app\\u2028 instead"
          - id: untitled
            title: "Title \\u0007 é"
            enforcement: warn
            on: usage
            where: event.kind == "share"
            forbid: "true"
        """

    static let stream = [
        #"{"id":"q\"1\\","time":"2026-03-05T00:00:00Z","kind":"share","user":"tab\t\u0001 \ud83d\ude00","org":"x\u2029y","tokens":{"in":7},"cost":{"amount":0.5}}"#,
        #"{"id":"lone\ud800","kind":"upload"}"#,
        #"{"id":"up\u00e9","kind":"upload","user":null,"artifact":{"classification":"cli\u0065nt"},"destination":{"app":"\"a\""}}"#,
        #"{"kind":"prompt","user":"ü","cost":{"amount":3.0}}"#,
        #"{"id":null,"kind":"share"}"#,
        "not json",
        "",
    ].joined(separator: "\n") + "\n"

    @Test(arguments: [StreamEvaluator.Shortcuts.all, []])
    func lentViolationsWriteTheLinesOfTheirFindings(shortcuts: StreamEvaluator.Shortcuts) throws {
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: SourceFile(path: "lent.yaml", text: Self.policy), into: &loaded)
        let today = try #require(CalendarDate("2026-11-22"))
        let compiled = PolicyCompiler(today: today).compile(loaded.documents)
        #expect(!(loaded.diagnostics + compiled.diagnostics).contains { $0.severity == .error })
        let set = try #require(compiled.set)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let workspace = try #require(WorkspaceLoader.load(path: root + "/Examples/workspaces/acme.yaml").workspace)
        // Many events, so that per-rule pieces are reused and hints change between findings.
        var stream = Self.stream
        for number in 0..<300 {
            stream += #"{"id":"e\#(number)","kind":"\#(["share", "upload", "prompt"][number % 3])","user":"u\#(number % 7)","org":"o\#(number % 4)"}"# + "\n"
        }
        var evaluator = StreamEvaluator(policies: set, workspace: WorkspaceGraph(workspace))
        evaluator.shortcuts = shortcuts
        let lent = try Self.ndjson(evaluator, Array(stream.utf8), lending: true)
        let made = try Self.ndjson(evaluator, Array(stream.utf8), lending: false)
        let text = String(decoding: lent, as: UTF8.self)
        #expect(text.contains(#""message":"event q\"1\\ by tab\t\u0001 😀 at 2026-03-05: 7 tokens, 0.5""#))
        #expect(text.contains(#""message":"event upé by  at 1970-01-01: 0 tokens, 0""#))
        #expect(text.contains(#""message":"client to \"a\"""#))
        #expect(text.contains(#"{"diagnostic":{"#))
        #expect(text.contains(#""hint":"Use the \"company\" app\u2028 instead""#))
        #expect(text.contains(#""message":"Title \u0007 é""#))
        #expect(text.contains(#""id":null"#))
        #expect(lent == made)
    }

    /// On several threads each worker writes its violations' lines itself (the report's
    /// encoder), and the report copies them in order: the bytes, the summary and a stop at
    /// `--max-errors` inside a block are those of one thread handing over findings.
    @Test(arguments: [(2, 300, nil), (3, 1_000, nil), (3, 700, 2), (2, 64 << 10, 1)] as [(Int, Int, Int?)])
    func encodedViolationsOnSeveralThreadsWriteTheLinesOfOne(jobs: Int, blockSize: Int, maxErrors: Int?) throws {
        let (set, workspace) = try Self.compiled(Self.policy)
        var stream = ""
        for number in 0..<2_000 {
            stream += number % 500 == 499 ? "not json\n" : #"{"id":"e\#(number)","kind":"\#(["share", "upload", "prompt"][number % 3])","user":"u\#(number % 7)","org":"o\#(number % 4)"}"# + "\n"
        }
        let bytes = Array(stream.utf8)
        var evaluator = StreamEvaluator(policies: set, workspace: WorkspaceGraph(workspace))
        evaluator.shortcuts = .all
        let one = try Self.ndjson(evaluator, bytes, lending: false, maxErrors: maxErrors)
        var run = EvalRun(policies: set, workspace: WorkspaceGraph(workspace))
        run.jobs = jobs
        run.blockSize = blockSize
        run.maxErrors = maxErrors
        var written: [UInt8] = []
        let report = NDJSONReport(output: { written += Array($0.utf8) }, bytes: { written += $0 })
        let reader = UsageStreamReader(bytes: bytes, name: "s\"1.ndjson", maxLineLength: UsageStreamReader.defaultMaxLineLength, chunkSize: 4096)
        let result = try run.run(reader, streamPath: "s\"1.ndjson", into: report)
        report.finish(summary: .object(result.summary.tally.json))
        #expect(result.summary.tally.findings > 1_000 || maxErrors != nil)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: one, as: UTF8.self))
    }

    /// Placeholders that are not plain reads keep their texts by the fields they read: a text
    /// keyed by the org is reused across users, one keyed by user and org is not mixed up with
    /// another, and the lines are those of plain evaluation, lent or not.
    @Test func placeholderTextsCachedByTheirFieldsPrintWhatEvaluationPrints() throws {
        let policy = Self.oneRule(
            forbid: "has(event.user)",
            message: "{event.user} in {workspace.org(event.org) == null ? 'nowhere' : workspace.org(event.org).name} ({size(event.user) + size(event.org)})",
            hint: "{event.org + '/' + event.user}")
        var stream = ""
        for number in 0..<3_000 {
            let org = ["us", "eu", "us-legal", "mars", "eu-research"][number % 5]
            stream += #"{"id":"e\#(number)","user":"u\#(number % 97)","org":"\#(org)"}"# + "\n"
        }
        let run = try Self.plainAndFast(policy, stream)
        let text = String(decoding: run.plain, as: UTF8.self)
        #expect(text.contains(#""message":"u0 in Acme US (4)""#))
        #expect(text.contains(#" in nowhere ("#))
        #expect(text.contains(#""hint":"mars/u3""#))
        #expect(run.lent == run.plain)
        #expect(run.made == run.plain)
    }

    /// Texts kept for lent violations live in one byte arena per rule, which starts over when
    /// it would pass its bound: long texts that fill it many times over still print what plain
    /// evaluation prints, before and after each start.
    @Test func longKeptTextsPrintWhatEvaluationPrints() throws {
        let policy = Self.oneRule(
            forbid: "has(event.model)", message: String(repeating: "{event.model}", count: 10) + " ({size(event.model)})",
            hint: "{event.model} and {event.user}")
        var stream = ""
        // 700 models of 250 bytes, each on three events in a row (a text kept, then found
        // twice), twice over: 700 texts of about 2.8 KB fill the 1 MiB arena about twice.
        for number in 0..<4_200 {
            let index = number / 3 % 700
            let model = "m\(index)-" + String(repeating: "x", count: 250 - "m\(index)-".utf8.count)
            stream += #"{"id":"e\#(number)","user":"u\#(index % 3)","model":"\#(model)"}"# + "\n"
        }
        let run = try Self.plainAndFast(policy, stream)
        #expect(run.plain.count > 4_200 * 2_500)
        #expect(run.lent == run.plain)
    }

    /// Values that are the line's own bytes print without being validated again, values
    /// decoded from escapes are validated: either way the lines are those of plain evaluation.
    @Test func escapedAndNonASCIIValuesPrintWhatEvaluationPrints() throws {
        let policy = Self.oneRule(forbid: "has(event.user)", message: "{event.user} did {event.kind} ({size(event.user)})", hint: "{event.id}")
        // Values as the line's bytes (ASCII, UTF-8) and decoded from escapes (a surrogate
        // pair, a quote, a newline, an escaped ASCII letter), on lines of varied lengths.
        let values = [#"plain"#, #"caf\u00e9"#, "café", #"\ud83d\ude00"#, #"q\"uote"#, #"new\nline"#, #"\u0061bc"#, "日本"]
        var stream = ""
        for number in 0..<600 {
            let user = values[number % values.count]
            let id = values[(number / values.count) % values.count] + "-\(number)"
            let padding = String(repeating: "p", count: number % 5 * 40)
            stream += #"{"id":"\#(id)","user":"\#(user)","kind":"k\#(number % 3)","note":"\#(padding)"}"# + "\n"
        }
        let run = try Self.plainAndFast(policy, stream)
        #expect(run.plain.count > 600 * 100)
        #expect(run.lent == run.plain)
        #expect(run.made == run.plain)
    }

    /// A policy of one usage rule (`probe/probe`).
    static func oneRule(forbid: String, message: String, hint: String) -> String {
        """
        policy: probe
        title: Probe
        rules:
          - id: probe
            title: A probe
            on: usage
            forbid: \(forbid)
            message: "\(message)"
            hint: "\(hint)"
        """
    }

    /// The NDJSON of `stream` under `policy` from plain evaluation (no shortcuts, findings), and
    /// with every shortcut, through lent violations and through findings.
    static func plainAndFast(_ policy: String, _ stream: String) throws -> (plain: [UInt8], lent: [UInt8], made: [UInt8]) {
        let (set, workspace) = try compiled(policy)
        var plain = StreamEvaluator(policies: set, workspace: WorkspaceGraph(workspace))
        plain.shortcuts = []
        let fast = StreamEvaluator(policies: set, workspace: WorkspaceGraph(workspace))
        return (
            try ndjson(plain, Array(stream.utf8), lending: false), try ndjson(fast, Array(stream.utf8), lending: true),
            try ndjson(fast, Array(stream.utf8), lending: false)
        )
    }

    /// `policy` compiled (dated 2026-11-22), and the example workspace acme.yaml.
    static func compiled(_ policy: String) throws -> (PolicySet, Workspace) {
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: SourceFile(path: "policy.yaml", text: policy), into: &loaded)
        let today = try #require(CalendarDate("2026-11-22"))
        let set = try #require(PolicyCompiler(today: today).compile(loaded.documents).set)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let workspace = try #require(WorkspaceLoader.load(path: root + "/Examples/workspaces/acme.yaml").workspace)
        return (set, workspace)
    }

    /// The NDJSON the evaluator's findings make, through lent violations or findings.
    static func ndjson(_ evaluator: StreamEvaluator, _ stream: [UInt8], lending: Bool, maxErrors: Int? = nil) throws -> [UInt8] {
        var bytes: [UInt8] = []
        let report = NDJSONReport(output: { bytes += Array($0.utf8) }, bytes: { bytes += $0 })
        var tally = RunTally()
        var attribution: Attribution?
        let reader = UsageStreamReader(bytes: stream, name: "s\"1.ndjson", maxLineLength: UsageStreamReader.defaultMaxLineLength, chunkSize: 4096)
        _ = try evaluator.evaluate(
            reader, streamPath: "s\"1.ndjson", maxErrors: maxErrors, tally: &tally, attribution: &attribution,
            callbacks: .init(finding: report.emit, violation: lending ? { report.emit($0) } : nil, diagnostic: report.emit))
        report.finish(summary: .object(tally.json))
        return bytes
    }
}
