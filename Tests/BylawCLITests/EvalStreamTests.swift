import Foundation
import Testing

/// `bylaw eval` as a stream processor: nothing lost, stdin, early stop, closed pipes.
@Suite("bylaw eval streams")
struct EvalStreamTests {
    static let broken = "Examples/usage/broken.ndjson"
    static let acme = "Examples/workspaces/acme.yaml"

    /// The lines of a stream file, split as the tool documents (at `\n`, no extra final line).
    static func lines(of path: String) throws -> [Data] {
        let data = try Data(contentsOf: Bylaw.packageRoot.appendingPathComponent(path))
        var lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).map { Data($0) }
        if data.last == 0x0A { lines.removeLast() }
        return lines
    }

    @Test("broken.ndjson: read = evaluated + blank + malformed, each malformed line reported by number")
    func brokenAccounting() throws {
        let run = try Bylaw.run(["eval", Self.broken, "--workspace", Self.acme, "--format", "json"])
        let report = try ReportDocument(run)
        let read = try #require(report.summaryInt("lines", "read"))
        let evaluated = try #require(report.summaryInt("lines", "evaluated"))
        let blank = try #require(report.summaryInt("lines", "blank"))
        let malformed = try #require(report.summaryInt("lines", "malformed"))
        #expect(read == evaluated + blank + malformed)

        // Classify the file's lines without the tool: the well-formed events are the evt-… lines.
        let lines = try Self.lines(of: Self.broken)
        #expect(read == lines.count)
        let blankLines = lines.indices.filter { lines[$0].allSatisfy { $0 == 0x20 || $0 == 0x09 } }.map { $0 + 1 }
        let goodLines = lines.indices.filter { lines[$0].starts(with: Data(#"{"id":"evt-"#.utf8)) }.map { $0 + 1 }
        let badLines = Set(1...lines.count).subtracting(blankLines).subtracting(goodLines).sorted()
        #expect(blank == blankLines.count)
        #expect(evaluated == goodLines.count)
        let reported = report.diagnostics.compactMap { (($0["location"] as? [String: Any])?["line"] as? NSNumber)?.intValue }
        #expect(reported == badLines)
        #expect(report.diagnostics.allSatisfy { ($0["code"] as? String)?.hasPrefix("stream.") == true })
        // Malformed lines alone do not change the exit code: no finding, exit 0.
        #expect(report.findings.isEmpty)
        #expect(run.status == 0)
    }

    @Test("malformed lines do not hide findings: a blocking event among them exits 1")
    func findingsAmongMalformedLines() throws {
        let directory = try TemporaryDirectory()
        var data = try Data(contentsOf: Bylaw.packageRoot.appendingPathComponent(Self.broken))
        if data.last != 0x0A { data.append(0x0A) }  // broken.ndjson's last line has no newline
        // Line 21: dave, offboarded in acme.yaml, still prompting.
        data += Data(#"{"id":"evt-late","kind":"prompt","user":"dave","org":"us-sales","scope":"org"}"#.utf8 + [0x0A])
        let path = try directory.write(data, to: "mixed.ndjson")
        let run = try Bylaw.run(["eval", path, "--workspace", Self.acme, "--format", "json"])
        #expect(run.status == 1)
        let report = try ReportDocument(run)
        #expect(report.findingKeys == ["offboarding/offboarded-user-usage@21"])
        #expect(report.summaryInt("lines", "malformed") == 12)
        #expect(report.summaryInt("lines", "read") == 21)
    }

    @Test("--max-errors 1 stops at the first malformed line with exit 2")
    func maxErrors() throws {
        let run = try Bylaw.run(["eval", Self.broken, "--workspace", Self.acme, "--format", "json", "--max-errors", "1"])
        #expect(run.status == 2)
        let report = try ReportDocument(run)
        #expect(report.diagnosticKeys == ["stream.invalid-json@2:48"])
        #expect((report.summary["lines"] as? [String: Any])?["stopped_early"] as? Bool == true)
        #expect(report.summaryInt("lines", "read") == 2)
    }

    @Test("--max-errors above the count of malformed lines changes nothing")
    func maxErrorsNotReached() throws {
        let run = try Bylaw.run(["eval", Self.broken, "--workspace", Self.acme, "--format", "json", "--max-errors", "13"])
        #expect(run.status == 0)
        #expect(try ReportDocument(run).summaryInt("lines", "malformed") == 12)
    }

    @Test("'-' reads standard input: the same findings as the file, at the same lines")
    func standardInput() throws {
        let path = "Examples/usage/examples.ndjson"
        let stdin = try Data(contentsOf: Bylaw.packageRoot.appendingPathComponent(path))
        let fromStdin = try Bylaw.run(["eval", "-", "--workspace", Self.acme, "--format", "json"], stdin: stdin)
        let fromFile = try Bylaw.run(["eval", path, "--workspace", Self.acme, "--format", "json"])
        #expect(fromStdin.status == 1)
        let stdinReport = try ReportDocument(fromStdin)
        #expect(stdinReport.findingKeys == (try ReportDocument(fromFile)).findingKeys)
        #expect(stdinReport.findingKeys.count == 24)
        let files = stdinReport.findings.compactMap { ($0["location"] as? [String: Any])?["file"] as? String }
        #expect(Set(files) == ["<stdin>"])
    }

    @Test("text from standard input names the stream <stdin>")
    func standardInputText() throws {
        let stdin = try Data(contentsOf: Bylaw.packageRoot.appendingPathComponent("Examples/usage/unbilled.ndjson"))
        let run = try Bylaw.run(
            ["eval", "-", "--workspace", "Examples/workspaces/violates-top-level-org-has-account.yaml"], stdin: stdin)
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("<stdin>:2: error: org lab-genomics resolves to no billing account [attribution/billing-resolves]\n"))
    }

    @Test("a closed pipe ends the run quietly: no error output, the block findings' status 1")
    func closedPipe() throws {
        let directory = try TemporaryDirectory()
        // 50,000 blocking findings: far more output than a pipe buffer, so bylaw is still writing
        // when `head` exits.
        let line = #"{"id":"evt-pipe","kind":"upload","user":"alice","org":"us-legal","scope":"org","artifact":{"type":"pdf","classification":"client"},"destination":{"kind":"consumer-chat","app":"chat-free"}}"#
        let data = Data(String(repeating: line + "\n", count: 50_000).utf8)
        let stream = try directory.write(data, to: "many.ndjson")
        let errors = directory.file("stderr").path
        let status = directory.file("status").path
        let run = try Bylaw.shell(
            #""$BYLAW" eval '\#(stream)' --workspace \#(Self.acme) 2>'\#(errors)' | head -1; echo "${PIPESTATUS[0]}" >'\#(status)'"#)
        #expect(!run.timedOut)
        #expect(run.stdout.hasPrefix("\(stream):1: error: "))
        #expect(run.stdout.split(separator: "\n").count == 1)
        let bylawStatus = try String(contentsOfFile: status, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(bylawStatus == "1", "bylaw exited \(bylawStatus)")
        #expect(try String(contentsOfFile: errors, encoding: .utf8).isEmpty)
    }

    @Test("audit findings alone exit 0; --strict makes any finding fail")
    func strict() throws {
        let directory = try TemporaryDirectory()
        // Line 13 of examples.ndjson: internal data into consumer chat, recorded at audit.
        let audit = try Self.lines(of: "Examples/usage/examples.ndjson")[12]
        let path = try directory.write(audit + Data([0x0A]), to: "audit.ndjson")
        let plain = try Bylaw.run(["eval", path, "--workspace", Self.acme, "--format", "json"])
        #expect(plain.status == 0)
        #expect(try ReportDocument(plain).findingKeys == ["client-data/internal-data-in-consumer-chat@1"])
        let strict = try Bylaw.run(["eval", path, "--workspace", Self.acme, "--strict"])
        #expect(strict.status == 1)
    }

    @Test("ndjson output: one object per line, findings in stream order, the summary last")
    func ndjson() throws {
        let run = try Bylaw.run(["eval", "Examples/usage/examples.ndjson", "--workspace", Self.acme, "--format", "ndjson"])
        #expect(run.status == 1)
        let objects = try run.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let findingLines = objects.dropLast().compactMap { (($0["location"] as? [String: Any])?["line"] as? NSNumber)?.intValue }
        #expect(findingLines.count == 24)
        #expect(findingLines == findingLines.sorted())
        #expect(objects.last?["summary"] != nil)
    }
}
