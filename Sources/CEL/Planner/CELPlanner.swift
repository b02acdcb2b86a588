/// Turns a checked expression into a tree of ``CELNode``s once: names become slots, fields
/// become indices, calls become direct implementation calls.
struct CELPlanner {
    let env: CELEnvironment
    var localScopes: [(name: String, slot: Int)] = []
    var localCount = 0
    var aliasDepth = 0

    init(env: CELEnvironment) { self.env = env }

    mutating func plan(_ checked: CELCheckedExpr) -> CELNode {
        plan(checked.ast.root, checked)
    }

    func local(_ name: String) -> Int? { localScopes.last(where: { $0.name == name })?.slot }

    mutating func plan(_ e: CELExpr, _ c: CELCheckedExpr) -> CELNode {
        switch e.kind {
        case .invalid: return ErrorNode("invalid expression", range: e.range)
        case .literal(let lit): return ConstNode(Self.value(lit), range: e.range)
        case .ident(let name, let rooted):
            if !rooted, let slot = local(name) { return LocalNode(slot: slot, range: e.range) }
            if let node = planReference(c.references[e.id], name: name, e, c) { return node }
            if !c.isChecked, let node = resolveUnchecked(name, e) { return node }
            return ErrorNode("undeclared reference to '\(name)'", range: e.range)
        case .select(let operand, let field, let testOnly):
            if let ref = c.references[e.id] {
                if case .field(let index) = ref {
                    let node = ObjectFieldNode(plan(operand, c), index: index, name: field, testOnly: testOnly, range: e.range)
                    if !testOnly, let variable = node.operand as? VarNode { return VarFieldNode(node, variable: variable) }
                    return node
                }
                if let node = planReference(ref, name: field, e, c) { return node }
            }
            if !c.isChecked, !testOnly, !rootIsLocal(e), let name = qualifiedName(e), let node = resolveUnchecked(name, e) {
                return node
            }
            return DynamicSelectNode(plan(operand, c), name: field, testOnly: testOnly, objectFields: objectFieldIndex, range: e.range)
        case .call(let target, let function, let args):
            return planCall(e, target: target, function: function, args: args, c)
        case .list(let elements, let optionalIndices):
            let nodes = elements.map { plan($0, c) }
            if optionalIndices.isEmpty, let values = constants(nodes) { return ConstNode(.list(values), range: e.range) }
            return ListNode(nodes, optional: Set(optionalIndices), range: e.range)
        case .map(let entries):
            return MapNode(keys: entries.map { plan($0.key, c) }, values: entries.map { plan($0.value, c) },
                           optional: entries.map(\.optional), range: e.range)
        case .structure(let name, _):
            return ErrorNode("message construction '\(name){...}' is not supported", range: e.range)
        case .comprehension(let comp):
            return planComprehension(e, comp, c)
        }
    }

    var objectFieldIndex: [String: [String: Int]] { env.objectTypes.mapValues(\.fieldIndex) }

    func constants(_ nodes: [CELNode]) -> [CELValue]? {
        var out: [CELValue] = []
        for n in nodes {
            guard let v = n.constantValue else { return nil }
            out.append(v)
        }
        return out
    }

    private func rootIsLocal(_ e: CELExpr) -> Bool {
        switch e.kind {
        case .ident(let name, let rooted): return !rooted && local(name) != nil
        case .select(let operand, _, _): return rootIsLocal(operand)
        default: return false
        }
    }

    func qualifiedName(_ e: CELExpr) -> String? {
        switch e.kind {
        case .ident(let name, _): return name
        case .select(let operand, let field, false): return qualifiedName(operand).map { $0 + "." + field }
        default: return nil
        }
    }

