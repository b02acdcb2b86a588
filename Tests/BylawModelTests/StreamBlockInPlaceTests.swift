@testable import BylawModel
import Testing

/// A block's lines are lent straight from the block's bytes. Everything a reader hands out, and
/// every count it keeps while it does (what a run stopping at a line reports), is what copying
/// the block through the reader's buffer gives.
@Suite struct StreamBlockInPlaceTests {
    /// One line as the callback sees it, with the reader's counts at that moment.
    struct Seen: Equatable {
        let number: Int
        let offset: Int
        let tooLong: Bool
        let bytes: [UInt8]
        let consumed: Int
        let read: Int
    }

    static func read(_ reader: UsageStreamReader) throws -> (lines: [Seen], consumed: Int, read: Int) {
        var lines: [Seen] = []
        try reader.forEachLine { line in
            lines.append(Seen(
                number: line.number, offset: line.offset, tooLong: line.isTooLong, bytes: Array(line.bytes),
                consumed: reader.bytesConsumed, read: reader.bytesRead))
        }
        return (lines, reader.bytesConsumed, reader.bytesRead)
    }

    @Test(
        "in place and copied, a block reads the same",
        arguments: [
            // A byte-order mark, CRLF, blank lines and a last line without a newline.
            "\u{FEFF}{\"user\":\"nobody\"}\r\n\r\n\n{\"user\":\"alice\",\"kind\":\"upload\"}\r\n{\"user\":\"x\"",
            // Lines past the limit, with and without a newline in reach, one ending in CR.
            "a\n" + String(repeating: "z", count: 70) + "\nb\n" + String(repeating: "y", count: 33) + "\r\n"
                + String(repeating: "x", count: 200) + "\n{}\n" + String(repeating: "q", count: 90),
            // Nothing but one over-long line.
            String(repeating: "w", count: 500),
            "",
            "\n\n\n",
        ])
    func inPlaceReadsWhatCopyingReads(_ text: String) throws {
        let bytes = Array(text.utf8)
        for maxLineLength in [8, 32, 64] {
            for chunkSize in [1, 5, 16, 1 << 20] {
                for blockSize in [0, 40, 97] {
                    let stream = UsageStreamReader(bytes: bytes, maxLineLength: maxLineLength, chunkSize: chunkSize)
                    try stream.forEachBlock(size: blockSize) { block in
                        let inPlace = UsageStreamReader(block: block, name: "b", maxLineLength: maxLineLength, chunkSize: chunkSize)
                        let copied = UsageStreamReader(block: block, name: "b", maxLineLength: maxLineLength, chunkSize: chunkSize)
                        copied.lendsInPlace = false
                        let (lent, copy) = (try Self.read(inPlace), try Self.read(copied))
                        #expect(lent.lines == copy.lines, "limit \(maxLineLength), chunk \(chunkSize), block at \(block.offset)")
                        #expect(lent.consumed == copy.consumed && lent.read == copy.read)
                    }
                }
            }
        }
    }
}
