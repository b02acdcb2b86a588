/// What a backslash escape stands for.
enum RegexEscape {
    case scalar(UInt32)
    case set(ScalarRangeSet)
    case assertion(RegexAssertion)
    /// `\Q...\E`: literal text.
    case quoted([UInt32])
}

extension RegexParser {
    /// An escape outside a class, as a node.
    mutating func parseEscapeAtom() throws(CELRegexError) -> RegexNode {
        switch try parseEscape(inClass: false) {
        case .scalar(let value):
            return literal(value)
        case .set(let set):
            return .set(set)
        case .assertion(let assertion):
            return .assertion(assertion)
        case .quoted(let values):
            let nodes = values.map { literal($0) }
            return nodes.count == 1 ? nodes[0] : (nodes.isEmpty ? .empty : .concat(nodes))
        }
    }

    /// Parses the escape at `position` (which holds the backslash).
    mutating func parseEscape(inClass: Bool) throws(CELRegexError) -> RegexEscape {
        let start = position
        position += 1
        guard let scalar = peek else {
            throw error("trailing backslash at the end of the pattern", at: start)
        }
        position += 1
        switch scalar {
        case "a": return .scalar(0x07)
        case "f": return .scalar(0x0C)
        case "t": return .scalar(0x09)
        case "n": return .scalar(0x0A)
        case "r": return .scalar(0x0D)
        case "v": return .scalar(0x0B)
        case "d": return .set(ASCIIClasses.digit)
        case "D": return .set(ASCIIClasses.digit.inverted())
        case "s": return .set(ASCIIClasses.space)
        case "S": return .set(ASCIIClasses.space.inverted())
        case "w": return .set(ASCIIClasses.word)
        case "W": return .set(ASCIIClasses.word.inverted())
        case "p", "P":
            return .set(try parseUnicodeClass(negated: scalar == "P", escapeStart: start))
        case "x":
            return .scalar(try parseHexEscape(escapeStart: start))
        case "0"..."7":
            // RE2 reads \0, \0nn and \nnn (when the second digit is octal) as octal; a lone
            // \1...\7 would be a backreference, which RE2 does not have.
            if scalar != "0", !(peek.map { ("0"..."7").contains($0) } ?? false) {
                throw backreference(at: start)
            }
            var value = scalar.value - 48
            for _ in 0..<2 {
                guard let next = peek, ("0"..."7").contains(next) else { break }
                value = value * 8 + next.value - 48
                position += 1
            }
            return .scalar(value)
        case "8", "9", "k", "g":
            throw backreference(at: start)
        case "b" where !inClass: return .assertion(.wordBoundary)
        case "B" where !inClass: return .assertion(.notWordBoundary)
        case "A" where !inClass: return .assertion(.beginText)
        case "z" where !inClass: return .assertion(.endText)
        case "Q" where !inClass:
            var values: [UInt32] = []
            while let next = peek {
                if next == "\\", peek(1) == "E" {
                    position += 2
                    break
                }
                values.append(next.value)
                position += 1
            }
            return .quoted(values)
        case "C":
            throw error("\\C (any byte) is not supported: matching works on Unicode characters", at: start)
        default:
            if scalar.isASCII, !scalar.properties.isAlphabetic, !("0"..."9").contains(scalar) {
                return .scalar(scalar.value)
            }
            throw error("invalid escape sequence \\\(scalar)", at: start)
        }
    }

    private func backreference(at start: Int) -> CELRegexError {
        error("backreferences are not supported (RE2 syntax)", at: start)
    }

    /// `\xhh` or `\x{h...}` after the `x`.
    private mutating func parseHexEscape(escapeStart: Int) throws(CELRegexError) -> UInt32 {
        let invalid = error("invalid escape sequence: expected \\xhh or \\x{h...} up to 10FFFF", at: escapeStart)
        if peek == "{" {
            position += 1
            var value: UInt32 = 0
            var digits = 0
            while let next = peek, let digit = next.properties.isASCIIHexDigit ? UInt32(String(next), radix: 16) : nil {
                value = value * 16 + digit
                digits += 1
                position += 1
                guard value <= ScalarRangeSet.maxScalar else { throw invalid }
            }
            guard digits > 0, peek == "}" else { throw invalid }
            position += 1
            return value
        }
        var value: UInt32 = 0
        for _ in 0..<2 {
            guard let next = peek, next.properties.isASCIIHexDigit, let digit = UInt32(String(next), radix: 16) else {
                throw invalid
            }
            value = value * 16 + digit
            position += 1
        }
        return value
    }

    /// `\pL`, `\p{Lu}`, `\p{^L}` after the `p` or `P`.
    private mutating func parseUnicodeClass(negated: Bool, escapeStart: Int) throws(CELRegexError) -> ScalarRangeSet {
        var name = ""
        var negate = negated
        if peek == "{" {
            position += 1
            if peek == "^" {
                negate.toggle()
                position += 1
            }
            while let next = peek, next != "}" {
                name.unicodeScalars.append(next)
                position += 1
            }
            guard peek == "}" else {
                throw error("missing closing } in Unicode class", at: escapeStart)
            }
            position += 1
        } else if let next = peek {
            name.unicodeScalars.append(next)
            position += 1
        }
        guard var set = UnicodeCategories.set(named: name) else {
            throw error("unknown or unsupported Unicode class \\p{\(name)} (general categories such as L, Lu, Nd, P, S, Z are supported; scripts are not)", at: escapeStart)
        }
        if flags.caseInsensitive {
            set = set.caseFolded()
        }
        return negate ? set.inverted() : set
    }
}
