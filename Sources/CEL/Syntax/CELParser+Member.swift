extension CELParser {
    mutating func parseMember() -> CELExpr {
        parseMemberSuffixes(parsePrimary())
    }

    mutating func parseMemberSuffixes(_ base: CELExpr) -> CELExpr {
        var e = base
        while true {
            if token.isPunct(".") || token.isPunct(".?") {
                let optional = token.isPunct(".?")
                advance()
                let name: String
                let nameRange = token.range
                var quoted = false
                switch token.kind {
                case .ident(let n): name = n
                case .quotedIdent(let n): name = n; quoted = true
                default:
                    report("expected a field name after '.', found \(describe(token))", token.range)
                    return e
                }
                advance()
                if optional {
                    let field = make(.literal(.string(name)), nameRange)
                    e = make(.call(target: nil, function: CELOperator.optionalSelect, args: [e, field]), e.range.union(nameRange))
                } else if token.isPunct("("), !quoted {
                    advance()
                    let args = parseList(closing: ")", optionalElements: false).elements
                    let end = token.range
                    _ = expect(")")
                    e = expandCall(target: e, function: name, args: args, range: e.range.union(end))
                } else {
                    e = make(.select(operand: e, field: name, testOnly: false), e.range.union(nameRange))
                }
            } else if token.isPunct("[") || token.isPunct("[?") {
                let optional = token.isPunct("[?")
                advance()
                let index = parseExpr()
                let end = token.range
                _ = expect("]")
                let op = optional ? CELOperator.optionalIndex : CELOperator.index
                e = make(.call(target: nil, function: op, args: [e, index]), e.range.union(end))
            } else if token.isPunct("{"), let typeName = qualifiedName(e) {
                advance()
                let fields = parseStructFields()
                let end = token.range
                _ = expect("}")
                e = make(.structure(typeName: typeName, fields: fields), e.range.union(end))
            } else {
                return e
            }
            if e.height > limits.maxHeight {
                report("expression is too deeply nested (height limit \(limits.maxHeight))", e.range, code: CELIssueCode.limit)
                return make(.invalid, e.range)
            }
        }
    }

    /// `a.b.C` as a dotted name, for message construction.
    private func qualifiedName(_ e: CELExpr) -> String? {
        switch e.kind {
        case .ident(let name, let rooted): return rooted ? "." + name : name
        case .select(let operand, let field, false): return qualifiedName(operand).map { $0 + "." + field }
        default: return nil
        }
    }

    mutating func parsePrimary() -> CELExpr {
        let t = token
        switch t.kind {
        case .int(let magnitude):
            advance()
            guard magnitude <= UInt64(Int64.max) else {
                report("integer literal out of range", t.range)
                return make(.invalid, t.range)
            }
            return make(.literal(.int(Int64(magnitude))), t.range)
        case .uint(let v): advance(); return make(.literal(.uint(v)), t.range)
        case .double(let v): advance(); return make(.literal(.double(v)), t.range)
        case .string(let v): advance(); return make(.literal(.string(v)), t.range)
        case .bytes(let v): advance(); return make(.literal(.bytes(v)), t.range)
        case .ident(let name):
            advance()
            return parseIdentifier(name, rooted: false, range: t.range)
        case .punct("."):
            advance()
            guard case .ident(let name) = token.kind else {
                report("expected an identifier after '.', found \(describe(token))", token.range)
                return make(.invalid, t.range)
            }
            let range = t.range.union(token.range)
            advance()
            return parseIdentifier(name, rooted: true, range: range)
        case .punct("("):
            advance()
            let inner = parseExpr()
            _ = expect(")")
            return inner
        case .punct("["), .punct("[?"):
            // The lexer reads `[?` as one token (for `x[?k]`); opening a list it is `[` followed by
            // the first element's `?`.
            advance()
            let list = parseList(closing: "]", firstIsOptional: t.isPunct("[?"))
            let end = token.range
            _ = expect("]")
            return make(.list(elements: list.elements, optionalIndices: list.optional), t.range.union(end))
        case .punct("{"):
            advance()
            let entries = parseMapEntries()
            let end = token.range
            _ = expect("}")
            return make(.map(entries: entries), t.range.union(end))
        default:
            report("unexpected \(describe(t)), expected an expression", t.range)
            if t.kind != .eof, !t.isPunct(")"), !t.isPunct("]"), !t.isPunct("}"), !t.isPunct(",") { advance() }
            return make(.invalid, t.range)
        }
    }

    private mutating func parseIdentifier(_ name: String, rooted: Bool, range: CELRange) -> CELExpr {
        switch name {
        case "true" where !rooted: return make(.literal(.bool(true)), range)
        case "false" where !rooted: return make(.literal(.bool(false)), range)
        case "null" where !rooted: return make(.literal(.null), range)
        default: break
        }
        if celReservedWords.contains(name) {
            report("'\(name)' is a reserved word and cannot be used as an identifier", range)
            return make(.invalid, range)
        }
        if token.isPunct("(") {
            advance()
            let args = parseList(closing: ")", optionalElements: false).elements
            let end = token.range
            _ = expect(")")
            return expandCall(target: nil, function: rooted ? "." + name : name, args: args, range: range.union(end))
        }
        return make(.ident(name, rooted: rooted), range)
    }

    /// Comma-separated expressions up to `closing`. A `?` marks an optional element, which only
    /// list literals have: in call arguments (`optionalElements` false) it is a syntax error.
    mutating func parseList(closing: String, firstIsOptional: Bool = false, optionalElements: Bool = true)
        -> (elements: [CELExpr], optional: [Int]) {
        var elements: [CELExpr] = []
        var optional: [Int] = []
        var marked = firstIsOptional
        while marked || (!token.isPunct(closing) && token.kind != .eof) {
            if token.isPunct("?") {
                if !optionalElements { report("unexpected '?': only list elements and map entries can be optional", token.range) }
                advance()
                marked = true
            }
            if marked { optional.append(elements.count) }
            marked = false
            elements.append(parseExpr())
            guard token.isPunct(",") else { break }
            advance()
        }
        return (elements, optional)
    }

    private mutating func parseMapEntries() -> [CELMapEntry] {
        var entries: [CELMapEntry] = []
        while !token.isPunct("}"), token.kind != .eof {
            var optional = false
            if token.isPunct("?") { advance(); optional = true }
            let key = parseExpr()
            _ = expect(":")
            let value = parseExpr()
            entries.append(CELMapEntry(id: freshID(), key: key, value: value, optional: optional))
            guard token.isPunct(",") else { break }
            advance()
        }
        return entries
    }

    private mutating func parseStructFields() -> [CELStructField] {
        var fields: [CELStructField] = []
        while !token.isPunct("}"), token.kind != .eof {
            var optional = false
            if token.isPunct("?") { advance(); optional = true }
            let name: String
            switch token.kind {
            case .ident(let n), .quotedIdent(let n): name = n
            default:
                report("expected a field name, found \(describe(token))", token.range)
                return fields
            }
            advance()
            _ = expect(":")
            let value = parseExpr()
            fields.append(CELStructField(id: freshID(), name: name, value: value, optional: optional))
            guard token.isPunct(",") else { break }
            advance()
        }
        return fields
    }
}
