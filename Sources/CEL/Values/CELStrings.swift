/// Code-point helpers over a string's UTF-8 bytes (CEL sizes and indexes strings by code point).
enum CELStrings {
    /// The same text in Swift's most compact form: strings of up to 15 UTF-8 bytes are stored
    /// inline (no heap object, no reference counting when copied), whatever built them.
    static func compact(_ s: String) -> String {
        s.utf8.count <= 15 ? String(decoding: Array(s.utf8), as: UTF8.self) : s
    }

    /// Number of Unicode scalars: the UTF-8 bytes that do not continue a sequence.
    static func codePointCount(_ s: String) -> Int {
        var copy = s
        return copy.withUTF8 { bytes in
            var n = 0
            for b in bytes where b & 0xC0 != 0x80 { n += 1 }
            return n
        }
    }
}
