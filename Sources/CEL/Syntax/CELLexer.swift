/// Splits CEL text into tokens over its UTF-8 bytes.
struct CELLexer {
    private let bytes: [UInt8]
    var position = 0
    var bytesCount: Int { bytes.count }
    func byte(_ i: Int) -> UInt8 { bytes[i] }

    init(_ text: String) { bytes = Array(text.utf8) }

    mutating func next() -> CELToken {
        skipTrivia()
        let start = position
        guard position < bytes.count else { return CELToken(kind: .eof, range: .at(start)) }
        let c = bytes[position]
        let kind: CELToken.Kind
        if isDigit(c) || (c == UInt8(ascii: ".") && position + 1 < bytes.count && isDigit(bytes[position + 1])) {
            kind = lexNumber()
        } else if isIdentStart(c) {
            kind = lexIdentOrPrefixedString()
        } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
            kind = lexString(raw: false, isBytes: false)
        } else if c == UInt8(ascii: "`") {
            kind = lexQuotedIdent()
        } else {
            kind = lexPunct()
        }
        return CELToken(kind: kind, range: CELRange(start: start, end: position))
    }

    private mutating func skipTrivia() {
        while position < bytes.count {
            let c = bytes[position]
            if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C {
                position += 1
            } else if c == UInt8(ascii: "/"), position + 1 < bytes.count, bytes[position + 1] == UInt8(ascii: "/") {
                while position < bytes.count, bytes[position] != 0x0A { position += 1 }
            } else {
                return
            }
        }
    }

    private func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    private func isHex(_ c: UInt8) -> Bool { isDigit(c) || (c | 0x20 >= 0x61 && c | 0x20 <= 0x66) }
    private func isIdentStart(_ c: UInt8) -> Bool { (c | 0x20 >= 0x61 && c | 0x20 <= 0x7A) || c == 0x5F }
    private func isIdentPart(_ c: UInt8) -> Bool { isIdentStart(c) || isDigit(c) }
    private func peek(_ offset: Int = 0) -> UInt8? {
        position + offset < bytes.count ? bytes[position + offset] : nil
    }

    private mutating func lexNumber() -> CELToken.Kind {
        let start = position
        if bytes[position] == UInt8(ascii: "0"), let x = peek(1), x | 0x20 == UInt8(ascii: "x") {
            position += 2
            let digitsStart = position
            while let c = peek(), isHex(c) { position += 1 }
            let text = String(decoding: bytes[digitsStart..<position], as: UTF8.self)
            guard !text.isEmpty, let value = UInt64(text, radix: 16) else {
                return .error("invalid hexadecimal literal")
            }
            if let u = peek(), u | 0x20 == UInt8(ascii: "u") { position += 1; return .uint(value) }
            return .int(value)
        }
        var isDouble = false
        while let c = peek(), isDigit(c) { position += 1 }
        if peek() == UInt8(ascii: "."), let d = peek(1), isDigit(d) {
            isDouble = true
            position += 1
            while let c = peek(), isDigit(c) { position += 1 }
        }
        if let e = peek(), e | 0x20 == UInt8(ascii: "e") {
            var offset = 1
            if let s = peek(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { offset = 2 }
            if let d = peek(offset), isDigit(d) {
                isDouble = true
                position += offset
                while let c = peek(), isDigit(c) { position += 1 }
            }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        if isDouble {
            guard let value = Double(text) else { return .error("invalid floating-point literal") }
            return .double(value)
        }
        guard let value = UInt64(text) else { return .error("integer literal out of range") }
        if let u = peek(), u | 0x20 == UInt8(ascii: "u") { position += 1; return .uint(value) }
        return .int(value)
    }

    private mutating func lexIdentOrPrefixedString() -> CELToken.Kind {
        // String prefixes: r, b, rb, br in any case, directly followed by a quote.
        var raw = false
        var isBytes = false
        var offset = 0
        while offset < 2, let c = peek(offset) {
            let lower = c | 0x20
            if lower == UInt8(ascii: "r"), !raw { raw = true } else if lower == UInt8(ascii: "b"), !isBytes { isBytes = true } else { break }
            offset += 1
        }
        if offset > 0, let q = peek(offset), q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
            position += offset
            return lexString(raw: raw, isBytes: isBytes)
        }
        let start = position
        while let c = peek(), isIdentPart(c) { position += 1 }
        return .ident(String(decoding: bytes[start..<position], as: UTF8.self))
    }

    private mutating func lexQuotedIdent() -> CELToken.Kind {
        position += 1
        let start = position
        while let c = peek(), c != UInt8(ascii: "`"), c != 0x0A { position += 1 }
        guard peek() == UInt8(ascii: "`") else { return .error("unterminated quoted identifier") }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        position += 1
        return .quotedIdent(name)
    }

    private static let puncts: [String] = [
        "&&", "||", "==", "!=", "<=", ">=", ".?", "[?", "<", ">", "!", "+", "-", "*", "/", "%",
        "?", ":", ".", ",", "(", ")", "[", "]", "{", "}", "=",
    ]

    /// The punctuators' bytes, computed once: lexing must not allocate per token.
    private static let punctBytes: [(text: String, bytes: [UInt8])] = puncts.map { ($0, Array($0.utf8)) }

    private mutating func lexPunct() -> CELToken.Kind {
        for (text, punct) in Self.punctBytes where position + punct.count <= bytes.count {
            var matches = true
            for offset in 0..<punct.count where bytes[position + offset] != punct[offset] {
                matches = false
                break
            }
            if matches {
                position += punct.count
                return .punct(text)
            }
        }
        // Skip one whole UTF-8 scalar so the error points at a character, not half of one.
        position += 1
        while let c = peek(), c & 0xC0 == 0x80 { position += 1 }
        return .error("unexpected character")
    }
}
