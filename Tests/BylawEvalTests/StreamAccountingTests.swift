import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Testing

@Suite("Stream accounting: positions, bytes, stopping")
struct StreamAccountingTests {
    func run(_ stream: [UInt8], stop: @escaping () -> Bool = { false }) throws -> (findings: [Finding], diagnostics: [Diagnostic], counts: StreamCounts) {
        let set = try #require(compilePolicy(StreamEvaluationTests.policy))
        let model = try #require(loadWorkspace(assignedWorkspace))
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var tally = RunTally()
        var attribution: Attribution? = nil
        let counts = try StreamEvaluator(rules: set.rules, workspace: WorkspaceGraph(model)).evaluate(
            UsageStreamReader(bytes: stream, name: "s.ndjson", chunkSize: 5), streamPath: "s.ndjson", tally: &tally,
            attribution: &attribution,
            callbacks: .init(finding: { findings.append($0) }, diagnostic: { diagnostics.append($0) }, stop: stop))
        return (findings, diagnostics, counts)
    }

    @Test("a lone CR inside a line does not shift a diagnostic's line")
    func bareCarriageReturnKeepsTheLine() throws {
        let stream = "{\"user\":\"x\"}\n{\"id\":\"a\",\r\"tokens\":\"x\"}\n{\"user\":\r7}\n"
        let (_, diagnostics, _) = try run(Array(stream.utf8))
        #expect(diagnostics.map { $0.location?.line } == [2, 3])
        #expect(diagnostics.map { $0.location?.column } == [21, 10])
    }

    @Test(
        "the summary's bytes are the input's exact size",
        arguments: [
            "{\"user\":\"x\"}\r\n\r\n{\"user\":\"y\"}",
            "\u{FEFF}{\"user\":\"x\"}\n",
            "{\"user\":\"x\"}\n{\"note\":\"" + String(repeating: "z", count: 2_000_000) + "\"}\r\n{}\n",
        ])
    func bytesAreExact(_ text: String) throws {
        let (_, _, counts) = try run(Array(text.utf8))
        #expect(counts.bytes == text.utf8.count)
    }

    @Test("the stop callback ends the run after a finding, not as --max-errors does")
    func stopCallback() throws {
        let lines = Array(repeating: #"{"user":"nobody"}"#, count: 50).joined(separator: "\n")
        var asked = 0
        let (findings, _, counts) = try run(Array(lines.utf8)) {
            asked += 1
            return asked == 3
        }
        #expect(findings.count == 3)
        #expect(counts.lines == 3)
        #expect(counts.stoppedByCaller)
        #expect(!counts.stoppedEarly)
    }
}
