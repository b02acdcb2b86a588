import BylawSource
import CEL

/// Lays a compiled condition out as written (``ConditionOutline``), walking the YAML condition
/// beside the CEL tree ``ConditionTree`` built from it.
struct ConditionOutlineBuilder {
    let macros: [String: CompiledMacro]
    /// Whether leaves list what they read.
    let reads: Bool
    /// Parts the outline may still hold.
    var remaining: Int

    init(macros: [String: CompiledMacro], reads: Bool, remaining: Int) {
        self.macros = macros
        self.reads = reads
        self.remaining = remaining
    }

    /// The outline of a whole tree: its condition's shape over the checked nodes.
    mutating func outline(_ tree: ConditionTree, checked: CELCheckedExpr) -> ConditionOutline {
        var leafIndex = 0
        remaining -= 1
        return node(tree.condition, checked.ast.root, tree: tree, checked: checked, leafIndex: &leafIndex)
    }

    private mutating func node(
        _ condition: Condition, _ expr: CELExpr, tree: ConditionTree, checked: CELCheckedExpr, leafIndex: inout Int
    ) -> ConditionOutline {
        switch condition {
        case .expression:
            guard leafIndex < tree.segments.count else { return opaque(expr, tree: tree, checked: checked) }
            let segment = tree.segments[leafIndex]
            leafIndex += 1
            return leaf(expr, segment: segment, tree: tree, checked: checked)
        case .all(let children, let range), .any(let children, let range):
            let isAll: Bool
            if case .all = condition { isAll = true } else { isAll = false }
            let function = isAll ? CELOperator.logicalAnd : CELOperator.logicalOr
            guard let operands = Self.operands(expr, count: children.count, joinedBy: function) else {
                return opaque(expr, tree: tree, checked: checked)
            }
            var branches: [ConditionOutline] = []
            var omitted = 0
            for (child, operand) in zip(children, operands) {
                guard remaining > 0 else {
                    omitted += 1
                    continue
                }
                remaining -= 1
                branches.append(node(child, operand, tree: tree, checked: checked, leafIndex: &leafIndex))
            }
            // Leaves of the branches left out still occupy their segments.
            if omitted > 0 { leafIndex = tree.segments.count }
            return ConditionOutline(
                kind: isAll ? .all : .any, text: isAll ? "all" : "any", span: SourceSpan(file: tree.file, range: range),
                checked: checked.subexpression(expr), children: branches, reads: [], omitted: omitted,
                planSize: branches.reduce(1) { $0 + $1.planSize })
        case .not(let child, let range):
            guard case .call(nil, CELOperator.logicalNot, let args) = expr.kind, args.count == 1 else {
                return opaque(expr, tree: tree, checked: checked)
            }
            let branch = node(child, args[0], tree: tree, checked: checked, leafIndex: &leafIndex)
            return ConditionOutline(
                kind: .not, text: "not", span: SourceSpan(file: tree.file, range: range), checked: checked.subexpression(expr),
                children: [branch], reads: [], omitted: 0, planSize: branch.planSize + 1)
        }
    }

    /// The branches of an `all:`/`any:` of `count` children, as ``ConditionTree`` joins them: one
    /// child alone, else a balanced tree split at `count / 2`. Nil when the tree has another shape.
    static func operands(_ expr: CELExpr, count: Int, joinedBy function: String) -> [CELExpr]? {
        if count == 1 { return [expr] }
        guard count > 1, case .call(nil, let name, let args) = expr.kind, name == function, args.count == 2 else { return nil }
        let middle = count / 2
        guard let left = operands(args[0], count: middle, joinedBy: function),
              let right = operands(args[1], count: count - middle, joinedBy: function) else { return nil }
        return left + right
    }

    /// A part whose shape is not the condition's (never expected): shown whole, as a leaf.
    private func opaque(_ expr: CELExpr, tree: ConditionTree, checked: CELCheckedExpr) -> ConditionOutline {
        ConditionOutline(
            kind: .leaf, text: tree.text(of: expr.range) ?? "…", span: SourceSpan(file: tree.file, range: tree.sourceRange(of: expr.range)),
            checked: checked.subexpression(expr), children: [], reads: [], omitted: 0, planSize: checked.expandedSize)
    }

    // MARK: Leaves

    private mutating func leaf(_ expr: CELExpr, segment: ConditionTree.Segment, tree: ConditionTree, checked: CELCheckedExpr) -> ConditionOutline {
        let span = SourceSpan(file: segment.expression.file, range: segment.expression.sourceRange)
        // A leaf that is a macro's name is the macro, expanded.
        if case .ident(let name, _) = expr.kind, let expansion = macro(name, expr, checked: checked, usedAt: span) {
            return expansion
        }
        var walk = LeafWalk(checked: checked, tree: tree)
        walk.visit(expr)
        var children: [ConditionOutline] = []
        var reads: [ConditionOutline.Read] = []
        var omitted = 0
        for (name, node) in walk.macros {
            guard remaining > 0 else {
                omitted += 1
                continue
            }
            remaining -= 1
            let usedAt = SourceSpan(file: tree.file, range: tree.sourceRange(of: node.range))
            if let expansion = macro(name, node, checked: checked, usedAt: usedAt) { children.append(expansion) }
        }
        for read in walk.reads where self.reads && read.text != segment.expression.text {
            guard remaining > 0 else {
                omitted += 1
                continue
            }
            remaining -= 1
            reads.append(read)
        }
        return ConditionOutline(
            kind: .leaf, text: segment.expression.text, span: span, checked: checked.subexpression(expr), children: children,
            reads: reads, omitted: omitted, planSize: walk.planSize)
    }

    /// The macro an identifier names, laid out from its own tree; nil when it names none.
    private mutating func macro(_ name: String, _ node: CELExpr, checked: CELCheckedExpr, usedAt span: SourceSpan) -> ConditionOutline? {
        guard let alias = checked.alias(of: node.id), let compiled = macros[name] else { return nil }
        let body: [ConditionOutline]
        if remaining > 0 {
            remaining -= 1
            var leafIndex = 0
            body = [self.node(compiled.tree.condition, alias.ast.root, tree: compiled.tree, checked: alias, leafIndex: &leafIndex)]
        } else {
            body = []
        }
        return ConditionOutline(
            kind: .macro(name), text: name, span: span, checked: checked.subexpression(node), children: body, reads: [],
            omitted: body.isEmpty ? 1 : 0, planSize: alias.expandedSize)
    }
}

