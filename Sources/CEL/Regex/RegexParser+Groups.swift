extension RegexParser {
    /// `(re)`, `(?:re)`, `(?P<name>re)`, `(?<name>re)`, `(?flags)`, `(?flags:re)`.
    mutating func parseGroup(depth: Int) throws(CELRegexError) -> RegexNode? {
        let start = position
        guard depth <= RegexLimits.maxDepth else {
            throw error("pattern nests groups more than \(RegexLimits.maxDepth) deep", at: start)
        }
        position += 1
        var captureName: String?
        var capturing = true
        let savedFlags = flags
        if peek == "?" {
            position += 1
            switch (peek, peek(1)) {
            case ("=", _), ("!", _), ("<", "="), ("<", "!"):
                throw error("lookahead and lookbehind assertions are not supported (RE2 syntax)", at: start)
            case ("P", "="), ("P", ">"), ("&", _):
                throw error("backreferences and subroutine calls are not supported (RE2 syntax)", at: start)
            case ("P", "<"), ("<", _):
                position += peek == "P" ? 2 : 1
                captureName = try parseGroupName(groupStart: start)
            default:
                if try parseFlags(groupStart: start) {
                    return nil
                }
                capturing = false
            }
        }
        var index = 0
        if capturing {
            captureNames.append(captureName)
            index = captureNames.count
        }
        let inner = try parseAlternation(depth: depth)
        guard peek == ")" else {
            throw error("missing closing ) for the group opened here", at: start)
        }
        position += 1
        flags = savedFlags
        return capturing ? .capture(index, inner) : inner
    }

    private mutating func parseGroupName(groupStart: Int) throws(CELRegexError) -> String {
        var name = ""
        while let scalar = peek, scalar != ">" {
            guard scalar.isASCII, scalar.properties.isAlphabetic || scalar == "_" || ("0"..."9").contains(scalar) else {
                throw error("invalid capture group name: use letters, digits and _", at: groupStart)
            }
            name.unicodeScalars.append(scalar)
            position += 1
        }
        guard peek == ">", !name.isEmpty else {
            throw error("invalid capture group name: expected (?P<name>...)", at: groupStart)
        }
        position += 1
        if captureNames.contains(name) {
            throw error("duplicate capture group name \"\(name)\"", at: groupStart)
        }
        return name
    }

    /// Parses `imsU` flags with an optional `-` after `(?`. Returns true for `(?flags)`,
    /// which changes the flags until the end of the enclosing group; false for `(?flags:`,
    /// whose flags apply inside the group (the caller restores them).
    private mutating func parseFlags(groupStart: Int) throws(CELRegexError) -> Bool {
        var negate = false
        var sawFlag = false
        var sawNegation = false
        while let scalar = peek {
            position += 1
            switch scalar {
            case "i": flags.caseInsensitive = !negate; sawFlag = true
            case "m": flags.multiLine = !negate; sawFlag = true
            case "s": flags.dotMatchesNewline = !negate; sawFlag = true
            case "U": flags.ungreedy = !negate; sawFlag = true
            case "-":
                guard !sawNegation else { break }
                negate = true
                sawNegation = true
                sawFlag = false
                continue
            case ")", ":":
                // `(?:` needs no flags; `(?)`, `(?-)` and `(?i-:` are malformed.
                let valid = scalar == ":" ? (!sawNegation || sawFlag) : sawFlag
                guard valid else { break }
                return scalar == ")"
            default:
                break
            }
            if !(sawFlag && "imsU".unicodeScalars.contains(scalar)) {
                throw error("invalid or unsupported group syntax (RE2 allows (?:...), (?P<name>...) and flags imsU)", at: groupStart)
            }
        }
        throw error("missing closing ) for the group opened here", at: groupStart)
    }
}
