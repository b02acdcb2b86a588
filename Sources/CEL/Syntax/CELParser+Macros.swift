extension CELParser {
    /// The accumulator's name in macro expansions; not a valid identifier, so it cannot clash.
    static let accumulator = "@result"

    /// Builds a call, expanding the standard macros when enabled.
    mutating func expandCall(target: CELExpr?, function: String, args: [CELExpr], range: CELRange) -> CELExpr {
        guard macros else { return make(.call(target: target, function: function, args: args), range) }
        if target == nil, function == "has", args.count == 1 {
            guard case .select(let operand, let field, false) = args[0].kind else {
                report("invalid argument to has() macro: expected a field selection", args[0].range)
                return make(.invalid, range)
            }
            return make(.select(operand: operand, field: field, testOnly: true), range)
        }
        guard let target else { return make(.call(target: nil, function: function, args: args), range) }
        switch (function, args.count) {
        case ("all", 3), ("exists", 3), ("existsOne", 3), ("exists_one", 3), ("transformList", 3), ("transformList", 4),
             ("transformMap", 3), ("transformMap", 4):
            guard case .ident(let v1, false) = args[0].kind, case .ident(let v2, false) = args[1].kind else {
                report("arguments to \(function) must start with two simple names", args[0].range)
                return make(.invalid, range)
            }
            guard v1 != v2 else {
                report("\(function): the two variables must have different names", args[1].range)
                return make(.invalid, range)
            }
            return comprehension2(function, v1, v2, range: target, args: Array(args.dropFirst(2)), whole: range)
        case ("all", 2), ("exists", 2), ("exists_one", 2), ("existsOne", 2), ("map", 2), ("map", 3), ("filter", 2):
            guard case .ident(let variable, false) = args[0].kind else {
                report("argument to \(function) must be a simple name", args[0].range)
                return make(.invalid, range)
            }
            return comprehension(function, variable: variable, range: target, args: Array(args.dropFirst()), whole: range)
        case ("bind", 3) where isIdent(target, "cel"):
            guard case .ident(let variable, false) = args[0].kind else {
                report("cel.bind variable must be a simple name", args[0].range)
                return make(.invalid, range)
            }
            return bind(variable, to: args[1], in: args[2], range: range)
        case ("optMap", 2), ("optFlatMap", 2):
            return expandOptionalMap(function, target: target, args: args, range: range)
        default:
            return make(.call(target: target, function: function, args: args), range)
        }
    }

    /// `cel.bind(variable, initial, result)`: a loop over nothing whose accumulator is the variable.
    mutating func bind(_ variable: String, to initial: CELExpr, in result: CELExpr, range: CELRange) -> CELExpr {
        let empty = make(.list(elements: [], optionalIndices: []), range)
        let loopCondition = make(.literal(.bool(false)), range)
        let accu = make(.ident(variable, rooted: false), range)
        return make(.comprehension(CELComprehension(
            iterVar: "#unused", iterVar2: nil, iterRange: empty, accuVar: variable, accuInit: initial,
            loopCondition: loopCondition, loopStep: accu, result: result, macro: .bind)), range)
    }

    private func isIdent(_ e: CELExpr, _ name: String) -> Bool {
        if case .ident(name, false) = e.kind { return true }
        return false
    }

    private mutating func comprehension(_ function: String, variable: String, range iterRange: CELExpr, args: [CELExpr], whole: CELRange) -> CELExpr {
        let r = whole
        func call(_ f: String, _ a: [CELExpr]) -> CELExpr.Kind { .call(target: nil, function: f, args: a) }
        let accu = { (p: inout CELParser) in p.make(.ident(Self.accumulator, rooted: false), r) }
        let initial: CELExpr
        let condition: CELExpr
        let step: CELExpr
        var result: CELExpr
        let macro: CELMacro
        switch (function, args.count) {
        case ("all", _):
            macro = .all
            initial = make(.literal(.bool(true)), r)
            condition = make(call(CELOperator.notStrictlyFalse, [accu(&self)]), r)
            step = make(call(CELOperator.logicalAnd, [accu(&self), args[0]]), r)
            result = accu(&self)
        case ("exists", _):
            macro = .exists
            initial = make(.literal(.bool(false)), r)
            let notAccu = make(call(CELOperator.logicalNot, [accu(&self)]), r)
            condition = make(call(CELOperator.notStrictlyFalse, [notAccu]), r)
            step = make(call(CELOperator.logicalOr, [accu(&self), args[0]]), r)
            result = accu(&self)
        case ("exists_one", _), ("existsOne", _):
            macro = .existsOne
            initial = make(.literal(.int(0)), r)
            condition = make(.literal(.bool(true)), r)
            let one = make(.literal(.int(1)), r)
            let incremented = make(call(CELOperator.add, [accu(&self), one]), r)
            step = make(call(CELOperator.conditional, [args[0], incremented, accu(&self)]), r)
            let one2 = make(.literal(.int(1)), r)
            result = make(call(CELOperator.equals, [accu(&self), one2]), r)
        case ("map", 1), ("map", 2), ("filter", _):
            macro = function == "filter" ? .filter : (args.count == 2 ? .mapFilter : .map)
            initial = make(.list(elements: [], optionalIndices: []), r)
            condition = make(.literal(.bool(true)), r)
            let element = function == "filter" ? make(.ident(variable, rooted: false), r) : args[args.count - 1]
            let single = make(.list(elements: [element], optionalIndices: []), r)
            let appended = make(call(CELOperator.add, [accu(&self), single]), r)
            if function == "filter" || args.count == 2 {
                step = make(call(CELOperator.conditional, [args[0], appended, accu(&self)]), r)
            } else {
                step = appended
            }
            result = accu(&self)
        default:
            return make(.invalid, r)
        }
        result = make(result.kind, r)
        return make(.comprehension(CELComprehension(
            iterVar: variable, iterVar2: nil, iterRange: iterRange, accuVar: Self.accumulator, accuInit: initial,
            loopCondition: condition, loopStep: step, result: result, macro: macro)), r)
    }

    /// The two-variable macros (`all(k, v, p)`, `transformList(i, v, t)`, ...): general loops.
    private mutating func comprehension2(_ function: String, _ v1: String, _ v2: String, range iterRange: CELExpr, args: [CELExpr], whole r: CELRange) -> CELExpr {
        func call(_ f: String, _ a: [CELExpr]) -> CELExpr.Kind { .call(target: nil, function: f, args: a) }
        let accu = { (p: inout CELParser) in p.make(.ident(Self.accumulator, rooted: false), r) }
        let initial: CELExpr
        var condition = make(.literal(.bool(true)), r)
        let step: CELExpr
        var result = accu(&self)
        switch function {
        case "all":
            initial = make(.literal(.bool(true)), r)
            condition = make(call(CELOperator.notStrictlyFalse, [accu(&self)]), r)
            step = make(call(CELOperator.logicalAnd, [accu(&self), args[0]]), r)
        case "exists":
            initial = make(.literal(.bool(false)), r)
            let notAccu = make(call(CELOperator.logicalNot, [accu(&self)]), r)
            condition = make(call(CELOperator.notStrictlyFalse, [notAccu]), r)
            step = make(call(CELOperator.logicalOr, [accu(&self), args[0]]), r)
        case "existsOne", "exists_one":
            initial = make(.literal(.int(0)), r)
            let one = make(.literal(.int(1)), r)
            let incremented = make(call(CELOperator.add, [accu(&self), one]), r)
            step = make(call(CELOperator.conditional, [args[0], incremented, accu(&self)]), r)
            let one2 = make(.literal(.int(1)), r)
            result = make(call(CELOperator.equals, [accu(&self), one2]), r)
        default:
            let isList = function == "transformList"
            initial = isList ? make(.list(elements: [], optionalIndices: []), r) : make(.map(entries: []), r)
            let value = args[args.count - 1]
            let added: CELExpr
            if isList {
                let single = make(.list(elements: [value], optionalIndices: []), r)
                added = make(call(CELOperator.add, [accu(&self), single]), r)
            } else {
                let key = make(.ident(v1, rooted: false), r)
                added = make(call("@mapInsert", [accu(&self), key, value]), r)
            }
            step = args.count == 2 ? make(call(CELOperator.conditional, [args[0], added, accu(&self)]), r) : added
        }
        return make(.comprehension(CELComprehension(
            iterVar: v1, iterVar2: v2, iterRange: iterRange, accuVar: Self.accumulator, accuInit: initial,
            loopCondition: condition, loopStep: step, result: result, macro: .other)), r)
    }
}
