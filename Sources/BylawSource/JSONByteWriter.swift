/// JSON bytes written straight into capacity reserved at the end of a byte array: the one place
/// JSON output touches raw memory.
///
/// Appending a line piece by piece to an `[UInt8]` pays, for every piece, the array's
/// uniqueness and capacity checks and a call to copy the bytes: on a findings-heavy stream that
/// was about a tenth of all instructions. ``append(to:reserving:_:)`` instead reserves a bound
/// on the bytes once, lets the writer fill them with plain stores, and sets the array's count at
/// the end. Every write checks the bound (a trap, never a write past it), so a wrong bound is a
/// crash in testing, not memory corruption.
public struct JSONByteWriter: ~Copyable {
    @usableFromInline let base: UnsafeMutablePointer<UInt8>
    @usableFromInline let limit: Int
    /// Bytes written so far.
    @usableFromInline var written = 0

    @usableFromInline init(base: UnsafeMutablePointer<UInt8>, limit: Int) {
        self.base = base
        self.limit = limit
    }

    /// The most bytes ``writeString(utf8:)`` writes for `count` bytes of UTF-8: a control
    /// character becomes six bytes (`\u001F`), and the quotes add two.
    @inlinable public static func stringBound(_ count: Int) -> Int { 6 &* count &+ 2 }

    /// The most bytes ``writeInt(_:)`` writes.
    public static let intBound = 20

    /// Appends to `out` what `body` writes, which must be at most `bound` bytes.
    @inlinable
    public static func append(to out: inout [UInt8], reserving bound: Int, _ body: (inout JSONByteWriter) -> Void) {
        out.append(addingCapacity: bound) { span in
            span.withUnsafeMutableBufferPointer { buffer, initialized in
                guard let start = buffer.baseAddress else { return }
                var writer = JSONByteWriter(base: start + initialized, limit: min(bound, buffer.count - initialized))
                body(&writer)
                initialized += writer.written
            }
        }
    }

    @inlinable mutating func claim(_ bytes: Int) -> UnsafeMutablePointer<UInt8> {
        precondition(bytes <= limit &- written, "JSONByteWriter: more bytes than reserved")
        let at = base + written
        written &+= bytes
        return at
    }

    /// Writes one byte.
    @inlinable public mutating func write(_ byte: UInt8) {
        claim(1).pointee = byte
    }

    /// Writes a literal fragment (`,"line":`).
    @inlinable public mutating func write(_ literal: StaticString) {
        let length = literal.utf8CodeUnitCount
        claim(length).update(from: literal.utf8Start, count: length)
    }

    /// Writes bytes already encoded.
    @inlinable public mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, bytes.count > 0 else { return }
        claim(bytes.count).update(from: source, count: bytes.count)
    }

    /// Writes bytes already encoded.
    @inlinable public mutating func write(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { write($0) }
    }

    /// Writes an integer in decimal (at most ``intBound`` bytes).
    public mutating func writeInt(_ value: Int) {
        var magnitude = value.magnitude
        if value < 0 { write(0x2D) }
        if magnitude < 10 {
            write(UInt8(truncatingIfNeeded: magnitude) &+ 0x30)
            return
        }
        var digits = 1
        var rest = magnitude
        while rest >= 10 {
            digits += 1
            rest /= 10
        }
        let start = claim(digits)
        var position = digits
        // Two digits at a time from a table of "00" to "99": half the divisions.
        Self.digitPairs.withUTF8Buffer { pairs in
            while magnitude >= 10 {
                let pair = Int(magnitude % 100) &* 2
                magnitude /= 100
                position -= 2
                start[position] = pairs[pair]
                start[position + 1] = pairs[pair + 1]
            }
        }
        if position > 0 { start[0] = UInt8(truncatingIfNeeded: magnitude) &+ 0x30 }
    }

    /// "00", "01", … "99", one after another.
    private static let digitPairs: StaticString = """
        00010203040506070809101112131415161718192021222324252627282930313233343536373839\
        40414243444546474849505152535455565758596061626364656667686970717273747576777879\
        8081828384858687888990919293949596979899
        """

    /// Writes valid UTF-8 `bytes` as a JSON string literal (RFC 8259 escapes; U+2028/2029
    /// escaped too), at most ``stringBound(_:)`` bytes: what ``JSONValue`` writes for the string.
    public mutating func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        write(0x22)
        var runStart = 0
        var index = 0
        let count = bytes.count
        var tailChecked = false
        while index < count {
            // Skip eight bytes at a time while none of them needs attention.
            while index + 8 <= count, !JSONBytes.needsAttention(JSONBytes.loadWord(bytes, index)) { index += 8 }
            // Fewer than eight left: the word ending at the last byte decides them at once (it
            // overlaps bytes already passed, so a hit there only means going on byte by byte).
            if !tailChecked, index + 8 > count, count >= 8 {
                tailChecked = true
                if !JSONBytes.needsAttention(JSONBytes.loadWord(bytes, count - 8)) {
                    index = count
                    break
                }
            }
            guard index < count else { break }
            let byte = bytes[index]
            var escape: StaticString?
            var width = 1
            switch byte {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
                escape = bytes[index + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                width = 3
            default:
                if byte < 0x20 {
                    write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    writeControlEscape(byte)
                    index += 1
                    runStart = index
                    continue
                }
            }
            if let escape {
                write(UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                write(escape)
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        write(UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        write(0x22)
    }

    private mutating func writeControlEscape(_ byte: UInt8) {
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }
        let at = claim(6)
        at[0] = 0x5C
        at[1] = 0x75
        at[2] = 0x30
        at[3] = 0x30
        at[4] = digit(byte >> 4)
        at[5] = digit(byte & 0x0F)
    }
}
