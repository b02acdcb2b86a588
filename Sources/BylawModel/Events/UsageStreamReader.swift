#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawSource

/// Reads a usage stream (a file, standard input, or bytes in memory) in large chunks and lends
/// it out line by line, without copying and in constant memory.
///
/// Every line is handed to the callback exactly once, numbered from 1, including blank lines
/// and lines longer than ``maxLineLength`` (flagged ``StreamLine/isTooLong``: only their first
/// bytes are kept, and the rest is skipped up to the next newline without being buffered).
/// A line ends at `\n`; a `\r` before it (CRLF) is dropped; a last line without a newline is
/// still a line; a stream ending with `\n` has no extra empty line after it. A UTF-8
/// byte-order mark at the very start is skipped. Memory: one buffer of
/// `maxLineLength + 1 + chunkSize` bytes, whatever the stream's length; none for a block
/// (``init(block:name:maxLineLength:chunkSize:)``), whose lines are lent from the block itself.
public final class UsageStreamReader {
    /// The default longest line: 1 MiB, without its terminator.
    public static let defaultMaxLineLength = 1 << 20
    /// The default size of one `read(2)`: 1 MiB.
    public static let defaultChunkSize = 1 << 20

    private enum Input {
        case descriptor(Int32, closeWhenDone: Bool)
        case memory([UInt8], position: Int)
    }

    /// The name diagnostics use (`<stdin>` for standard input).
    public let name: String
    /// The longest line accepted, in bytes, without its terminator.
    public let maxLineLength: Int
    /// The most bytes asked of one read.
    public let chunkSize: Int
    /// The stream's size when known in advance (a regular file), for progress.
    public let expectedSize: Int?
    /// Bytes read so far.
    public private(set) var bytesRead = 0
    /// Lines handed out so far.
    public private(set) var linesRead = 0
    /// The stream's bytes up to the end of the last line handed out, its terminator included
    /// (a byte-order mark, CRs and the skipped rest of an over-long line count too): the
    /// stream's exact size once ``forEachLine(_:)`` has read it to the end.
    public internal(set) var bytesConsumed = 0

    private var input: Input
    private let capacity: Int
    private var storage: UnsafeMutablePointer<UInt8>?
    /// The window lines are lent from when they are copied (``forEachLine(_:)``): allocated on
    /// first use, since a block lent in place never needs it.
    private var buffer: UnsafeMutablePointer<UInt8> {
        if let storage { return storage }
        let made = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        storage = made
        return made
    }
    /// Whether the first bytes continue a line begun before them (a block cut inside an
    /// over-long line): they are skipped up to the first newline, as the rest of that line.
    private var startsInsideLine = false
    /// Whether a byte-order mark may start the input (only at the very start of a stream).
    private var mayStartWithByteOrderMark = true
    /// Whether lines are lent straight from the input's memory (a block) instead of from
    /// `buffer`: see ``forEachLine(_:)``. Blocks set it; tests clear it to compare both ways.
    var lendsInPlace = false

