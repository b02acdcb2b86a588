/// Infers the type of every node, resolving names, fields and overloads against an environment.
struct CELChecker {
    let env: CELEnvironment
    var types: [Int: CELType] = [:]
    var references: [Int: CELReference] = [:]
    var issues: [CELIssue] = []
    var substitution: [String: CELType] = [:]
    var freshCounter = 0
    /// Comprehension variables in scope, innermost last.
    var scopes: [(name: String, type: CELType)] = []
    /// Nodes the aliases used so far add once copied in, and the tallest of them.
    var aliasNodes = 0
    var aliasHeight = 0
    /// Whether the expanded-size limit was already reported (once per expression).
    var reportedExpansion = false

    init(env: CELEnvironment) { self.env = env }

    mutating func check(_ ast: CELAST) -> CELCheckedExpr {
        let t = visit(ast.root)
        var finalTypes: [Int: CELType] = [:]
        finalTypes.reserveCapacity(types.count)
        for (id, type) in types { finalTypes[id] = finalize(type) }
        return CELCheckedExpr(
            ast: ast, resultType: finalize(t), types: finalTypes, references: references,
            expandedSize: ast.nextID + aliasNodes, expandedHeight: ast.root.height + aliasHeight)
    }

    mutating func report(_ code: CELIssueCode, _ message: String, _ range: CELRange, hint: String? = nil, argumentTypes: [CELType] = []) {
        if issues.count < 50 { issues.append(CELIssue(code: code, message: message, range: range, hint: hint, argumentTypes: argumentTypes)) }
    }

    mutating func fresh() -> CELType {
        freshCounter += 1
        return .typeParam("_t\(freshCounter)")
    }

    @discardableResult
    mutating func record(_ e: CELExpr, _ t: CELType) -> CELType {
        types[e.id] = t
        return t
    }

    mutating func visit(_ e: CELExpr) -> CELType {
        switch e.kind {
        case .invalid: return record(e, .error)
        case .literal(let lit): return record(e, literalType(lit))
        case .ident(let name, let rooted): return record(e, resolveIdent(e, name: name, rooted: rooted))
        case .select(let operand, let field, let testOnly):
            return record(e, checkSelect(e, operand: operand, field: field, testOnly: testOnly))
        case .call(let target, let function, let args):
            return record(e, checkCall(e, target: target, function: function, args: args))
        case .list(let elements, let optionalIndices):
            var elem: CELType?
            for (i, x) in elements.enumerated() {
                var t = visit(x)
                if optionalIndices.contains(i) { t = optionalEntryType(t, x.range) }
                elem = join(elem, t)
            }
            return record(e, .list(elem ?? fresh()))
        case .map(let entries):
            var key: CELType?
            var value: CELType?
            for entry in entries {
                let kt = visit(entry.key)
                switch substitute(kt) {
                case .int, .uint, .bool, .string, .dyn, .typeParam, .error: break
                default: report(CELIssueCode.typeMismatch, "unsupported map key type '\(substitute(kt))'", entry.key.range)
                }
                key = join(key, kt)
                var vt = visit(entry.value)
                if entry.optional { vt = optionalEntryType(vt, entry.value.range) }
                value = join(value, vt)
            }
            return record(e, .map(key ?? fresh(), value ?? fresh()))
        case .structure(let name, let fields):
            for f in fields { _ = visit(f.value) }
            report(CELIssueCode.undeclaredReference, "message construction '\(name){...}' is not supported", e.range)
            return record(e, .error)
        case .comprehension(let c):
            return record(e, checkComprehension(c))
        }
    }

    func literalType(_ lit: CELLiteral) -> CELType {
        switch lit {
        case .null: .null
        case .bool: .bool
        case .int: .int
        case .uint: .uint
        case .double: .double
        case .string: .string
        case .bytes: .bytes
        }
    }

    /// The common type of list elements or map keys/values: the more general type when they
    /// agree, else dyn.
    mutating func join(_ a: CELType?, _ b: CELType) -> CELType {
        guard let a else { return b }
        if a == .dyn || b == .dyn { return .dyn }
        let saved = substitution
        if isAssignable(a, b) && isAssignable(b, a) { return mostGeneral(a, b) }
        substitution = saved
        // A null after a nullable type joins it, as in cel-go: `[optional.of(1), null]` is a
        // list of optionals.
        if substitute(b) == .null, isAssignable(a, b) { return a }
        substitution = saved
        return .dyn
    }

    /// The less specific of two mutually assignable types (cel-go's `mostGeneral`): `dyn` and
    /// unsolved type parameters win, through lists, maps and optionals, so
    /// `[optional.of(1), optional.of(dyn(1))]` is a list of `optional_type(dyn)`.
    private func mostGeneral(_ a: CELType, _ b: CELType) -> CELType {
        isEqualOrLessSpecific(substitute(a), substitute(b)) ? a : b
    }

    private func isEqualOrLessSpecific(_ a: CELType, _ b: CELType, depth: Int = 0) -> Bool {
        guard depth < 64 else { return true }
        switch (a, b) {
        case (.dyn, _), (.typeParam, _): return true
        case (_, .dyn), (_, .typeParam): return false
        case (.list(let x), .list(let y)), (.optional(let x), .optional(let y)):
            return isEqualOrLessSpecific(x, y, depth: depth + 1)
        case (.map(let k1, let v1), .map(let k2, let v2)):
            return isEqualOrLessSpecific(k1, k2, depth: depth + 1) && isEqualOrLessSpecific(v1, v2, depth: depth + 1)
        case (.type, .type): return true
        default: return a == b
        }
    }

    mutating func checkComprehension(_ c: CELComprehension) -> CELType {
        let rangeType = substitute(visit(c.iterRange))
        var iterType: CELType
        var iter2Type: CELType?
        switch rangeType {
        case .list(let elem):
            if c.iterVar2 != nil { iterType = .int; iter2Type = elem } else { iterType = elem }
        case .map(let k, let v): iterType = k; iter2Type = v
        case .dyn, .error, .typeParam: iterType = .dyn; iter2Type = .dyn
        default:
            if c.macro != .bind {
                report(CELIssueCode.typeMismatch, "expression of type '\(rangeType)' cannot be the range of a comprehension (must be list, map, or dynamic)", c.iterRange.range)
            }
            iterType = .dyn
        }
        if c.macro == .bind { iterType = .dyn }
        let accuType = visit(c.accuInit)
        scopes.append((c.accuVar, accuType))
        scopes.append((c.iterVar, iterType))
        if let v2 = c.iterVar2 { scopes.append((v2, iter2Type ?? .dyn)) }
        let condType = visit(c.loopCondition)
        if !isAssignable(.bool, condType) {
            report(CELIssueCode.typeMismatch, "loop condition must be bool, found '\(substitute(condType))'", c.loopCondition.range)
        }
        let stepType = visit(c.loopStep)
        if !isAssignable(accuType, stepType) {
            report(CELIssueCode.typeMismatch, "expected type '\(substitute(accuType))' but found '\(substitute(stepType))'", c.loopStep.range)
        }
        if c.iterVar2 != nil { scopes.removeLast() }
        scopes.removeLast()
        let result = visit(c.result)
        scopes.removeLast()
        return result
    }
}
