extension CELCheckedExpr {
    /// The part of this expression rooted at `node` (a node of ``ast``), with the types and
    /// references the checker found for it: plan it in the same environment to evaluate the part
    /// alone, as an explanation of the whole does (`bylaw explain`). A part that uses a
    /// comprehension variable bound outside it cannot be evaluated alone (it plans to an error).
    ///
    /// The size and height bounds are the whole expression's: a part is never larger.
    public func subexpression(_ node: CELExpr) -> CELCheckedExpr {
        CELCheckedExpr(
            ast: CELAST(text: ast.text, root: node, nextID: ast.nextID), resultType: types[node.id] ?? .dyn, types: types,
            references: references, expandedSize: expandedSize, expandedHeight: expandedHeight)
    }

    /// The value an identifier node names when it resolved to a declared constant
    /// (``CELEnvironment/declareConstant(_:value:type:)``); nil for anything else.
    public func constantValue(of id: Int) -> CELValue? {
        guard case .constant(let value) = references[id] else { return nil }
        return value
    }
}
