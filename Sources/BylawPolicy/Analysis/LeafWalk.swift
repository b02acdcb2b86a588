import BylawSource
import CEL

/// What one leaf reads and which macros it uses, found in its checked tree.
struct LeafWalk {
    /// The variables every rule of a trigger has: read bare, they say nothing (their fields do).
    static let inputVariables: Set<String> = ["event", "workspace", "before", "after"]

    let checked: CELCheckedExpr
    let tree: ConditionTree
    var reads: [ConditionOutline.Read] = []
    var macros: [(String, CELExpr)] = []
    /// Nodes of the leaf with every macro it uses copied in: what planning it costs.
    var planSize = 0
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
            planSize += 1
            if case .ident(let name, _) = expr.kind, let alias = checked.alias(of: expr.id) {
                planSize += alias.expandedSize
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
            stack.append(contentsOf: expr.children.reversed())
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
        return LeafWalk.inputVariables.contains(name) && checked.variableSlot(of: expr.id) != nil
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
}
