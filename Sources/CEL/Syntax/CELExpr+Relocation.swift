extension CELExpr {
    /// This tree with every node id (map entries and struct fields included) raised by
    /// `idOffset` and every range moved by `rangeOffset`: how an embedder makes room for
    /// several parsed trees inside one (ids stay unique, ranges stay apart). Recursion is
    /// bounded by the tree's height, which the parser bounded.
    public func relocated(idOffset: Int, rangeOffset: Int) -> CELExpr {
        func move(_ range: CELRange) -> CELRange { CELRange(start: range.start + rangeOffset, end: range.end + rangeOffset) }
        func child(_ expr: CELExpr) -> CELExpr { expr.relocated(idOffset: idOffset, rangeOffset: rangeOffset) }
        let newKind: Kind
        switch kind {
        case .literal, .ident, .invalid:
            newKind = kind
        case .select(let operand, let field, let testOnly):
            newKind = .select(operand: child(operand), field: field, testOnly: testOnly)
        case .call(let target, let function, let args):
            newKind = .call(target: target.map(child), function: function, args: args.map(child))
        case .list(let elements, let optionalIndices):
            newKind = .list(elements: elements.map(child), optionalIndices: optionalIndices)
        case .map(let entries):
            newKind = .map(entries: entries.map {
                CELMapEntry(id: $0.id + idOffset, key: child($0.key), value: child($0.value), optional: $0.optional)
            })
        case .structure(let typeName, let fields):
            newKind = .structure(typeName: typeName, fields: fields.map {
                CELStructField(id: $0.id + idOffset, name: $0.name, value: child($0.value), optional: $0.optional)
            })
        case .comprehension(var loop):
            loop.iterRange = child(loop.iterRange)
            loop.accuInit = child(loop.accuInit)
            loop.loopCondition = child(loop.loopCondition)
            loop.loopStep = child(loop.loopStep)
            loop.result = child(loop.result)
            newKind = .comprehension(loop)
        }
        return CELExpr(id: id + idOffset, range: move(range), kind: newKind)
    }
}