    private mutating func planReference(_ ref: CELReference?, name: String, _ e: CELExpr, _ c: CELCheckedExpr) -> CELNode? {
        switch ref {
        case .variable(let slot): return VarNode(slot: slot, name: name, range: e.range)
        case .constant(let v): return ConstNode(v, range: e.range)
        case .typeValue(let t): return ConstNode(.type(t), range: e.range)
        case .alias(let checked):
            // The checker bounds checked aliases (``CELLimits/maxExpandedHeight``); this guards
            // unchecked ones, which it never saw.
            guard aliasDepth < env.limits.maxExpandedHeight else { return ErrorNode("aliases nest too deeply", range: e.range) }
            aliasDepth += 1
            defer { aliasDepth -= 1 }
            // An alias body sees none of the caller's comprehension variables.
            let saved = localScopes
            localScopes = []
            defer { localScopes = saved }
            return plan(checked)
        default: return nil
        }
    }

    /// Name resolution for unchecked expressions, at plan time (never while evaluating).
    private mutating func resolveUnchecked(_ name: String, _ e: CELExpr) -> CELNode? {
        if let alias = env.aliases[name] { return planReference(.alias(alias), name: name, e, CELCheckedExpr(unchecked: alias.ast)) }
        if let v = env.variables[name] { return VarNode(slot: v.slot, name: name, range: e.range) }
        if let k = env.constants[name] { return ConstNode(k.value, range: e.range) }
        if let t = CELChecker.typeNames[name] { return ConstNode(.type(t), range: e.range) }
        if env.objectTypes[name] != nil { return ConstNode(.type(.object(name)), range: e.range) }
        return nil
    }

    static func value(_ lit: CELLiteral) -> CELValue {
        switch lit {
        case .null: .null
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .uint(let u): .uint(u)
        case .double(let d): .double(d)
        case .string(let s): .string(CELStrings.compact(s))
        case .bytes(let b): .bytes(b)
        }
    }

    mutating func pushLocal(_ name: String) -> Int {
        let slot = localCount
        localCount += 1
        localScopes.append((name, slot))
        return slot
    }

    private mutating func planComprehension(_ e: CELExpr, _ comp: CELComprehension, _ c: CELCheckedExpr) -> CELNode {
        let range = plan(comp.iterRange, c)
        let depthBefore = localScopes.count
        defer { localScopes.removeLast(localScopes.count - depthBefore) }
        // Macros with a single predicate or transform get a loop without accumulator expressions.
        if comp.macro != .bind, comp.macro != .other, comp.iterVar2 == nil {
            let iterSlot = pushLocal(comp.iterVar)
            var predicate: CELNode?
            var transform: CELNode?
            switch (comp.macro, comp.loopStep.kind) {
            case (.all, .call(_, _, let args)), (.exists, .call(_, _, let args)):
                predicate = plan(args[1], c)
            case (.existsOne, .call(_, _, let args)), (.filter, .call(_, _, let args)):
                predicate = plan(args[0], c)
            case (.mapFilter, .call(_, _, let args)):
                predicate = plan(args[0], c)
                if case .call(_, _, let addArgs) = args[1].kind, case .list(let elems, _) = addArgs[1].kind { transform = plan(elems[0], c) }
            case (.map, .call(_, _, let addArgs)):
                if case .list(let elems, _) = addArgs[1].kind { transform = plan(elems[0], c) }
            default: break
            }
            let needsTransform = comp.macro == .map || comp.macro == .mapFilter
            if (predicate != nil || comp.macro == .map), !needsTransform || transform != nil {
                return MacroLoopNode(comp.macro == .mapFilter ? .map : comp.macro, iterRange: range, predicate: predicate,
                                     transform: transform, iterSlot: iterSlot, range: e.range)
            }
            localScopes.removeLast()
        }
        let accuInit = plan(comp.accuInit, c)
        let accuSlot = pushLocal(comp.accuVar)
        let iterSlot = pushLocal(comp.iterVar)
        let iter2Slot = comp.iterVar2.map { pushLocal($0) }
        let condition = plan(comp.loopCondition, c)
        let step = plan(comp.loopStep, c)
        localScopes.removeLast(comp.iterVar2 == nil ? 1 : 2)
        let result = plan(comp.result, c)
        return ComprehensionNode(iterRange: range, accuInit: accuInit, condition: condition, step: step, result: result,
                                 iterSlot: iterSlot, iter2Slot: iter2Slot, accuSlot: accuSlot, range: e.range)
    }
}