    /// Opens a file; `-` means standard input. Throws `input.unreadable` naming the path.
    public convenience init(path: String, maxLineLength: Int = defaultMaxLineLength, chunkSize: Int = defaultChunkSize) throws(Diagnostic) {
        if path == "-" {
            self.init(fileDescriptor: 0, name: "<stdin>", maxLineLength: maxLineLength, chunkSize: chunkSize)
            return
        }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw Diagnostic(code: .inputUnreadable, message: "cannot read '\(path)': \(String(cString: strerror(errno)))", path: path)
        }
        var info = stat()
        if fstat(descriptor, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(descriptor)
            throw Diagnostic(code: .inputUnreadable, message: "cannot read '\(path)': it is a directory", path: path)
        }
        let size = (info.st_mode & S_IFMT) == S_IFREG ? Int(info.st_size) : nil
        self.init(input: .descriptor(descriptor, closeWhenDone: true), name: path, expectedSize: size, maxLineLength: maxLineLength, chunkSize: chunkSize)
    }

    /// Reads an open descriptor (0 for standard input), which the caller keeps and closes.
    public convenience init(fileDescriptor: Int32, name: String, maxLineLength: Int = defaultMaxLineLength, chunkSize: Int = defaultChunkSize) {
        self.init(input: .descriptor(fileDescriptor, closeWhenDone: false), name: name, expectedSize: nil, maxLineLength: maxLineLength, chunkSize: chunkSize)
    }

    /// Reads one block of a longer stream (see ``forEachBlock(size:_:)``): its lines are
    /// numbered, placed and cut exactly as reading the whole stream would give them.
    public convenience init(block: StreamBlock, name: String, maxLineLength: Int = defaultMaxLineLength, chunkSize: Int = defaultChunkSize) {
        self.init(input: .memory(block.bytes, position: 0), name: name, expectedSize: block.bytes.count, maxLineLength: maxLineLength, chunkSize: chunkSize)
        linesRead = block.firstLine - 1
        bytesRead = block.offset
        bytesConsumed = block.offset
        startsInsideLine = block.startsInsideLine
        mayStartWithByteOrderMark = block.offset == 0
        lendsInPlace = true
    }

    /// Reads bytes held in memory, `chunkSize` at a time (for tests and embedders).
    public convenience init(bytes: [UInt8], name: String = "<memory>", maxLineLength: Int = defaultMaxLineLength, chunkSize: Int = defaultChunkSize) {
        self.init(input: .memory(bytes, position: 0), name: name, expectedSize: bytes.count, maxLineLength: maxLineLength, chunkSize: chunkSize)
    }

    private init(input: Input, name: String, expectedSize: Int?, maxLineLength: Int, chunkSize: Int) {
        self.input = input
        self.name = name
        self.expectedSize = expectedSize
        self.maxLineLength = max(1, maxLineLength)
        self.chunkSize = max(1, chunkSize)
        self.capacity = self.maxLineLength + 1 + self.chunkSize
    }

    deinit {
        if case .descriptor(let descriptor, true) = input { close(descriptor) }
        storage?.deallocate()
    }

    /// Calls `body` with every line of the stream, in order, until the end or until `body`
    /// throws (which stops reading and rethrows). Read errors throw `input.unreadable`.
    /// Call it once: the stream is consumed.
    public func forEachLine(_ body: (StreamLine) throws -> Void) throws {
        if lendsInPlace, case .memory(let bytes, 0) = input {
            try bytes.withUnsafeBufferPointer { block in try forEachLine(inPlace: block, body) }
        } else {
            try forEachLine(inPlace: nil, body)
        }
    }

    /// The reading loop. Lines are lent from a window of `maxLineLength + 1 + chunkSize` bytes:
    /// `buffer`, which reads fill and which keeps a pending line by moving it to its start; or,
    /// for a block (`inPlace`), the block's own bytes, where a "read" only widens the window and
    /// keeping a pending line only moves the window's start. The window's positions, and so
    /// every line, offset and count handed out, are the same either way: a block's lines are
    /// not copied, and are cut exactly as copying them would cut them.
    private func forEachLine(inPlace: UnsafeBufferPointer<UInt8>?, _ body: (StreamLine) throws -> Void) throws {
        var window = inPlace?.baseAddress ?? UnsafePointer(buffer)
        var start = 0  // first byte of the pending line in the window
        var end = 0  // end of valid data in the window
        var searchFrom = 0  // where the next newline search resumes
        var bufferOffset = bytesRead  // stream offset of window[0]
        var skippingLongLine = startsInsideLine
        var checkedByteOrderMark = !mayStartWithByteOrderMark
        var atEnd = false

        while true {
            if !checkedByteOrderMark, end >= 3 || atEnd {
                checkedByteOrderMark = true
                if end >= 3, window[0] == 0xEF, window[1] == 0xBB, window[2] == 0xBF {
                    start = 3
                    searchFrom = 3
                }
            }
            if checkedByteOrderMark {
                if skippingLongLine {
                    if let newline = findNewline(in: window, from: searchFrom, to: end) {
                        skippingLongLine = false
                        start = newline + 1
                        searchFrom = start
                    } else {
                        start = end
                        searchFrom = end
                    }
                    bytesConsumed = bufferOffset + start
                }
                if !skippingLongLine {
                    while let newline = findNewline(in: window, from: searchFrom, to: end) {
                        try deliver(window, from: start, to: newline, terminated: true, streamOffset: bufferOffset + start, body)
                        start = newline + 1
                        searchFrom = start
                    }
                    searchFrom = end
                    let pending = end - start
                    if pending > maxLineLength + 1 || (pending == maxLineLength + 1 && window[end - 1] != 0x0D) {
                        linesRead += 1
                        bytesConsumed = bufferOffset + end
                        let prefix = UnsafeBufferPointer(start: window + start, count: maxLineLength)
                        try body(StreamLine(number: linesRead, offset: bufferOffset + start, bytes: prefix, isTooLong: true, maxLineLength: maxLineLength))
                        skippingLongLine = true
                        start = end
                    }
                }
                if atEnd {
                    if !skippingLongLine, end > start {
                        try deliver(window, from: start, to: end, terminated: false, streamOffset: bufferOffset + start, body)
                    }
                    bytesConsumed = bytesRead
                    return
                }
            } else if atEnd {
                bytesConsumed = bytesRead
                return
            }
            if start > 0 {
                let kept = end - start
                if inPlace != nil {
                    window += start
                } else if kept > 0 {
                    memmove(buffer, buffer + start, kept)
                }
                bufferOffset += start
                searchFrom -= start
                end = kept
                start = 0
            }
            let wanted = min(chunkSize, capacity - end)
            let count = inPlace != nil ? widenInPlace(max: wanted) : try readChunk(into: buffer + end, max: wanted)
            if count == 0 { atEnd = true } else { end += count }
        }
    }

    @inline(__always)
    private func findNewline(in window: UnsafePointer<UInt8>, from: Int, to: Int) -> Int? {
        guard from < to, let found = memchr(window + from, 0x0A, to - from) else { return nil }
        return window.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    @inline(__always)
    private func deliver(
        _ window: UnsafePointer<UInt8>, from start: Int, to stop: Int, terminated: Bool, streamOffset: Int, _ body: (StreamLine) throws -> Void
    ) throws {
        var length = stop - start
        bytesConsumed = streamOffset + length + (terminated ? 1 : 0)
        if length > 0, window[stop - 1] == 0x0D { length -= 1 }
        linesRead += 1
        let tooLong = length > maxLineLength
        let bytes = UnsafeBufferPointer(start: window + start, count: tooLong ? maxLineLength : length)
        try body(StreamLine(number: linesRead, offset: streamOffset, bytes: bytes, isTooLong: tooLong, maxLineLength: maxLineLength))
    }

    /// A "read" of a block lent in place: the next bytes are already in the window, after its
    /// end; this only counts them, as ``readChunk(into:max:)`` counts what it copies.
    private func widenInPlace(max wanted: Int) -> Int {
        guard case .memory(let bytes, let position) = input else { return 0 }
        let count = min(wanted, bytes.count - position)
        input = .memory(bytes, position: position + count)
        bytesRead += count
        return count
    }

    func readChunk(into destination: UnsafeMutablePointer<UInt8>, max wanted: Int) throws(Diagnostic) -> Int {
        switch input {
        case .descriptor(let descriptor, _):
            while true {
                let count = read(descriptor, destination, wanted)
                if count >= 0 {
                    bytesRead += count
                    return count
                }
                if errno == EINTR { continue }
                throw Diagnostic(code: .inputUnreadable, message: "cannot read '\(name)': \(String(cString: strerror(errno)))", path: name)
            }
        case .memory(let bytes, let position):
            let count = min(wanted, bytes.count - position)
            if count > 0 {
                bytes.withUnsafeBufferPointer { source in
                    if let base = source.baseAddress { destination.update(from: base + position, count: count) }
                }
            }
            input = .memory(bytes, position: position + count)
            bytesRead += count
            return count
        }
    }
}
