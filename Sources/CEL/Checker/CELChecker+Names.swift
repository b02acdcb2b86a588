extension CELChecker {
    /// Types that are also values when named (`int`, `type(x) == string`).
    static let typeNames: [String: CELType] = [
        "int": .int, "uint": .uint, "double": .double, "bool": .bool, "string": .string, "bytes": .bytes,
        "list": .list(.dyn), "map": .map(.dyn, .dyn), "null_type": .null, "type": .type(.dyn),
        "google.protobuf.Timestamp": .timestamp, "google.protobuf.Duration": .duration,
        "optional_type": .optional(.dyn),
    ]

    func localType(_ name: String) -> CELType? {
        scopes.last(where: { $0.name == name })?.type
    }

    /// Resolves a (possibly dotted) global name, recording the reference on the node.
    mutating func resolveGlobal(_ name: String, node: CELExpr) -> CELType? {
        if let alias = env.aliases[name] {
            references[node.id] = .alias(alias)
            noteExpansion(of: alias, name: name, at: node.range)
            return alias.resultType
        }
        if let v = env.variables[name] {
            references[node.id] = .variable(slot: v.slot)
            return v.type
        }
        if let c = env.constants[name] {
            references[node.id] = .constant(c.value)
            return c.type
        }
        if let t = Self.typeNames[name] {
            references[node.id] = .typeValue(t)
            return .type(t)
        }
        if env.objectTypes[name] != nil {
            references[node.id] = .typeValue(.object(name))
            return .type(.object(name))
        }
        return nil
    }

    mutating func resolveIdent(_ e: CELExpr, name: String, rooted: Bool) -> CELType {
        if !rooted, let t = localType(name) { return t }
        if let t = resolveGlobal(name, node: e) { return t }
        let locals = scopes.map(\.name).filter { !$0.hasPrefix("@") }
        let hint = env.suggestionBudget.take(env.identifierCount + locals.count) ? didYouMean(name, env.identifierNames + locals) : nil
        report(CELIssueCode.undeclaredReference, "undeclared reference to '\(name)'", e.range, hint: hint)
        return .error
    }

    /// `a.b.c` as one dotted name, when the chain is made of plain identifiers.
    func qualifiedName(_ e: CELExpr) -> String? {
        switch e.kind {
        case .ident(let name, _): return name
        case .select(let operand, let field, false): return qualifiedName(operand).map { $0 + "." + field }
        default: return nil
        }
    }

    private func startsWithLocal(_ e: CELExpr) -> Bool {
        switch e.kind {
        case .ident(let name, let rooted): return !rooted && localType(name) != nil
        case .select(let operand, _, _): return startsWithLocal(operand)
        default: return false
        }
    }

    mutating func checkSelect(_ e: CELExpr, operand: CELExpr, field: String, testOnly: Bool) -> CELType {
        // A dotted name declared as a whole wins over field selection (longest match first).
        if !testOnly, !startsWithLocal(e), let name = qualifiedName(e), let t = resolveGlobal(name, node: e) {
            return t
        }
        let operandType = substitute(visit(operand))
        // Selecting through an optional selects from its value and stays optional (cel-go).
        if case .optional(let inner) = operandType {
            let fieldType = fieldType(selecting: field, from: substitute(inner), e)
            return testOnly ? .bool : .optional(fieldType)
        }
        let fieldType = fieldType(selecting: field, from: operandType, e)
        return testOnly ? .bool : fieldType
    }

    /// The type of `field` on a value of `operandType`, recording an object field's index on `e`.
    mutating func fieldType(selecting field: String, from operandType: CELType, _ e: CELExpr) -> CELType {
        switch operandType {
        case .map(let k, let v):
            if !isAssignable(k, .string) {
                report(CELIssueCode.typeMismatch, "map with '\(k)' keys cannot be selected by field name", e.range)
            }
            return v
        case .object(let name):
            guard let type = env.objectTypes[name] else { return .dyn }
            if let index = type.fieldIndex[field] {
                references[e.id] = .field(index)
                return type.fieldTypes[index]
            }
            // Point at the field name (the end of the selection), not at the operand.
            let fieldStart = max(e.range.start, e.range.end - field.utf8.count)
            report(CELIssueCode.undefinedField, "undefined field '\(field)' on '\(name)'", CELRange(start: fieldStart, end: e.range.end),
                   hint: didYouMean(field, type.fieldNames))
            return .error
        case .dyn, .error, .typeParam:
            return .dyn
        default:
            report(CELIssueCode.typeMismatch, "type '\(operandType)' does not support field selection", e.range)
            return .error
        }
    }

    /// Aliases are copied in where they are used, so an alias used twice by one used twice by …
    /// doubles at each level: past the limits the expression is refused here, at the use that
    /// crossed them, rather than planned into millions of nodes or a recursion too deep to run.
    mutating func noteExpansion(of alias: CELCheckedExpr, name: String, at range: CELRange) {
        aliasNodes = aliasNodes &+ alias.expandedSize
        aliasHeight = max(aliasHeight, alias.expandedHeight)
        guard !reportedExpansion else { return }
        if aliasNodes > env.limits.maxExpandedNodes {
            reportedExpansion = true
            report(
                CELIssueCode.limit, "'\(name)' makes this expression expand to more than \(env.limits.maxExpandedNodes) nodes", range,
                hint: "macros are copied where they are used; a macro used twice by one used twice, and so on, doubles at each level")
        } else if aliasHeight > env.limits.maxExpandedHeight {
            reportedExpansion = true
            report(
                CELIssueCode.limit, "'\(name)' makes this expression nest deeper than \(env.limits.maxExpandedHeight) levels through its macros", range,
                hint: "a chain of macros each using the next is copied in as one deep expression; shorten the chain")
        }
    }
}
