import CEL

extension CELExpr {
    /// The node's direct subexpressions, for walks over a tree (done with an explicit stack:
    /// trees come from input and may be deep).
    var children: [CELExpr] {
        switch kind {
        case .select(let operand, _, _): return [operand]
        case .call(let target, _, let args): return (target.map { [$0] } ?? []) + args
        case .list(let elements, _): return elements
        case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
        case .structure(_, let fields): return fields.map(\.value)
        case .comprehension(let loop): return [loop.iterRange, loop.accuInit, loop.loopCondition, loop.loopStep, loop.result]
        case .literal, .ident, .invalid: return []
        }
    }
}
