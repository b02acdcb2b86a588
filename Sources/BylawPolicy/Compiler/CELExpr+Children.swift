import CEL

extension CELExpr {
    /// The node's direct subexpressions, for walks over a tree (done with an explicit stack:
    /// trees come from input and may be deep).
    var children: [CELExpr] {
        var children: [CELExpr] = []
        forEachChild { children.append($0) }
        return children
    }

    /// Calls `body` with each direct subexpression, in order, without gathering them: for walks
    /// that visit every node of every rule.
    func forEachChild(_ body: (CELExpr) -> Void) {
        switch kind {
        case .select(let operand, _, _): body(operand)
        case .call(let target, _, let args):
            if let target { body(target) }
            args.forEach(body)
        case .list(let elements, _): elements.forEach(body)
        case .map(let entries):
            for entry in entries {
                body(entry.key)
                body(entry.value)
            }
        case .structure(_, let fields): for field in fields { body(field.value) }
        case .comprehension(let loop): [loop.iterRange, loop.accuInit, loop.loopCondition, loop.loopStep, loop.result].forEach(body)
        case .literal, .ident, .invalid: break
        }
    }
}
