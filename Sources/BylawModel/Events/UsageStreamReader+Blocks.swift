#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Cutting a stream into blocks of whole lines, for several threads (``StreamBlock``).
extension UsageStreamReader {
    /// Cuts the stream into blocks of about `size` bytes (at least ``maxLineLength`` + 2, and 3
    /// more for the first, which may start with a byte-order mark),
    /// each ending after a newline, and calls `body` with each in order, until the end or until
    /// `body` throws (which stops reading and rethrows). Reading every block with
    /// ``init(block:name:maxLineLength:chunkSize:)`` gives exactly the lines ``forEachLine(_:)``
    /// gives, with the same numbers, offsets and cuts. Memory: one block at a time (and the
    /// blocks the caller keeps). ``bytesRead`` counts what was read, for progress.
    public func forEachBlock(size: Int, _ body: (StreamBlock) throws -> Void) throws {
        let size = max(size, maxLineLength + 2)
        var rest: [UInt8] = []
        var nextLine = 1
        var offset = 0
        var startsInsideLine = false
        var atEnd = false
        while !atEnd {
            // A block without a newline holds more than a line may: its reader reports the line
            // as too long. The first block's byte-order mark (3 bytes) is not part of the line.
            let minimum = offset == 0 ? size + 3 : size
            // The reads land in the block itself, after the bytes the previous block left over
            // (the first block's 3 extra bytes can make those more than `size`), with room for
            // one more read past the minimum: each byte is copied once, by the kernel, into
            // memory the worker will read.
            var block = try [UInt8](unsafeUninitializedCapacity: max(minimum, rest.count) + chunkSize) { storage, filled in
                guard let base = storage.baseAddress else { return }
                rest.withUnsafeBufferPointer { carried in
                    if let from = carried.baseAddress { base.initialize(from: from, count: carried.count) }
                }
                filled = rest.count
                while filled < minimum {
                    let count = try readChunk(into: base + filled, max: min(chunkSize, storage.count - filled))
                    if count == 0 {
                        atEnd = true
                        break
                    }
                    filled += count
                }
            }
            if block.isEmpty { break }
            // Cut after the block's last newline; the bytes after it begin the next block. A block
            // without one (inside a line longer than the block) is cut where it is: the reader
            // reports that line as too long and the next block skips the rest of it.
            var cut = block.count
            if !atEnd {
                // The last newline is usually a line's length from the end.
                if let last = block.lastIndex(of: 0x0A) { cut = last + 1 }
            }
            rest = Array(block[cut...])
            block.removeLast(block.count - cut)
            let lines = Self.linesStarting(in: block, startsInsideLine: startsInsideLine)
            let endsInsideLine = block.last != 0x0A
            try body(StreamBlock(bytes: block, firstLine: nextLine, offset: offset, startsInsideLine: startsInsideLine, lineCount: lines))
            nextLine += lines
            offset += block.count
            // A block that neither starts nor ends a line lies wholly inside one.
            startsInsideLine = endsInsideLine
        }
        bytesConsumed = bytesRead
    }

    /// How many lines start in `block`: one after each newline but the last byte's, plus the
    /// first byte's unless it continues an earlier line.
    private static func linesStarting(in block: [UInt8], startsInsideLine: Bool) -> Int {
        block.withUnsafeBufferPointer { bytes -> Int in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return 0 }
            var lines = startsInsideLine ? 0 : 1
            var position = 0
            while position < bytes.count, let found = memchr(base + position, 0x0A, bytes.count - position) {
                position = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                if position < bytes.count { lines += 1 }
            }
            return lines
        }
    }
}
