extension CELPlanner {
    mutating func planCall(_ e: CELExpr, target: CELExpr?, function: String, args: [CELExpr], _ c: CELCheckedExpr) -> CELNode {
        let r = e.range
        if target == nil {
            switch (function, args.count) {
            case (CELOperator.logicalAnd, 2): return AndNode(plan(args[0], c), plan(args[1], c), range: r)
            case (CELOperator.logicalOr, 2): return OrNode(plan(args[0], c), plan(args[1], c), range: r)
            case (CELOperator.logicalNot, 1): return NotNode(plan(args[0], c), range: r)
            case (CELOperator.notStrictlyFalse, 1): return NotStrictlyFalseNode(plan(args[0], c), range: r)
            case (CELOperator.conditional, 3):
                return ConditionalNode(plan(args[0], c), plan(args[1], c), plan(args[2], c), range: r)
            case (CELOperator.equals, 2), (CELOperator.notEquals, 2):
                let lhs = plan(args[0], c), rhs = plan(args[1], c)
                let negated = function == CELOperator.notEquals
                if let k = rhs.constantValue, !k.isError { return EqualsConstNode(lhs, constant: k, negated: negated, range: r) }
                if let k = lhs.constantValue, !k.isError { return EqualsConstNode(rhs, constant: k, negated: negated, range: r) }
                return EqualsNode(lhs, rhs, negated: negated, range: r)
            case (CELOperator.less, 2): return order(.less, args, c, range: r)
            case (CELOperator.lessEquals, 2): return order(.lessEquals, args, c, range: r)
            case (CELOperator.greater, 2): return order(.greater, args, c, range: r)
            case (CELOperator.greaterEquals, 2): return order(.greaterEquals, args, c, range: r)
            case (CELOperator.optionalSelect, 2): return planOptionalSelect(e, args, c)
            case (CELOperator.in, 2):
                let needle = plan(args[0], c)
                let haystack = plan(args[1], c)
                if case .list(let items)? = haystack.constantValue, let keys = Self.keySet(items) {
                    let set = InSetNode(needle, keys: keys, range: r)
                    let strings = items.compactMap { item -> String? in if case .string(let s) = item { s } else { nil } }
                    if !strings.isEmpty, strings.count == items.count { return InStringSetNode(needle, strings: strings, general: set) }
                    return set
                }
                return ListCallNode(.metered(CELStandardLibrary.inMetered), [needle, haystack], range: r)
            default: break
            }
        }
        // `ns.fn(x)`: a namespaced global function.
        var name = function.hasPrefix(".") ? String(function.dropFirst()) : function
        var argExprs = args
        var member = target != nil
        if let target {
            if case .overloads(let resolved, _)? = c.references[e.id], resolved != name {
                name = resolved
                member = false
            } else if !c.isChecked, let ns = qualifiedName(target), local(ns.split(separator: ".").first.map(String.init) ?? "") == nil,
                      env.function(ns + "." + name) != nil, env.variables[ns] == nil {
                name = ns + "." + name
                member = false
            } else {
                argExprs = [target] + args
            }
        }
        guard let decl = env.function(name) else {
            return ErrorNode("no such function '\(name)'", range: r)
        }
        let argNodes = argExprs.map { plan($0, c) }
        if name == "matches", argNodes.count == 2 {
            return CELStandardLibrary.plannedMatches(argNodes[0], pattern: argNodes[1], range: r)
        }
        var candidates = decl.overloads.filter { $0.isMember == member && $0.parameters.count == argNodes.count }
        if case .overloads(_, let indices)? = c.references[e.id] {
            candidates = indices.map { decl.overloads[$0] }
        }
        if name == "size", argNodes.count == 1, candidates.allSatisfy({ $0.implementation == nil && $0.id.contains("size") }) {
            return SizeNode(argNodes[0], range: r)
        }
        if candidates.count == 1, let node = OptionalOrNode(overload: candidates[0].id, argNodes, range: r) { return node }
        if candidates.count == 1, let impl = candidates[0].implementation {
            return node(impl, argNodes, range: r)
        }
        if let dynamic = decl.dynamicImplementation { return node(dynamic, argNodes, range: r) }
        if candidates.isEmpty { return ErrorNode("no_such_overload", range: r) }
        return DispatchNode(candidates, argNodes, range: r)
    }

    /// `x.?field`: the parser's `_?._(x, 'field')`; a host object's field by the checker's index.
    private mutating func planOptionalSelect(_ e: CELExpr, _ args: [CELExpr], _ c: CELCheckedExpr) -> CELNode {
        guard case .literal(.string(let field)) = args[1].kind else {
            return ErrorNode("optional field selection needs a field name", range: e.range)
        }
        let lookup: CELFieldLookup = if case .field(let index)? = c.references[e.id] { .index(index) } else { .declared(objectFieldIndex) }
        return OptionalSelectNode(plan(args[0], c), name: field, lookup: lookup, range: e.range)
    }

    private mutating func order(_ op: OrderNode.Op, _ args: [CELExpr], _ c: CELCheckedExpr, range: CELRange) -> CELNode {
        let general: @Sendable (CELValue, CELValue) -> CELValue = switch op {
        case .less: CELStandardLibrary.less
        case .lessEquals: CELStandardLibrary.lessEquals
        case .greater: CELStandardLibrary.greater
        case .greaterEquals: CELStandardLibrary.greaterEquals
        }
        let node = OrderNode(op, plan(args[0], c), plan(args[1], c), general: general, range: range)
        if case .int(let k)? = node.rhs.constantValue { return OrderIntConstNode(node, operand: node.lhs, constant: k) }
        return node
    }

    private func node(_ impl: CELImplementation, _ args: [CELNode], range: CELRange) -> CELNode {
        switch impl {
        case .unary(let f) where args.count == 1: UnaryCallNode(f, args[0], range: range)
        case .binary(let f) where args.count == 2: BinaryCallNode(f, args[0], args[1], range: range)
        case .variadic, .metered: ListCallNode(impl, args, range: range)
        default: ErrorNode("no_such_overload", range: range)
        }
    }

    /// The hash keys of a constant list, if every element can be one.
    static func keySet(_ items: [CELValue]) -> Set<CELMapKey>? {
        var keys = Set<CELMapKey>()
        for item in items {
            switch item {
            case .bool, .int, .uint, .string: break
            default: return nil
            }
            guard let k = CELMapKey(item) else { return nil }
            keys.insert(k)
        }
        return keys
    }
}
