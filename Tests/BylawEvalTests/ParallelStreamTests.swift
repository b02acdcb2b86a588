import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Testing

/// A stream decided on several threads reports exactly what one thread reports: the same
/// findings and diagnostics in the same order, the same counts, tally and attribution, and the
/// same stop at `--max-errors`, whatever the block size and the number of threads.
@Suite struct ParallelStreamTests {
    /// Lines are kept short of the limit, so that blocks (at least the limit + 2 bytes) are small
    /// and a short stream is cut into many of them.
    static let maxLineLength = 400

    static func both(
        _ stream: [UInt8], jobs: Int, blockSize: Int, summary: Bool = true, maxErrors: Int? = nil
    ) throws -> (one: StreamTestSupport.Run, many: StreamTestSupport.Run) {
        let set = try #require(StreamTestSupport.shippedPolicies())
        let graph = try #require(StreamTestSupport.acme())
        let evaluator = StreamEvaluator(policies: set, workspace: graph)
        let one = try StreamTestSupport.run(evaluator, stream, summary: summary, maxLineLength: maxLineLength, maxErrors: maxErrors)
        let many = try StreamTestSupport.run(
            evaluator, stream, summary: summary, jobs: jobs, blockSize: blockSize, maxLineLength: maxLineLength, maxErrors: maxErrors)
        return (one, many)
    }

    @Test(arguments: [(2, 402), (2, 5_000), (3, 777), (8, 64 << 10)])
    func severalThreadsReportWhatOneReports(jobs: Int, blockSize: Int) throws {
        let stream = StreamTestSupport.variedStream(events: 6_000, seed: 23)
        let (one, many) = try Self.both(stream, jobs: jobs, blockSize: blockSize)
        #expect(one.findings > 500)
        #expect(one.lines.contains { $0.hasPrefix("diagnostic") })
        #expect(many == one)
    }

    @Test("a stop at --max-errors falls on the same line, with the same counts", arguments: [1, 2, 7, 40])
    func maxErrorsStopsAtTheSameLine(maxErrors: Int) throws {
        let stream = StreamTestSupport.variedStream(events: 4_000, seed: 5)
        let (one, many) = try Self.both(stream, jobs: 3, blockSize: 1_000, maxErrors: maxErrors)
        #expect(one.counts.contains(" true "))
        #expect(many == one)
    }

    @Test(
        "cuts fall between lines whatever the lines are",
        arguments: [
            // A byte-order mark, CRLF, blank lines and a last line without a newline.
            "\u{FEFF}{\"user\":\"nobody\"}\r\n\r\n\n{\"user\":\"alice\",\"kind\":\"upload\"}\r\n{\"user\":\"x\"",
            // Lines longer than the limit, one of them longer than a block, and one ending in CR.
            "{\"user\":\"a\"}\n{\"note\":\"" + String(repeating: "z", count: 3_000) + "\"}\n{\"user\":\"b\"}\n"
                + "{\"n\":\"" + String(repeating: "y", count: 398) + "\r\n{}\n" + String(repeating: "q", count: 900),
            // A stream that is one over-long line without a newline.
            String(repeating: "w", count: 5_000),
            "",
            "\n\n\n",
        ])
    func cutsFallBetweenLines(_ text: String) throws {
        let stream = Array(text.utf8)
        for blockSize in [402, 403, 450, 1_001] {
            let (one, many) = try Self.both(stream, jobs: 2, blockSize: blockSize)
            #expect(many == one, "block size \(blockSize)")
        }
    }

    @Test("blocks read back give the stream's lines with their numbers and offsets")
    func blocksGiveTheStreamsLines() throws {
        let text = "a\r\n\nbb\n" + String(repeating: "c", count: 50) + "\nd\n" + String(repeating: "e", count: 120) + "\nf"
        func lines(_ reader: UsageStreamReader) throws -> [String] {
            var lines: [String] = []
            try reader.forEachLine { lines.append("\($0.number)@\($0.offset) \($0.isTooLong) \($0.text)") }
            return lines
        }
        let whole = try lines(UsageStreamReader(bytes: Array(text.utf8), maxLineLength: 20))
        for size in [1, 22, 30, 64] {
            let reader = UsageStreamReader(bytes: Array(text.utf8), maxLineLength: 20, chunkSize: 7)
            var pieces: [String] = []
            var counted = 0
            try reader.forEachBlock(size: size) { block in
                // A block ends after a newline but for the last, and one inside an over-long line.
                #expect(block.bytes.last == 0x0A || block.offset + block.bytes.count == text.utf8.count || block.bytes.count >= 22)
                counted += block.lineCount
                pieces += try lines(UsageStreamReader(block: block, name: "b", maxLineLength: 20))
            }
            #expect(pieces == whole, "block size \(size)")
            #expect(counted == whole.count)
            #expect(reader.bytesConsumed == text.utf8.count)
        }
    }
}
