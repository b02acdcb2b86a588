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
        JSONByteWriter.append(to: &out, reserving: JSONByteWriter.stringBound(bytes.count)) { $0.writeString(utf8: bytes) }
    }

    /// Whether any byte of a little-endian word is a control character, `"`, `\` or 0xE2 (the
    /// lead byte of U+2028/2029): the four tests joined before the one check.
    @inline(__always)
    static func needsAttention(_ word: UInt64) -> Bool {
        let tests = WordBytes.below(0x20, in: word) | WordBytes.equal(to: 0x22, in: word) | WordBytes.equal(to: 0x5C, in: word)
            | WordBytes.equal(to: 0xE2, in: word)
        return WordBytes.flags(tests) != 0
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
        JSONByteWriter.append(to: &out, reserving: JSONByteWriter.intBound) { $0.writeInt(value) }
    }
}
