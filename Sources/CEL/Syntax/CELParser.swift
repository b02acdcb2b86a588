/// Recursive-descent parser for CEL. Nesting is bounded by ``CELLimits``; past the limit the
/// parser reports once and skips the rest instead of recursing further.
struct CELParser {
    private var lexer: CELLexer
    private(set) var token: CELToken
    private var nextID = 1
    private(set) var issues: [CELIssue] = []
    private var depth = 0
    private var gaveUp = false
    let limits: CELLimits
    let macros: Bool
    let text: String

    init(_ text: String, limits: CELLimits, macros: Bool = true) {
        self.text = text
        self.limits = limits
        self.macros = macros
        lexer = CELLexer(text)
        token = CELToken(kind: .eof, range: .at(0))
        token = nextToken()
    }

    /// Parses the whole text.
    mutating func parse() -> CELAST {
        let root: CELExpr
        if text.utf8.count > limits.maxTextLength {
            report("expression is longer than \(limits.maxTextLength) bytes", .at(0), code: CELIssueCode.limit)
            root = make(.invalid, .at(0))
        } else {
            root = parseExpr()
            // Keep parsing after a stray token so later errors are reported too.
            while !gaveUp, token.kind != .eof {
                report("unexpected \(describe(token)) after the expression", token.range)
                advance()
                _ = parseExpr()
            }
        }
        return CELAST(text: text, root: root, nextID: nextID)
    }

    // MARK: tokens and errors

    private mutating func nextToken() -> CELToken {
        while true {
            let t = lexer.next()
            if case .error(let message) = t.kind { report(message, t.range); continue }
            return t
        }
    }

    mutating func advance() { token = nextToken() }

    mutating func report(_ message: String, _ range: CELRange, code: CELIssueCode = .syntax, hint: String? = nil) {
        if issues.count >= limits.maxSyntaxErrors { giveUp(); return }
        if let last = issues.last, last.range.start == range.start, last.code == code { return }
        issues.append(CELIssue(code: code, message: message, range: range, hint: hint))
    }

    /// Stops parsing: skips to the end so every caller unwinds without recursing again.
    private mutating func giveUp() {
        gaveUp = true
        while token.kind != .eof { token = lexer.next() }
    }

    func describe(_ t: CELToken) -> String {
        switch t.kind {
        case .eof: "end of expression"
        case .punct(let p): "'\(p)'"
        case .ident(let name), .quotedIdent(let name): "'\(name)'"
        default: "literal"
        }
    }

    mutating func expect(_ p: String) -> Bool {
        if token.isPunct(p) { advance(); return true }
        report("expected '\(p)', found \(describe(token))", token.range)
        return false
    }

    mutating func make(_ kind: CELExpr.Kind, _ range: CELRange) -> CELExpr {
        defer { nextID += 1 }
        let node = CELExpr(id: nextID, range: range, kind: kind)
        return node
    }

    mutating func freshID() -> Int {
        defer { nextID += 1 }
        return nextID
    }

    private mutating func checkHeight(_ e: CELExpr) -> CELExpr {
        if e.height > limits.maxHeight {
            report("expression is too deeply nested (height limit \(limits.maxHeight))", e.range, code: CELIssueCode.limit)
            giveUp()
            return make(.invalid, e.range)
        }
        return e
    }

    // MARK: grammar

    mutating func parseExpr() -> CELExpr {
        if gaveUp { return make(.invalid, token.range) }
        depth += 1
        defer { depth -= 1 }
        if depth > limits.maxNesting {
            report("expression nests deeper than \(limits.maxNesting) levels", token.range, code: CELIssueCode.limit)
            giveUp()
            return make(.invalid, token.range)
        }
        let condition = parseBinary(level: 0)
        guard token.isPunct("?") else { return condition }
        advance()
        let then = parseBinary(level: 0)
        _ = expect(":")
        let otherwise = parseExpr()
        let range = condition.range.union(otherwise.range)
        return checkHeight(make(.call(target: nil, function: CELOperator.conditional, args: [condition, then, otherwise]), range))
    }

    private static let levels: [[String: String]] = [
        ["||": CELOperator.logicalOr],
        ["&&": CELOperator.logicalAnd],
        ["<": CELOperator.less, "<=": CELOperator.lessEquals, ">": CELOperator.greater, ">=": CELOperator.greaterEquals,
         "==": CELOperator.equals, "!=": CELOperator.notEquals],
        ["+": CELOperator.add, "-": CELOperator.subtract],
        ["*": CELOperator.multiply, "/": CELOperator.divide, "%": CELOperator.modulo],
    ]

    private mutating func binaryOperator(level: Int) -> String? {
        if level == 2, case .ident("in") = token.kind { return CELOperator.in }
        guard case .punct(let p) = token.kind else { return nil }
        return Self.levels[level][p]
    }

    private mutating func parseBinary(level: Int) -> CELExpr {
        if level == Self.levels.count { return parseUnary() }
        var left = parseBinary(level: level + 1)
        while !gaveUp, let op = binaryOperator(level: level) {
            advance()
            let right = parseBinary(level: level + 1)
            left = checkHeight(make(.call(target: nil, function: op, args: [left, right]), left.range.union(right.range)))
        }
        return left
    }

    private mutating func parseUnary() -> CELExpr {
        var ops: [(String, CELRange)] = []
        while token.isPunct("!") || token.isPunct("-") {
            ops.append((token.isPunct("!") ? CELOperator.logicalNot : CELOperator.negate, token.range))
            advance()
            if ops.count > limits.maxHeight { break }
        }
        // A negated integer literal is a literal, so -9223372036854775808 is representable.
        if let last = ops.last, last.0 == CELOperator.negate, case .int(let magnitude) = token.kind {
            let range = last.1.union(token.range)
            advance()
            ops.removeLast()
            var operand: CELExpr
            if magnitude <= UInt64(Int64.max) {
                operand = make(.literal(.int(-Int64(magnitude))), range)
            } else if magnitude == UInt64(Int64.max) + 1 {
                operand = make(.literal(.int(Int64.min)), range)
            } else {
                report("integer literal out of range", range)
                operand = make(.invalid, range)
            }
            operand = parseMemberSuffixes(operand)
            return applyUnary(ops, to: operand)
        }
        return applyUnary(ops, to: parseMember())
    }

    private mutating func applyUnary(_ ops: [(String, CELRange)], to operand: CELExpr) -> CELExpr {
        var result = operand
        for (op, range) in ops.reversed() {
            result = checkHeight(make(.call(target: nil, function: op, args: [result]), range.union(result.range)))
        }
        return result
    }
}
