#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension EventLineParser {
    /// Validates any JSON value at `index` (the value of an unknown field) and advances past
    /// it. `depth` is the value's nesting level; containers deeper than `maxDepth` fail.
    mutating func skipValue(depth: Int) throws(ScanFailure) {
        guard index < count else { throw unexpected("where a value was expected") }
        switch base[index] {
        case UInt8(ascii: "\""):
            index += 1
            _ = try scanStringBody()
        case UInt8(ascii: "{"):
            guard depth <= maxDepth else { throw tooDeep(at: index) }
            try skipObject(depth: depth)
        case UInt8(ascii: "["):
            guard depth <= maxDepth else { throw tooDeep(at: index) }
            try skipArray(depth: depth)
        case UInt8(ascii: "t"): try skipLiteral("true")
        case UInt8(ascii: "f"): try skipLiteral("false")
        case UInt8(ascii: "n"): try skipLiteral("null")
        case UInt8(ascii: "-"), 0x30...0x39: try scanNumber()
        default: throw unexpected("where a value was expected")
        }
    }

    private mutating func skipObject(depth: Int) throws(ScanFailure) {
        index += 1
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "}") {
            index += 1
            return
        }
        while true {
            guard index < count, base[index] == UInt8(ascii: "\"") else {
                throw unexpected("where a field name in double quotes was expected")
            }
            index += 1
            _ = try scanStringBody()
            skipWhitespace()
            guard index < count, base[index] == UInt8(ascii: ":") else {
                throw unexpected("where ':' was expected after a field name")
            }
            index += 1
            skipWhitespace()
            try skipValue(depth: depth + 1)
            skipWhitespace()
            guard index < count else { throw unexpected("where ',' or '}' was expected") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if base[index] == UInt8(ascii: "}") {
                index += 1
                return
            } else {
                throw unexpected("where ',' or '}' was expected")
            }
        }
    }

    private mutating func skipArray(depth: Int) throws(ScanFailure) {
        index += 1
        skipWhitespace()
        if index < count, base[index] == UInt8(ascii: "]") {
            index += 1
            return
        }
        while true {
            try skipValue(depth: depth + 1)
            skipWhitespace()
            guard index < count else { throw unexpected("where ',' or ']' was expected") }
            if base[index] == UInt8(ascii: ",") {
                index += 1
                skipWhitespace()
            } else if base[index] == UInt8(ascii: "]") {
                index += 1
                return
            } else {
                throw unexpected("where ',' or ']' was expected")
            }
        }
    }

    /// Validates `true`, `false` or `null` at `index`.
    mutating func skipLiteral(_ literal: StaticString) throws(ScanFailure) {
        let length = literal.utf8CodeUnitCount
        guard index + length <= count, memcmp(base + index, literal.utf8Start, length) == 0 else {
            throw ScanFailure(.invalidJSON, at: index, "invalid value: expected '\(literal)'")
        }
        index += length
    }

    /// A failure for the byte at `index` (or the end of the line): an unexpected character is
    /// invalid JSON, or invalid UTF-8 when it is not even UTF-8.
    func unexpected(_ context: String) -> ScanFailure {
        guard index < count else { return ScanFailure(.invalidJSON, at: index, "the line ends \(context)") }
        if base[index] >= 0x80, utf8SequenceLength(at: index) == 0 {
            return ScanFailure(.invalidUTF8, at: index, "invalid UTF-8 byte 0x\(hex(UInt32(base[index]), width: 2))")
        }
        return ScanFailure(.invalidJSON, at: index, "unexpected \(describeByte(at: index)) \(context)")
    }

    /// The character at `at`, quoted for a message (`'x'`, `U+0007`).
    func describeByte(at offset: Int) -> String {
        let byte = base[offset]
        if byte >= 0x21, byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        if byte < 0x80 { return "U+\(hex(UInt32(byte), width: 4))" }
        let length = utf8SequenceLength(at: offset)
        guard length > 0 else { return "byte 0x\(hex(UInt32(byte), width: 2))" }
        return "'" + String(decoding: UnsafeBufferPointer(start: base + offset, count: length), as: UTF8.self) + "'"
    }

    /// The kind of a (valid) value starting at `at`, with a short excerpt: `a string "many"`.
    func describeValue(at start: Int) -> String {
        let end = min(index, start + 40)
        let excerpt = String(decoding: UnsafeBufferPointer(start: base + start, count: max(0, end - start)), as: UTF8.self)
        let shown = index - start > 40 ? excerpt + "…" : excerpt
        switch base[start] {
        case UInt8(ascii: "\""): return "a string \(shown)"
        case UInt8(ascii: "{"): return "an object"
        case UInt8(ascii: "["): return "an array"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return "a boolean \(shown)"
        case UInt8(ascii: "n"): return "null"
        default: return "the number \(shown)"
        }
    }
}
