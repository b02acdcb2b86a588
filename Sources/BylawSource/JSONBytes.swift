/// JSON written straight into a byte buffer: the hot path of NDJSON output, where building
/// `String`s piece by piece costs more than evaluating the rules. Output is byte-for-byte what
/// ``JSONValue`` writes.
public enum JSONBytes {
    /// Appends `value` as a JSON string literal (RFC 8259 escapes; U+2028/2029 escaped too).
    public static func writeString(_ value: String, to out: inout [UInt8]) {
        var value = value
        value.withUTF8 { writeString(utf8: $0, to: &out) }
    }

    /// Appends valid UTF-8 `bytes` as a JSON string literal: exactly what ``writeString(_:to:)``
    /// writes for the string of those bytes, without making the string.
    public static func writeString(utf8 bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(0x22)
        var runStart = 0
        var index = 0
        let count = bytes.count
        while index < count {
            // Skip eight bytes at a time while none of them needs attention.
            while index + 8 <= count, !needsAttention(loadWord(bytes, index)) { index += 8 }
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
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                    appendControlEscape(byte, to: &out)
                    index += 1
                    runStart = index
                    continue
                }
            }
            if let escape {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                index += width
                runStart = index
            } else {
                index += 1
            }
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<count]))
        out.append(0x22)
    }

    /// Whether any byte of a little-endian word is a control character, `"`, `\` or 0xE2 (the
    /// lead byte of U+2028/2029): the classic "has a zero byte" trick applied per condition.
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let below0x20 = (word &- ones &* 0x20) & ~word & highs != 0
        return below0x20 || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C)) || hasZeroByte(word ^ (ones &* 0xE2))
    }

    /// Eight bytes of `bytes` from `index` (at least eight must remain) as a little-endian word,
    /// for scanning text a word at a time.
    @inline(__always)
    public static func loadWord(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> UInt64 {
        guard let base = bytes.baseAddress else { return 0 }
        return UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
    }

    /// Appends a literal fragment (`,"line":`).
    @inline(__always)
    public static func write(_ literal: StaticString, to out: inout [UInt8]) {
        literal.withUTF8Buffer { out.append(contentsOf: $0) }
    }

    /// Appends an integer in decimal without creating a `String`.
    public static func writeInt(_ value: Int, to out: inout [UInt8]) {
        if value < 0 {
            out.append(0x2D)
            if value == .min {
                out.append(contentsOf: String(value).utf8.dropFirst())
                return
            }
        }
        var magnitude = value.magnitude
        if magnitude < 10 {
            out.append(UInt8(truncatingIfNeeded: magnitude) + 0x30)
            return
        }
        // Digits from the right into a stack buffer (a `UInt64` has 20 at most), appended as
        // one buffer: appending a slice of raw bytes went through the generic path, byte by byte.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            var count = 0
            repeat {
                buffer[19 - count] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
                count += 1
            } while magnitude > 0
            out.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[(20 - count)...]))
        }
    }

    private static func appendControlEscape(_ byte: UInt8, to out: inout [UInt8]) {
        // Byte by byte: an array literal here would allocate for every escaped control character.
        func digit(_ value: UInt8) -> UInt8 { value < 10 ? 0x30 + value : 0x57 + value }
        out.append(0x5C)
        out.append(0x75)
        out.append(0x30)
        out.append(0x30)
        out.append(digit(byte >> 4))
        out.append(digit(byte & 0x0F))
    }
}
