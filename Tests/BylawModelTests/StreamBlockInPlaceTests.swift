@testable import BylawModel
import Testing

/// A block's lines are lent straight from the block's bytes. Everything a reader hands out, and
/// every count it keeps while it does (what a run stopping at a line reports), is what copying
/// the block through the reader's buffer gives; and the blocks together give the stream's lines.
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

    /// The lines `reader` lends, and how many of them (not empty) point into `storage`.
    static func read(_ reader: UsageStreamReader, storage: UnsafeBufferPointer<UInt8>) throws -> (lines: [Seen], inside: Int, nonEmpty: Int) {
        var lines: [Seen] = []
        var inside = 0
        var nonEmpty = 0
        try reader.forEachLine { line in
            lines.append(Seen(
                number: line.number, offset: line.offset, tooLong: line.isTooLong, bytes: Array(line.bytes),
                consumed: reader.bytesConsumed, read: reader.bytesRead))
            guard let start = line.bytes.baseAddress, let base = storage.baseAddress, !line.bytes.isEmpty else { return }
            nonEmpty += 1
            if start >= base, start + line.bytes.count <= base + storage.count { inside += 1 }
        }
        return (lines, inside, nonEmpty)
    }

    /// Reads `bytes` whole and by blocks (each block in place and copied) and checks they agree.
    static func check(_ bytes: [UInt8], maxLineLength: Int, chunkSize: Int, blockSize: Int) throws {
        let context = "limit \(maxLineLength), chunk \(chunkSize), block size \(blockSize), \(bytes.count) bytes"
        var whole: [Seen] = []
        try UsageStreamReader(bytes: bytes, maxLineLength: maxLineLength, chunkSize: chunkSize).forEachLine { line in
            whole.append(Seen(number: line.number, offset: line.offset, tooLong: line.isTooLong, bytes: Array(line.bytes), consumed: 0, read: 0))
        }
        var fromBlocks: [Seen] = []
        let stream = UsageStreamReader(bytes: bytes, maxLineLength: maxLineLength, chunkSize: chunkSize)
        try stream.forEachBlock(size: blockSize) { block in
            let inPlace = UsageStreamReader(block: block, name: "b", maxLineLength: maxLineLength, chunkSize: chunkSize)
            let copied = UsageStreamReader(block: block, name: "b", maxLineLength: maxLineLength, chunkSize: chunkSize)
            copied.lendsInPlace = false
            try block.bytes.withUnsafeBufferPointer { storage in
                let lent = try read(inPlace, storage: storage)
                let copy = try read(copied, storage: storage)
                #expect(lent.lines == copy.lines, "\(context), block at \(block.offset)")
                // In place, every line is the block's own bytes; copied, none is.
                #expect(lent.inside == lent.nonEmpty && copy.inside == 0, "\(context), block at \(block.offset)")
                #expect(inPlace.bytesConsumed == block.offset + block.bytes.count && copied.bytesConsumed == inPlace.bytesConsumed)
                fromBlocks += lent.lines.map { Seen(number: $0.number, offset: $0.offset, tooLong: $0.tooLong, bytes: $0.bytes, consumed: 0, read: 0) }
            }
        }
        #expect(fromBlocks == whole, "\(context)")
        #expect(stream.bytesConsumed == bytes.count)
    }

    @Test(
        "in place and copied, a block reads the same, and blocks read the stream",
        arguments: [
            // A byte-order mark, CRLF, blank lines and a last line without a newline.
            "\u{FEFF}{\"user\":\"nobody\"}\r\n\r\n\n{\"user\":\"alice\",\"kind\":\"upload\"}\r\n{\"user\":\"x\"",
            // Lines past the limit, with and without a newline in reach, one ending in CR.
            "a\n" + String(repeating: "z", count: 70) + "\nb\n" + String(repeating: "y", count: 33) + "\r\n"
                + String(repeating: "x", count: 200) + "\n{}\n" + String(repeating: "q", count: 90),
            // Nothing but one over-long line.
            String(repeating: "w", count: 500),
            // A byte-order mark before a line longer than the limit: the first block must hold
            // more than the line may, past the mark.
            "\u{FEFF}" + String(repeating: "x", count: 20) + "\n",
            "",
            "\n\n\n",
        ])
    func namedStreams(_ text: String) throws {
        for maxLineLength in [1, 3, 8, 32, 64] {
            for chunkSize in [1, 5, 16, 1 << 20] {
                for blockSize in [0, 40, 97] {
                    try Self.check(Array(text.utf8), maxLineLength: maxLineLength, chunkSize: chunkSize, blockSize: blockSize)
                }
            }
        }
    }

    @Test("random streams of short and long lines, CRs and byte-order marks")
    func randomStreams() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(truncatingIfNeeded: state >> 33) % bound
        }
        let pieces: [[UInt8]] = [[0x61], [0x0D], [0x0A], [0x0D, 0x0A], [0xEF, 0xBB, 0xBF], Array(repeating: 0x62, count: 17)]
        for _ in 0..<400 {
            var bytes: [UInt8] = []
            for _ in 0..<next(40) { bytes += pieces[next(pieces.count)] }
            try Self.check(
                bytes, maxLineLength: 1 + next(13), chunkSize: [1, 2, 3, 7, 64, 1 << 20][next(6)], blockSize: next(41))
        }
    }
}
