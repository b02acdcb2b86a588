import Foundation
import Testing

/// `bylaw eval --jobs N`: a file decided on several threads prints exactly what one thread
/// prints, byte for byte, in every format, with the same exit code.
@Suite("bylaw eval --jobs")
struct EvalJobsTests {
    /// Compares two outputs without asking the test library for a difference of megabytes
    /// (which takes minutes): where they first differ, with some context.
    static func expectSame(_ actual: Data, _ expected: Data, sourceLocation: SourceLocation = #_sourceLocation) {
        guard actual != expected else { return }
        let (a, b) = (Array(actual), Array(expected))
        let first = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? a.count
        func around(_ data: Data) -> String { String(decoding: data.dropFirst(max(0, first - 200)).prefix(400), as: UTF8.self) }
        Issue.record("outputs differ at byte \(first) (\(actual.count) vs \(expected.count) bytes):\n\(around(actual))\n---\n\(around(expected))", sourceLocation: sourceLocation)
    }

    /// The example streams (clean, findings, malformed lines, blank lines) repeated past two of
    /// the 1 MiB blocks a file is cut into.
    static func largeStream() throws -> URL {
        var one = Data()
        for name in ["examples", "broken", "redaction-bot", "unbilled"] {
            one += try Data(contentsOf: Bylaw.packageRoot.appendingPathComponent("Examples/usage/\(name).ndjson"))
            if one.last != 0x0A { one.append(0x0A) }
        }
        var stream = Data()
        while stream.count < 2_600_000 { stream += one }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-jobs-\(UUID().uuidString).ndjson")
        try stream.write(to: url)
        return url
    }

    @Test(arguments: ["ndjson", "text", "json", "sarif"])
    func severalThreadsPrintWhatOnePrints(format: String) throws {
        let stream = try Self.largeStream()
        defer { try? FileManager.default.removeItem(at: stream) }
        let arguments = ["eval", stream.path, "--workspace", "Examples/workspaces/acme.yaml", "--format", format, "--summary"]
        let one = try Bylaw.run(arguments + ["--jobs", "1"])
        let two = try Bylaw.run(arguments + ["--jobs", "2"])
        #expect(one.status == 1, "the example streams hold block findings")
        #expect(one.stdoutData.count > 100_000)
        #expect(two.status == one.status)
        Self.expectSame(two.stdoutData, one.stdoutData)
        #expect(two.stderr == one.stderr)
    }

    @Test("--explain: each finding's explanation is the same on several threads")
    func explanations() throws {
        let stream = try Self.largeStream()
        defer { try? FileManager.default.removeItem(at: stream) }
        let arguments = ["eval", stream.path, "--workspace", "Examples/workspaces/acme.yaml", "--format", "ndjson", "--explain"]
        let one = try Bylaw.run(arguments + ["--jobs", "1"])
        let two = try Bylaw.run(arguments + ["--jobs", "2"])
        #expect(String(decoding: one.stdoutData.prefix(200_000), as: UTF8.self).contains("\"explanation\""))
        #expect(two.status == one.status)
        Self.expectSame(two.stdoutData, one.stdoutData)
    }

    @Test("--max-errors stops several threads at the line where one stops")
    func maxErrors() throws {
        let stream = try Self.largeStream()
        defer { try? FileManager.default.removeItem(at: stream) }
        let arguments = ["eval", stream.path, "--workspace", "Examples/workspaces/acme.yaml", "--format", "ndjson", "--max-errors", "500"]
        let one = try Bylaw.run(arguments + ["--jobs", "1"])
        let three = try Bylaw.run(arguments + ["--jobs", "3"])
        #expect(one.status == 2)
        #expect(three.status == 2)
        Self.expectSame(three.stdoutData, one.stdoutData)
    }

    @Test("--jobs 0 is refused with a usage error")
    func jobsMustBePositive() throws {
        let run = try Bylaw.run(["eval", "Examples/usage/examples.ndjson", "--workspace", "Examples/workspaces/acme.yaml", "--jobs", "0"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("--jobs must be between 1 and"))
    }
}
