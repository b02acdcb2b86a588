/// A `message:` or `hint:` split into literal text and `{expression}` placeholders.
///
/// `{{` and `}}` are literal braces. Inside a placeholder, braces nest and string literals are
/// skipped, so `{m.map(k, {k: 1})}` and `{"}"}` are one placeholder each.
public struct MessageTemplate: Sendable {
    public enum Part: Sendable, Equatable {
        case literal(String)
        /// The expression's text and its UTF-8 range in the template text.
        case placeholder(String, Range<Int>)
    }

    /// A malformed template: the message and the UTF-8 range in the template text.
    public struct Problem: Error, Sendable, Equatable {
        public let message: String
        public let range: Range<Int>
        public let hint: String?
    }

    public let parts: [Part]

    /// Splits `text`; a problem is an unclosed `{`, a lone `}`, or an empty `{}`.
    public static func parse(_ text: String) -> Result<MessageTemplate, Problem> {
        let bytes = Array(text.utf8)
        var parts: [Part] = []
        var literal: [UInt8] = []
        var index = 0
        func flushLiteral() {
            if !literal.isEmpty { parts.append(.literal(String(decoding: literal, as: UTF8.self))) }
            literal.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "{"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                literal.append(byte)
                index += 2
            } else if byte == UInt8(ascii: "}"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "}") {
                literal.append(byte)
                index += 2
            } else if byte == UInt8(ascii: "}") {
                return .failure(Problem(message: "'}' without a matching '{' in the template", range: index..<index + 1, hint: "write '}}' for a literal brace"))
            } else if byte == UInt8(ascii: "{") {
                guard let close = closingBrace(bytes, from: index + 1) else {
                    return .failure(Problem(message: "'{' is never closed in the template", range: index..<bytes.count, hint: "close the placeholder with '}', or write '{{' for a literal brace"))
                }
                let inner = String(decoding: bytes[(index + 1)..<close], as: UTF8.self)
                if inner.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    return .failure(Problem(message: "empty placeholder '{}' in the template", range: index..<close + 1, hint: "put an expression inside, e.g. {event.user}"))
                }
                flushLiteral()
                parts.append(.placeholder(inner, (index + 1)..<close))
                index = close + 1
            } else {
                literal.append(byte)
                index += 1
            }
        }
        flushLiteral()
        return .success(MessageTemplate(parts: parts))
    }

    /// The index of the `}` closing a placeholder opened just before `start`.
    private static func closingBrace(_ bytes: [UInt8], from start: Int) -> Int? {
        var depth = 0
        var index = start
        var quote: UInt8?
        while index < bytes.count {
            let byte = bytes[index]
            if let open = quote {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "}") {
                if depth == 0 { return index }
                depth -= 1
            }
            index += 1
        }
        return nil
    }
}
