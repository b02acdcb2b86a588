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

extension CELStrings {
    /// `text` with the first `limit` occurrences of `old` replaced (all when `limit` < 0). An
    /// empty `old` matches before every code point and at the end, as in Go.
    static func replace(_ text: String, _ old: String, _ new: String, limit: Int) -> String {
        if limit == 0 { return text }
        if old.isEmpty {
            var out = ""
            var n = 0
            for scalar in text.unicodeScalars {
                if limit < 0 || n < limit {
                    out += new
                    n += 1
                }
                out.unicodeScalars.append(scalar)
            }
            if limit < 0 || n < limit { out += new }
            return out
        }
        let parts = split(text, old, limit: limit < 0 ? -1 : limit + 1)
        return parts.joined(separator: new)
    }

    /// The UTF-8 size of ``replace(_:_:_:limit:)``'s result, worked out without building it
    /// (so a replacement that would grow past the memory budget is refused before it allocates).
    /// Saturates at `Int.max`.
    static func replacedSize(_ text: String, _ old: String, _ new: String, limit: Int) -> Int {
        let size = text.utf8.count
        if limit == 0 { return size }
        let occurrences = old.isEmpty ? codePointCount(text) + 1 : ByteSearch(Array(old.utf8)).occurrences(in: Array(text.utf8))
        let replaced = limit < 0 ? occurrences : min(occurrences, limit)
        let (growth, overflow) = replaced.multipliedReportingOverflow(by: new.utf8.count - old.utf8.count)
        let (total, overflow2) = size.addingReportingOverflow(growth)
        return overflow || overflow2 ? .max : total
    }

    /// Go's `strings.SplitN`: at most `limit` parts (all when < 0, none when 0); an empty
    /// separator splits into code points.
    static func split(_ text: String, _ sep: String, limit: Int) -> [String] {
        if limit == 0 { return [] }
        if sep.isEmpty {
            let scalars = Array(text.unicodeScalars)
            var out: [String] = []
            for (i, s) in scalars.enumerated() {
                if limit > 0, out.count == limit - 1 {
                    var rest = String.UnicodeScalarView()
                    rest.append(contentsOf: scalars[i...])
                    out.append(String(rest))
                    return out
                }
                out.append(String(s))
            }
            return out
        }
        let bytes = Array(text.utf8)
        let search = ByteSearch(Array(sep.utf8))
        var out: [String] = []
        var start = 0
        while !(limit > 0 && out.count == limit - 1), let found = search.firstOffset(in: bytes, after: start) {
            out.append(String(decoding: bytes[start..<found], as: UTF8.self))
            start = found + search.needle.count
        }
        out.append(String(decoding: bytes[start...], as: UTF8.self))
        return out
    }

    /// A CEL double-quoted string literal for `text` (cel-go's `strings.quote`).
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\u{07}": out += "\\a"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{0B}": out += "\\v"
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

/// A string's UTF-8 bytes with the offset where each code point starts: code-point indexing
/// (`charAt`, `substring`) in one pass over bytes, without an array of scalars.
struct CodePoints {
    let bytes: [UInt8]
    /// `starts[i]` is the byte offset of code point `i`; one more entry holds the byte count.
    let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count + 1)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        starts.append(bytes.count)
        self.starts = starts
    }

    /// The number of code points.
    var count: Int { starts.count - 1 }

    /// The text of code points `range` (within `0...count`).
    func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[starts[range.lowerBound]..<starts[range.upperBound]], as: UTF8.self)
    }
}
