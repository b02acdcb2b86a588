extension CELLexer {
    /// Reads a string or bytes literal starting at its opening quote. Strings decode to code
    /// points; bytes keep `\x`/octal escapes as raw bytes and other text as UTF-8.
    mutating func lexString(raw: Bool, isBytes: Bool) -> CELToken.Kind {
        let quote = bytesAt(position)
        let triple = bytesAt(position + 1) == quote && bytesAt(position + 2) == quote
        position += triple ? 3 : 1
        var out: [UInt8] = []
        var error: String?
        while true {
            guard let c = bytesAt(position) else { return .error("unterminated string literal") }
            if c == quote {
                if !triple { position += 1; break }
                if bytesAt(position + 1) == quote, bytesAt(position + 2) == quote { position += 3; break }
            }
            if !triple, c == 0x0A || c == 0x0D { return .error("newline in string literal") }
            if c == UInt8(ascii: "\\"), !raw {
                if let message = lexEscape(into: &out, isBytes: isBytes), error == nil { error = message }
                continue
            }
            out.append(c)
            position += 1
        }
        if let error { return .error(error) }
        if isBytes { return .bytes(out) }
        guard let text = String(validating: out, as: UTF8.self) else { return .error("invalid UTF-8 in string literal") }
        return .string(text)
    }

    private func bytesAt(_ i: Int) -> UInt8? { i < bytesCount ? byte(i) : nil }

    /// Decodes one escape at `position` (a backslash); returns an error message if invalid.
    private mutating func lexEscape(into out: inout [UInt8], isBytes: Bool) -> String? {
        position += 1
        guard let c = bytesAt(position) else { return "unterminated escape" }
        position += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
            UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09, UInt8(ascii: "v"): 0x0B, UInt8(ascii: "\\"): 0x5C,
            UInt8(ascii: "'"): 0x27, UInt8(ascii: "\""): 0x22, UInt8(ascii: "`"): 0x60, UInt8(ascii: "?"): 0x3F,
        ]
        if let s = simple[c] { out.append(s); return nil }
        func readDigits(_ count: Int, radix: Int) -> UInt32? {
            guard position + count <= bytesCount else { return nil }
            var value: UInt32 = 0
            for i in 0..<count {
                guard let d = Int(String(UnicodeScalar(byte(position + i))), radix: radix) else { return nil }
                value = value * UInt32(radix) + UInt32(d)
            }
            position += count
            return value
        }
        switch c {
        case UInt8(ascii: "x"), UInt8(ascii: "X"):
            guard let v = readDigits(2, radix: 16) else { return "invalid \\x escape" }
            appendCode(v, into: &out, raw: isBytes)
        case UInt8(ascii: "0")...UInt8(ascii: "3"):
            position -= 1
            guard let v = readDigits(3, radix: 8) else { return "invalid octal escape" }
            appendCode(v, into: &out, raw: isBytes)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            if isBytes { return "\\u escapes are not allowed in bytes literals" }
            guard let v = readDigits(c == UInt8(ascii: "u") ? 4 : 8, radix: 16) else { return "invalid unicode escape" }
            guard UnicodeScalar(v) != nil else { return "invalid unicode code point in escape" }
            appendCode(v, into: &out, raw: false)
        default:
            return "invalid escape sequence"
        }
        return nil
    }

    private func appendCode(_ v: UInt32, into out: inout [UInt8], raw: Bool) {
        if raw { out.append(UInt8(truncatingIfNeeded: v)); return }
        guard let scalar = UnicodeScalar(v) else { return }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }
}
