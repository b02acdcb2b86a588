import CEL

/// Text and tree look-ups behind ``PlainLanguage``: the word before an error, an expression
/// respelled with CEL's operators, the call an issue points at, what a literal looks like.
enum ExpressionWords {
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "_")
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    /// The word (letters, digits, `_`) that ends just before `offset`, spaces between allowed;
    /// nil when there is none or it is a field (`x.not`).
    static func word(endingBefore offset: Int, in bytes: [UInt8]) -> (text: String, range: CELRange)? {
        var end = min(offset, bytes.count)
        while end > 0, isSpace(bytes[end - 1]) { end -= 1 }
        var start = end
        while start > 0, isWordByte(bytes[start - 1]) { start -= 1 }
        guard start < end, start == 0 || bytes[start - 1] != UInt8(ascii: ".") else { return nil }
        return (String(decoding: bytes[start..<end], as: UTF8.self), CELRange(start: start, end: end))
    }

    /// `text` with `and`, `or`, a lone `=` and a leading `not` spelled as CEL spells them,
    /// string literals left alone. Nil when a `not` stands anywhere but at the start: how much
    /// of the rest it negates cannot be told from the text.
    static func corrected(_ text: String) -> String? {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        var wrapped = false
        if let first = leadingWord(bytes, from: index), first.lowercased() == "not" {
            index += 3
            while index < bytes.count, isSpace(bytes[index]) { index += 1 }
            out += Array("!(".utf8)
            wrapped = true
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let end = endOfString(bytes, from: index)
                out += bytes[index..<end]
                index = end
            } else if isWordByte(byte) {
                var end = index
                while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
                let word = String(decoding: bytes[index..<end], as: UTF8.self)
                let isField = index > 0 && bytes[index - 1] == UInt8(ascii: ".")
                switch (isField, word.lowercased()) {
                case (false, "and"): out += Array("&&".utf8)
                case (false, "or"): out += Array("||".utf8)
                case (false, "not"): return nil
                default: out += bytes[index..<end]
                }
                index = end
            } else if byte == UInt8(ascii: "=") {
                let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                let previous = index > 0 ? bytes[index - 1] : 0
                if next == UInt8(ascii: "=") {
                    out += bytes[index...index + 1]
                    index += 2
                } else {
                    let isPartOfOperator = [UInt8(ascii: "!"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "=")].contains(previous)
                    out += isPartOfOperator ? [byte] : Array("==".utf8)
                    index += 1
                }
            } else {
                out.append(byte)
                index += 1
            }
        }
        if wrapped {
            // `not (a == b)` needs no second pair of parentheses.
            if isOneGroup(out.dropFirst(2)) { out.remove(at: 1) } else { out.append(UInt8(ascii: ")")) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `bytes` is one parenthesized group: its first `(` closes at its last byte.
    private static func isOneGroup(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.first == UInt8(ascii: "("), bytes.last == UInt8(ascii: ")") else { return false }
        let text = Array(bytes)
        var depth = 0
        var index = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                index = endOfString(text, from: index)
                continue
            }
            if byte == UInt8(ascii: "(") { depth += 1 }
            if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index == text.count - 1 }
            }
            index += 1
        }
        return false
    }

    private static func leadingWord(_ bytes: [UInt8], from start: Int) -> String? {
        var end = start
        while end < bytes.count, isWordByte(bytes[end]) { end += 1 }
        return end > start ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
    }

    /// One past the closing quote of the string literal opening at `start` (or the end).
    private static func endOfString(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote { return index + 1 }
            index += 1
        }
        return bytes.count
    }

    /// The call node written exactly over `range`.
    static func call(at range: CELRange, in root: CELExpr) -> CELExpr? {
        var stack = [root]
        while let node = stack.popLast() {
            if node.range == range, case .call = node.kind { return node }
            stack.append(contentsOf: node.children)
        }
        return nil
    }

    /// A number as people write it: digits, at most one point, an optional sign.
    static func isNumeral(_ text: String) -> Bool {
        var digits = 0, points = 0
        for (index, character) in text.enumerated() {
            if character.isASCII, character.isNumber { digits += 1 } else if character == "." { points += 1 } else if !(index == 0 && character == "-") { return false }
        }
        return digits > 0 && points <= 1
    }

    /// `YYYY-MM-DD`.
    static func isDate(_ text: String) -> Bool { CalendarDate(text) != nil }

    /// A number or boolean literal as written.
    static func shown(_ literal: CELLiteral) -> String? {
        switch literal {
        case .int(let value): return String(value)
        case .uint(let value): return "\(value)u"
        case .double(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) + ".0" : String(value)
        case .bool(let value): return String(value)
        default: return nil
        }
    }
}
