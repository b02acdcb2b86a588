import BylawSource
import CEL

/// Lays a compiled condition out as written (``ConditionOutline``), walking the YAML condition
/// beside the CEL tree ``ConditionTree`` built from it.
struct ConditionOutlineBuilder {
    let macros: [String: CompiledMacro]
    /// Parts the outline may still hold.
    var remaining: Int

    /// The variables every rule of a trigger has: read bare, they say nothing (their fields do).
    private static let inputVariables: Set<String> = ["event", "workspace", "before", "after"]

    init(macros: [String: CompiledMacro], remaining: Int) {
        self.macros = macros
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
        var planSize = walk.nodes
        for (name, node) in walk.macros {
            guard remaining > 0 else {
                omitted += 1
                continue
            }
            remaining -= 1
            let usedAt = SourceSpan(file: tree.file, range: tree.sourceRange(of: node.range))
            if let expansion = macro(name, node, checked: checked, usedAt: usedAt) {
                children.append(expansion)
                planSize += expansion.planSize
            }
        }
        for read in walk.reads where read.text != segment.expression.text {
            guard remaining > 0 else {
                omitted += 1
                continue
            }
            remaining -= 1
            reads.append(read)
        }
        return ConditionOutline(
            kind: .leaf, text: segment.expression.text, span: span, checked: checked.subexpression(expr), children: children,
            reads: reads, omitted: omitted, planSize: planSize)
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

    /// What one leaf reads and which macros it uses, found in its checked tree.
    private struct LeafWalk {
        let checked: CELCheckedExpr
        let tree: ConditionTree
        var reads: [ConditionOutline.Read] = []
        var macros: [(String, CELExpr)] = []
        /// Nodes of the leaf, macros counted as one: with ``macros``' sizes, what planning costs.
        var nodes = 0
        private var seenReads: Set<String> = []
        private var seenMacros: Set<String> = []

        init(checked: CELCheckedExpr, tree: ConditionTree) {
            self.checked = checked
            self.tree = tree
        }

        mutating func visit(_ root: CELExpr) {
            // Iterative: a leaf can be as high as the parser allows.
            var stack = [root]
            while let expr = stack.popLast() {
                nodes += 1
                if case .ident(let name, _) = expr.kind, checked.alias(of: expr.id) != nil {
                    if seenMacros.insert(name).inserted { macros.append((name, expr)) }
                    continue
                }
                if case .select(let operand, let field, true) = expr.kind, isPath(operand) {
                    // `has(org.parent)` reads `org.parent`: the field itself says more than `true`
                    // (the checker resolved the field on this node, whatever it tests).
                    let read = CELExpr(id: expr.id, range: expr.range, kind: .select(operand: operand, field: field, testOnly: false))
                    if let base = tree.text(of: operand.range) { record(read, text: base + "." + field, size: planSize(ofPath: read)) }
                    stack.append(contentsOf: Self.parts(of: operand).arguments.reversed())
                    noteMacro(at: Self.parts(of: operand).root, unless: operand)
                    continue
                }
                if isPath(expr) {
                    if !isBareInput(expr) { record(expr, size: planSize(ofPath: expr)) }
                    // What the path is built from: its calls' arguments, and its root when that
                    // is a macro (a variable or list at the root is the path itself).
                    let (arguments, root) = Self.parts(of: expr)
                    noteMacro(at: root, unless: expr)
                    stack.append(contentsOf: arguments.reversed())
                    continue
                }
                stack.append(contentsOf: Self.children(of: expr).reversed())
            }
        }

        private mutating func record(_ expr: CELExpr, text: String? = nil, size: Int) {
            guard let text = text ?? tree.text(of: expr.range), seenReads.insert(text).inserted else { return }
            reads.append(ConditionOutline.Read(text: text, checked: checked.subexpression(expr), planSize: size))
        }

        /// A path's root, when it is a macro (and not the whole path, which is the macro alone).
        private mutating func noteMacro(at root: CELExpr, unless whole: CELExpr) {
            guard case .ident(let name, _) = root.kind, root.id != whole.id, checked.alias(of: root.id) != nil,
                  seenMacros.insert(name).inserted else { return }
            macros.append((name, root))
        }

        /// What planning a path builds: its links and arguments, and its root macro copied in.
        private func planSize(ofPath expr: CELExpr) -> Int {
            let (arguments, root) = Self.parts(of: expr)
            let rootSize = checked.alias(of: root.id)?.expandedSize ?? 1
            return rootSize + arguments.count * 4 + 8
        }

        /// A value read from the inputs: a variable, list or macro, a field of one, an index
        /// into one, or a navigation from an object (`workspace.org(event.org)`) by such values.
        func isPath(_ expr: CELExpr) -> Bool {
            var current = expr
            // Iterative along the chain; arguments are checked one level deep.
            while true {
                switch current.kind {
                case .ident:
                    return checked.variableSlot(of: current.id) != nil || checked.alias(of: current.id) != nil
                        || checked.constantValue(of: current.id) != nil
                case .select(let operand, _, false):
                    current = operand
                case .call(nil, CELOperator.index, let args) where args.count == 2:
                    guard isSimple(args[1]) else { return false }
                    current = args[0]
                case .call(nil, CELOperator.optionalSelect, let args) where args.count == 2:
                    current = args[0]
                case .call(let target?, _, let args):
                    guard case .object = checked.type(of: target.id), args.allSatisfy(isSimple) else { return false }
                    current = target
                default:
                    return false
                }
            }
        }

        /// A literal, or a field path of a variable (as a navigation's argument).
        private func isSimple(_ expr: CELExpr) -> Bool {
            if case .literal = expr.kind { return true }
            var current = expr
            while case .select(let operand, _, false) = current.kind { current = operand }
            guard case .ident = current.kind else { return false }
            return checked.variableSlot(of: current.id) != nil
        }

        private func isBareInput(_ expr: CELExpr) -> Bool {
            guard case .ident(let name, _) = expr.kind else { return false }
            return ConditionOutlineBuilder.inputVariables.contains(name) && checked.variableSlot(of: expr.id) != nil
        }

        /// A path's calls' arguments, in the order written, and its root.
        private static func parts(of expr: CELExpr) -> (arguments: [CELExpr], root: CELExpr) {
            var arguments: [CELExpr] = []
            var current = expr
            while true {
                switch current.kind {
                case .select(let operand, _, _):
                    current = operand
                case .call(nil, _, let args) where args.count == 2:
                    arguments.append(args[1])
                    current = args[0]
                case .call(let target?, _, let args):
                    arguments.append(contentsOf: args.reversed())
                    current = target
                default:
                    return (arguments.reversed(), current)
                }
            }
        }

        private static func children(of expr: CELExpr) -> [CELExpr] {
            switch expr.kind {
            case .literal, .ident, .invalid: return []
            case .select(let operand, _, _): return [operand]
            case .call(let target, _, let args): return (target.map { [$0] } ?? []) + args
            case .list(let elements, _): return elements
            case .map(let entries): return entries.flatMap { [$0.key, $0.value] }
            case .structure(_, let fields): return fields.map(\.value)
            case .comprehension(let loop): return [loop.iterRange, loop.accuInit, loop.loopCondition, loop.loopStep, loop.result]
            }
        }
    }
}

extension ConditionTree {
    /// The text of a range in the tree's coordinates, when it lies inside one leaf.
    func text(of range: CELRange) -> String? {
        guard let segment = segments.first(where: { $0.range.contains(range.start) }), range.end <= segment.range.upperBound else { return nil }
        let bytes = Array(segment.expression.text.utf8)
        let start = range.start - segment.range.lowerBound
        let end = range.end - segment.range.lowerBound
        guard start >= 0, end <= bytes.count, start <= end else { return nil }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
