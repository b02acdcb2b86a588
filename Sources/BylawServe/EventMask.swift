/// A field of the event left out of the decision log: `event.user`, `event.artifact` (the
/// whole object), `event.tokens.in`. The field's value is logged as `"[masked]"`.
public struct EventMask: Sendable, Hashable, CustomStringConvertible {
    /// The keys from the event down to the field.
    public let keys: [String]

    /// Parses `event.KEY[.KEY…]`; nil for anything else.
    public init?(_ text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 2, parts[0] == "event", parts.dropFirst().allSatisfy({ !$0.isEmpty }) else { return nil }
        keys = Array(parts.dropFirst())
    }

    public var description: String { "event." + keys.joined(separator: ".") }
}

/// Rewrites an event's JSON for the log: compact (one line, whatever the request's layout), with
/// the masked fields' values replaced by `"[masked]"`. It also returns the masked string
/// values, which the log scrubs from the findings' messages and hints too.
///
/// The input is an event the scanner accepted (valid JSON, nesting within its limit); on any
/// surprise the masker gives up (nil) and the record logs no event rather than a wrong one.
struct EventMasker {
    static let replacement: [UInt8] = Array("\"[masked]\"".utf8)

    let masks: [EventMask]

    func rewrite(_ bytes: [UInt8]) -> (json: [UInt8], maskedStrings: [String])? {
        var run = Run(bytes: bytes, masks: masks.map(\.keys))
        run.skipWhitespace()
        guard run.value(path: [], depth: 0) else { return nil }
        run.skipWhitespace()
        guard run.index == bytes.count else { return nil }
        return (run.out, run.masked)
    }

    private struct Run {
        let bytes: [UInt8]
        let masks: [[String]]
        var index = 0
        var out: [UInt8] = []
        var masked: [String] = []

        init(bytes: [UInt8], masks: [[String]]) {
            self.bytes = bytes
            self.masks = masks
            out.reserveCapacity(bytes.count)
        }

        mutating func skipWhitespace() {
            while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == 0x0A || bytes[index] == 0x0D {
                index += 1
            }
        }

        /// Copies (or masks below `path`) the value at `index`. `path` is nil inside a part no
        /// mask reaches: it is copied without looking at keys.
        mutating func value(path: [String]?, depth: Int) -> Bool {
            guard index < bytes.count, depth < 256 else { return false }
            switch bytes[index] {
            case UInt8(ascii: "{"): return object(path: path, depth: depth)
            case UInt8(ascii: "["):
                out.append(bytes[index])
                index += 1
                skipWhitespace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
                    out.append(bytes[index])
                    index += 1
                    return true
                }
                while true {
                    // Masks name object keys: inside an array, nothing is masked.
                    guard value(path: nil, depth: depth + 1) else { return false }
                    skipWhitespace()
                    guard index < bytes.count else { return false }
                    out.append(bytes[index])
                    index += 1
                    if bytes[index - 1] == UInt8(ascii: "]") { return true }
                    guard bytes[index - 1] == UInt8(ascii: ",") else { return false }
                    skipWhitespace()
                }
            case UInt8(ascii: "\""):
                guard let end = stringEnd(from: index) else { return false }
                out.append(contentsOf: bytes[index..<end])
                index = end
                return true
            default:
                // A number, true, false or null: up to the next delimiter.
                let start = index
                while index < bytes.count, !Self.isDelimiter(bytes[index]) { index += 1 }
                guard index > start else { return false }
                out.append(contentsOf: bytes[start..<index])
                return true
            }
        }

        private mutating func object(path: [String]?, depth: Int) -> Bool {
            out.append(UInt8(ascii: "{"))
            index += 1
            skipWhitespace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
                out.append(UInt8(ascii: "}"))
                index += 1
                return true
            }
            while true {
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\""), let keyEnd = stringEnd(from: index) else { return false }
                let keyBytes = bytes[index..<keyEnd]
                out.append(contentsOf: keyBytes)
                index = keyEnd
                skipWhitespace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return false }
                out.append(UInt8(ascii: ":"))
                index += 1
                skipWhitespace()
                var childPath: [String]?
                if let path {
                    let key = JSONStringText.decode(keyBytes)
                    let candidate = path + [key]
                    if masks.contains(candidate) {
                        guard maskValue(depth: depth) else { return false }
                        childPath = nil
                    } else if masks.contains(where: { $0.count > candidate.count && Array($0.prefix(candidate.count)) == candidate }) {
                        childPath = candidate
                        guard value(path: childPath, depth: depth + 1) else { return false }
                    } else {
                        guard value(path: nil, depth: depth + 1) else { return false }
                    }
                } else {
                    guard value(path: nil, depth: depth + 1) else { return false }
                }
                skipWhitespace()
                guard index < bytes.count else { return false }
                let separator = bytes[index]
                out.append(separator)
                index += 1
                if separator == UInt8(ascii: "}") { return true }
                guard separator == UInt8(ascii: ",") else { return false }
                skipWhitespace()
            }
        }

        /// Skips the value at `index`, writing the replacement; a string value is kept aside.
        private mutating func maskValue(depth: Int) -> Bool {
            let mark = out.count
            let start = index
            guard value(path: nil, depth: depth + 1) else { return false }
            if bytes[start] == UInt8(ascii: "\"") {
                let text = JSONStringText.decode(bytes[start..<index])
                if !text.isEmpty { masked.append(text) }
            }
            out.removeSubrange(mark...)
            out.append(contentsOf: EventMasker.replacement)
            return true
        }

        /// The index just past the closing quote of the string starting at `start`.
        private func stringEnd(from start: Int) -> Int? {
            var position = start + 1
            while position < bytes.count {
                switch bytes[position] {
                case UInt8(ascii: "\\"): position += 2
                case UInt8(ascii: "\""): return position + 1
                default: position += 1
                }
            }
            return nil
        }

        private static func isDelimiter(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]")
                || byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
        }
    }
}

/// The text of a JSON string token (quotes included), its escapes decoded.
enum JSONStringText {
    static func decode(_ token: ArraySlice<UInt8>) -> String {
        guard token.count >= 2 else { return "" }
        let inner = token.dropFirst().dropLast()
        guard inner.contains(UInt8(ascii: "\\")) else { return String(decoding: inner, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var utf8: [UInt8] = []
        func flush() {
            scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
            utf8.removeAll()
        }
        var index = inner.startIndex
        var pendingHigh: UInt32?
        while index < inner.endIndex {
            let byte = inner[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < inner.endIndex else {
                utf8.append(byte)
                index += 1
                continue
            }
            let escape = inner[index + 1]
            index += 2
            let simple: UInt8? = switch escape {
            case UInt8(ascii: "n"): 0x0A
            case UInt8(ascii: "t"): 0x09
            case UInt8(ascii: "r"): 0x0D
            case UInt8(ascii: "b"): 0x08
            case UInt8(ascii: "f"): 0x0C
            case UInt8(ascii: "u"): nil
            default: escape
            }
            if let simple {
                utf8.append(simple)
                continue
            }
            guard index + 4 <= inner.endIndex, let code = UInt32(String(decoding: inner[index..<index + 4], as: UTF8.self), radix: 16) else { continue }
            index += 4
            flush()
            if (0xD800..<0xDC00).contains(code) {
                pendingHigh = code
            } else if (0xDC00..<0xE000).contains(code), let high = pendingHigh {
                pendingHigh = nil
                if let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)) { scalars.append(scalar) }
            } else if let scalar = Unicode.Scalar(code) {
                scalars.append(scalar)
            }
        }
        flush()
        return String(scalars)
    }
}
