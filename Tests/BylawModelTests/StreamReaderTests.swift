import BylawModel
import Foundation
import Testing

@Suite("UsageStreamReader")
struct StreamReaderTests {
    private func lines(_ text: String, maxLineLength: Int = 64, chunkSize: Int = 4) throws -> [ReadLine] {
        try readAll(Array(text.utf8), maxLineLength: maxLineLength, chunkSize: chunkSize)
    }

    @Test func linesAreNumberedWithTheirOffsets() throws {
        #expect(try lines("ab\ncd\n") == [
            ReadLine(number: 1, offset: 0, text: "ab", tooLong: false),
            ReadLine(number: 2, offset: 3, text: "cd", tooLong: false),
        ])
    }

    @Test func aFinalLineWithoutNewlineIsALine() throws {
        #expect(try lines("ab\ncd").map(\.text) == ["ab", "cd"])
    }

    @Test func crlfIsOneTerminator() throws {
        #expect(try lines("ab\r\ncd\r\n\r\nef\r").map(\.text) == ["ab", "cd", "", "ef"])
        #expect(try lines("a\rb\n").map(\.text) == ["a\rb"], "a lone CR inside a line stays")
    }

    @Test func blankLinesAreHandedOutAndCounted() throws {
        let read = try lines("\n\nab\n\n")
        #expect(read.map(\.text) == ["", "", "ab", ""])
        #expect(read.map(\.number) == [1, 2, 3, 4])
        #expect(read.map(\.offset) == [0, 1, 2, 5])
    }

    @Test func emptyStreamHasNoLines() throws {
        #expect(try lines("").isEmpty)
        #expect(try lines("\n").map(\.text) == [""])
    }

    @Test func aByteOrderMarkAtTheStartIsSkipped() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("ab\ncd".utf8)
        for chunk in [1, 2, 3, 64] {
            let read = try readAll(bytes, maxLineLength: 16, chunkSize: chunk)
            #expect(read == [
                ReadLine(number: 1, offset: 3, text: "ab", tooLong: false),
                ReadLine(number: 2, offset: 6, text: "cd", tooLong: false),
            ], "chunk \(chunk)")
        }
        let partial = try readAll([0xEF, 0xBB], chunkSize: 1)
        #expect(partial.map(\.offset) == [0], "a partial mark is kept as the line's bytes")
        #expect(partial.first?.text.unicodeScalars.first == "\u{FFFD}")
    }

    @Test func lineLengthLimitExcludesTheTerminator() throws {
        let read = try lines("abcd\nabcd\r\nabcde\nab\n", maxLineLength: 4, chunkSize: 3)
        #expect(read.map(\.tooLong) == [false, false, true, false])
        #expect(read.map(\.text) == ["abcd", "abcd", "abcd", "ab"])
        #expect(read.map(\.offset) == [0, 5, 11, 17])
    }

    @Test func aTooLongLineIsSkippedWithoutBufferingIt() throws {
        // 100 KB on one line through a 16-byte limit and 7-byte reads: the reader's buffer is
        // 24 bytes, so only skipping can get past it.
        let long = String(repeating: "y", count: 100_000)
        let read = try lines("{\"a\":1}\n\(long)\n{\"b\":2}\n\(long)", maxLineLength: 16, chunkSize: 7)
        #expect(read.map(\.number) == [1, 2, 3, 4])
        #expect(read.map(\.tooLong) == [false, true, false, true])
        #expect(read[2] == ReadLine(number: 3, offset: 100_009, text: "{\"b\":2}", tooLong: false))
        #expect(read[1].text == String(repeating: "y", count: 16))
    }

    /// Every way of cutting the stream into reads gives the same lines.
    @Test(arguments: [1, 2, 3, 5, 7, 8, 13, 64, 1 << 20])
    func chunkBoundariesDoNotMatter(_ chunkSize: Int) throws {
        let text = "{\"id\":\"a\"}\r\n\n{\"id\":\"b\\n\",\"x\":[1,2]}\n" + String(repeating: "z", count: 40) + "\r\n\r\n" +
            "{\"id\":\"é日\"}\n" + String(repeating: "q", count: 33) + "\n{\"id\":\"c\"}"
        let expected = try lines(text, maxLineLength: 32, chunkSize: 1 << 20)
        #expect(expected.map(\.tooLong) == [false, false, false, true, false, false, true, false])
        #expect(try lines(text, maxLineLength: 32, chunkSize: chunkSize) == expected)
    }

    @Test func aLineExactlyAtTheLimitWithCRLFAcrossChunks() throws {
        for chunk in 1...12 {
            let read = try lines("abcdef\r\nabcdefg\r\nab", maxLineLength: 6, chunkSize: chunk)
            #expect(read.map(\.tooLong) == [false, true, false], "chunk \(chunk)")
            #expect(read.map(\.offset) == [0, 8, 17], "chunk \(chunk)")
        }
    }

    @Test func scanningThroughTheReaderAtEveryChunkSize() throws {
        let stream = #"{"id":"e1","user":"al\u00e9","tokens":{"in":12,"out":3}}"# + "\n\n" + #"{"id":"e2","tokens":"x"}"# + "\r\n" + #"{"id":"e3"}"#
        for chunk in 1...24 {
            let reader = UsageStreamReader(bytes: Array(stream.utf8), maxLineLength: 80, chunkSize: chunk)
            var scanner = UsageEventScanner()
            var event = UsageEvent()
            var seen: [String] = []
            try reader.forEachLine { line in
                switch scanner.scan(line, into: &event) {
                case .event: seen.append("\(line.number):\(event.id):\(event.user):\(event.tokensIn)")
                case .blank: seen.append("\(line.number):blank")
                case .malformed(let issue): seen.append("\(issue.line):\(issue.column):\(issue.code.id)")
                }
            }
            #expect(seen == ["1:e1:alé:12", "2:blank", "3:21:stream.wrong-type", "4:e3::0"], "chunk \(chunk)")
            #expect(reader.linesRead == 4)
            #expect(reader.bytesRead == stream.utf8.count)
        }
    }

    @Test func readsAFileAndReportsAMissingOne() throws {
        let path = NSTemporaryDirectory() + "bylaw-reader-\(getpid()).ndjson"
        try "{\"id\":\"a\"}\n{\"id\":\"b\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try UsageStreamReader(path: path, chunkSize: 5)
        #expect(reader.expectedSize == 22)
        var ids: [String] = []
        try reader.forEachLine { ids.append($0.text) }
        #expect(ids == [#"{"id":"a"}"#, #"{"id":"b"}"#])

        #expect(throws: (any Error).self) { try UsageStreamReader(path: path + ".missing") }
        do {
            _ = try UsageStreamReader(path: NSTemporaryDirectory())
            Issue.record("a directory was accepted")
        } catch {
            #expect(error.code == .inputUnreadable)
        }
    }

    @Test func aThrowingCallbackStopsTheRead() throws {
        struct Stop: Error {}
        let reader = UsageStreamReader(bytes: Array("a\nb\nc\n".utf8), chunkSize: 1)
        var seen = 0
        #expect(throws: Stop.self) {
            try reader.forEachLine { _ in
                seen += 1
                if seen == 2 { throw Stop() }
            }
        }
        #expect(seen == 2)
    }
}
