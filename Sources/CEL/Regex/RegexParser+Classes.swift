extension RegexParser {
    /// A bracketed class: `[abc]`, `[^a-z]`, `[\d\s]`, `[[:alpha:]]`, `[\p{L}_]`.
    mutating func parseClass() throws(CELRegexError) -> RegexNode {
        let start = position
        position += 1
        var negated = false
        if peek == "^" {
            negated = true
            position += 1
        }
        var set = ScalarRangeSet()
        var first = true
        while true {
            guard let scalar = peek else {
                throw error("missing closing ] for the character class opened here", at: start)
            }
            if scalar == "]", !first {
                position += 1
                break
            }
            first = false
            let itemStart = position
            if scalar == "[", peek(1) == ":", let posix = try parsePOSIXClass() {
                set.formUnion(posix)
                continue
            }
            let low: UInt32
            switch try parseClassItem() {
            case .scalar(let value): low = value
            case .set(let items):
                set.formUnion(items)
                continue
            }
            // A `-` before `]` is a literal, so only read a range when something follows.
            guard peek == "-", let after = peek(1), after != "]" else {
                set.insert(low...low)
                continue
            }
            position += 1
            guard case .scalar(let high) = try parseClassItem() else {
                throw error("invalid character class range: a class like \\d cannot end a range", at: itemStart)
            }
            guard low <= high else {
                throw error("invalid character class range: the start is after the end", at: itemStart)
            }
            set.insert(low...high)
        }
        if flags.caseInsensitive {
            set = set.caseFolded()
        }
        return .set(negated ? set.inverted() : set)
    }

    private enum ClassItem {
        case scalar(UInt32)
        case set(ScalarRangeSet)
    }

    private mutating func parseClassItem() throws(CELRegexError) -> ClassItem {
        guard let scalar = peek else {
            throw error("missing closing ] for the character class", at: position)
        }
        guard scalar == "\\" else {
            position += 1
            return .scalar(scalar.value)
        }
        switch try parseEscape(inClass: true) {
        case .scalar(let value): return .scalar(value)
        case .set(let set): return .set(set)
        case .assertion, .quoted:
            // parseEscape never returns these inside a class.
            return .set(ScalarRangeSet())
        }
    }

    /// `[:name:]` or `[:^name:]` at `position`; nil (consuming nothing) when the text is not
    /// of that form, so `[[:]` keeps its literal meaning.
    private mutating func parsePOSIXClass() throws(CELRegexError) -> ScalarRangeSet? {
        let start = position
        var index = position + 2
        var negated = false
        if index < scalars.count, scalars[index] == "^" {
            negated = true
            index += 1
        }
        var name = ""
        while index < scalars.count, scalars[index] != ":" {
            guard scalars[index].isASCII, scalars[index].properties.isAlphabetic else { return nil }
            name.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard index + 1 < scalars.count, scalars[index] == ":", scalars[index + 1] == "]" else { return nil }
        guard let set = ASCIIClasses.posix(name) else {
            throw error("unknown POSIX class [:\(name):]", at: start)
        }
        position = index + 2
        return negated ? set.inverted() : set
    }
}
