/// A recursive-descent parser for RE2 syntax, producing a `RegexNode`.
///
/// It works on Unicode scalars and remembers each scalar's UTF-8 offset so errors point
/// into the pattern as the user wrote it.
struct RegexParser {
    let scalars: [Unicode.Scalar]
    /// UTF-8 offset of each scalar, plus one entry for the end of the pattern.
    let offsets: [Int]
    var position = 0
    var flags = RegexFlags()
    /// Names of capture groups 1...n (nil for unnamed groups).
    var captureNames: [String?] = []

    init(_ pattern: String) {
        var scalars: [Unicode.Scalar] = []
        var offsets: [Int] = []
        var offset = 0
        for scalar in pattern.unicodeScalars {
            scalars.append(scalar)
            offsets.append(offset)
            offset += UTF8.width(scalar)
        }
        offsets.append(offset)
        self.scalars = scalars
        self.offsets = offsets
    }

    /// Parses the whole pattern.
    mutating func parse() throws(CELRegexError) -> RegexNode {
        let node = try parseAlternation(depth: 0)
        if position < scalars.count {
            // Only an unmatched `)` stops the top-level alternation early.
            throw error("unexpected ) with no matching (", at: position)
        }
        return node
    }

    // MARK: Structure

    mutating func parseAlternation(depth: Int) throws(CELRegexError) -> RegexNode {
        var branches = [try parseConcatenation(depth: depth)]
        while peek == "|" {
            position += 1
            branches.append(try parseConcatenation(depth: depth))
        }
        return branches.count == 1 ? branches[0] : .alternate(branches)
    }

    mutating func parseConcatenation(depth: Int) throws(CELRegexError) -> RegexNode {
        var items: [RegexNode] = []
        // Whether the last item can take a repetition operator (flag groups like `(?i)` cannot).
        var lastIsOperand = false
        while let scalar = peek, scalar != "|", scalar != ")" {
            let start = position
            if let repetition = try parseRepetitionOperator() {
                guard lastIsOperand, let operand = items.popLast() else {
                    throw error("missing argument to repetition operator", at: start)
                }
                items.append(.repeat(operand, min: repetition.min, max: repetition.max, greedy: repetition.greedy))
                let nestedStart = position
                if try parseRepetitionOperator() != nil {
                    throw error("invalid nested repetition operator (RE2 has no possessive or stacked quantifiers)", at: nestedStart)
                }
                lastIsOperand = false
                continue
            }
            if let atom = try parseAtom(depth: depth) {
                items.append(atom)
                lastIsOperand = true
            } else {
                lastIsOperand = false
            }
        }
        switch items.count {
        case 0: return .empty
        case 1: return items[0]
        default: return .concat(items)
        }
    }

    /// `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}`, each optionally followed by `?` (lazy).
    /// Returns nil, consuming nothing, when the next text is not a repetition operator
    /// (a `{` that does not start a valid count is a literal, as in RE2).
    mutating func parseRepetitionOperator() throws(CELRegexError) -> (min: Int, max: Int?, greedy: Bool)? {
        guard let scalar = peek else { return nil }
        let start = position
        var bounds: (min: Int, max: Int?)
        switch scalar {
        case "*": bounds = (0, nil); position += 1
        case "+": bounds = (1, nil); position += 1
        case "?": bounds = (0, 1); position += 1
        case "{":
            guard let counted = try parseCountedRepetition() else { return nil }
            bounds = counted
        default:
            return nil
        }
        var greedy = true
        if peek == "?" {
            greedy = false
            position += 1
        }
        if flags.ungreedy {
            greedy.toggle()
        }
        if let max = bounds.max, max < bounds.min {
            throw error("invalid repeat count: the maximum is below the minimum", at: start)
        }
        return (bounds.min, bounds.max, greedy)
    }

    private mutating func parseCountedRepetition() throws(CELRegexError) -> (min: Int, max: Int?)? {
        let start = position
        position += 1
        guard let minimum = readDecimal() else {
            position = start
            return nil
        }
        var maximum: Int? = minimum
        if peek == "," {
            position += 1
            maximum = peek == "}" ? nil : readDecimal()
            if maximum == nil, peek != "}" {
                position = start
                return nil
            }
        }
        guard peek == "}" else {
            position = start
            return nil
        }
        position += 1
        if minimum > RegexLimits.maxRepeat || (maximum ?? 0) > RegexLimits.maxRepeat {
            throw error("invalid repeat count: at most \(RegexLimits.maxRepeat) repetitions", at: start)
        }
        return (minimum, maximum)
    }

    /// Reads decimal digits, saturating so a huge count cannot overflow.
    private mutating func readDecimal() -> Int? {
        var value = 0
        var digits = 0
        while let scalar = peek, let digit = scalar.properties.numericType == .decimal && scalar.isASCII ? Int(scalar.value - 48) : nil {
            value = min(value * 10 + digit, 1_000_000)
            digits += 1
            position += 1
        }
        return digits > 0 ? value : nil
    }

    // MARK: Atoms

    /// One atom, or nil for a flag setting like `(?i)` that matches nothing.
    mutating func parseAtom(depth: Int) throws(CELRegexError) -> RegexNode? {
        guard let scalar = peek else { return .empty }
        switch scalar {
        case "(":
            return try parseGroup(depth: depth + 1)
        case "[":
            return try parseClass()
        case ".":
            position += 1
            return flags.dotMatchesNewline ? .anyScalar : .anyNotNewline
        case "^":
            position += 1
            return .assertion(flags.multiLine ? .beginLine : .beginText)
        case "$":
            position += 1
            return .assertion(flags.multiLine ? .endLine : .endText)
        case "\\":
            return try parseEscapeAtom()
        default:
            position += 1
            return literal(scalar.value)
        }
    }

    /// A literal scalar, folded when `(?i)` is on.
    func literal(_ value: UInt32) -> RegexNode {
        if flags.caseInsensitive {
            let folded = ScalarRangeSet.single(value).caseFolded()
            if folded.ranges.count > 1 || folded.ranges.first?.count ?? 0 > 1 {
                return .set(folded)
            }
        }
        return .literal(value)
    }

    // MARK: Helpers

    var peek: Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    func peek(_ offset: Int) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    func error(_ message: String, at index: Int) -> CELRegexError {
        CELRegexError(message: message, offset: offsets[min(index, offsets.count - 1)])
    }
}
