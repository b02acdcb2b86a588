#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawModel

/// Cuts a body arriving in pieces into the lines of a usage stream, exactly as
/// ``UsageStreamReader`` cuts a file: a line ends at `\n` and a `\r` before it is dropped; a
/// last line without a newline is still a line; a UTF-8 byte-order mark at the very start is
/// skipped; a line longer than `maxLineLength` is handed out once, flagged too long, with its
/// first `maxLineLength` bytes, and the rest of it is skipped unread. Memory: one line.
struct BatchLineSplitter {
    let maxLineLength: Int
    /// The start of the current line when it spans pieces (at most `maxLineLength + 3` bytes).
    private var pending: [UInt8] = []
    /// The body's offset of the current line's first byte.
    private var pendingOffset = 0
    /// The body's first bytes, held until there are three to look for a byte-order mark.
    private var held: [UInt8] = []
    private var checkedStart = false
    /// Bytes of the body before the piece being split.
    private var consumed = 0
    private var lineNumber = 0
    /// Inside a too-long line already handed out: skip to its newline.
    private var skipping = false

    init(maxLineLength: Int) {
        self.maxLineLength = max(1, maxLineLength)
    }

    /// Lines handed out so far.
    var lines: Int { lineNumber }

    /// Hands every line the piece completes to `body`, in order.
    mutating func feed(_ piece: UnsafeRawBufferPointer, _ body: (StreamLine) throws -> Void) rethrows {
        let bytes = piece.bindMemory(to: UInt8.self)
        guard !checkedStart else {
            try split(bytes, body)
            return
        }
        // The mark may straddle pieces: the first bytes wait until there are three.
        let start = held + Array(bytes)
        guard start.count >= 3 else {
            held = start
            return
        }
        held = []
        checkedStart = true
        let skip = start.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        consumed += skip
        try start.withUnsafeBufferPointer { try split(UnsafeBufferPointer(rebasing: $0[skip...]), body) }
    }

    /// Hands out the last line when the body did not end with a newline.
    mutating func finish(_ body: (StreamLine) throws -> Void) rethrows {
        if !checkedStart {
            checkedStart = true
            let start = held
            held = []
            try start.withUnsafeBufferPointer { try split($0, body) }
        }
        guard !skipping, !pending.isEmpty else { return }
        let line = pending
        pending = []
        try line.withUnsafeBufferPointer { try deliver($0, offset: pendingOffset, body) }
    }

    private mutating func split(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (StreamLine) throws -> Void) rethrows {
        var position = 0
        while position < bytes.count {
            let newline = Self.newline(in: bytes, from: position)
            if skipping {
                guard let newline else { break }
                skipping = false
                position = newline + 1
                continue
            }
            guard let newline else {
                if pending.isEmpty { pendingOffset = consumed + position }
                keep(UnsafeBufferPointer(rebasing: bytes[position...]))
                if pending.count > maxLineLength + 1 || (pending.count == maxLineLength + 1 && pending.last != 0x0D) {
                    try deliverTooLong(body)
                }
                break
            }
            if pending.isEmpty {
                try deliver(UnsafeBufferPointer(rebasing: bytes[position..<newline]), offset: consumed + position, body)
            } else {
                keep(UnsafeBufferPointer(rebasing: bytes[position..<newline]))
                let line = pending
                pending.removeAll(keepingCapacity: true)
                try line.withUnsafeBufferPointer { try deliver($0, offset: pendingOffset, body) }
            }
            position = newline + 1
        }
        consumed += bytes.count
    }

    /// The index of the first `\n` at or after `start`: `memchr`, which looks at many bytes a
    /// step (the loop of `firstIndex(of:)` looks at one).
    private static func newline(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress, start < bytes.count, let found = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Appends to the pending line what can still matter: past `maxLineLength + 2` bytes (a
    /// `\r` may end it) it is too long whatever follows.
    private mutating func keep(_ bytes: UnsafeBufferPointer<UInt8>) {
        let room = maxLineLength + 2 - pending.count
        if room > 0 { pending.append(contentsOf: bytes.prefix(room)) }
    }

    private mutating func deliver(_ line: UnsafeBufferPointer<UInt8>, offset: Int, _ body: (StreamLine) throws -> Void) rethrows {
        var length = line.count
        if length > 0, line[length - 1] == 0x0D { length -= 1 }
        lineNumber += 1
        let tooLong = length > maxLineLength
        let bytes = UnsafeBufferPointer(rebasing: line[0..<(tooLong ? maxLineLength : length)])
        try body(StreamLine(number: lineNumber, offset: offset, bytes: bytes, isTooLong: tooLong, maxLineLength: maxLineLength))
    }

    private mutating func deliverTooLong(_ body: (StreamLine) throws -> Void) rethrows {
        lineNumber += 1
        let line = pending
        pending.removeAll(keepingCapacity: true)
        skipping = true
        try line.withUnsafeBufferPointer { buffer in
            try body(StreamLine(
                number: lineNumber, offset: pendingOffset, bytes: UnsafeBufferPointer(rebasing: buffer[0..<maxLineLength]),
                isTooLong: true, maxLineLength: maxLineLength))
        }
    }
}
