/// A type-checked expression: its syntax tree, the type of every node and what every name,
/// field and call resolved to. Plan it with ``CELEnvironment/plan(_:)``.
public struct CELCheckedExpr: Sendable {
    /// The parsed expression.
    public let ast: CELAST
    /// The type of the whole expression.
    public let resultType: CELType
    let types: [Int: CELType]
    let references: [Int: CELReference]
    /// False for an expression planned without checking (names resolve at plan time).
    let isChecked: Bool
    /// Nodes once every alias it uses is copied in where it is used (as the planner does):
    /// aliases using aliases can multiply an expression's size, and its evaluation time with it.
    public let expandedSize: Int
    /// Height of the tree with every alias copied in (an upper bound).
    public let expandedHeight: Int

    init(ast: CELAST, resultType: CELType, types: [Int: CELType], references: [Int: CELReference], expandedSize: Int, expandedHeight: Int) {
        self.ast = ast
        self.resultType = resultType
        self.types = types
        self.references = references
        self.isChecked = true
        self.expandedSize = expandedSize
        self.expandedHeight = expandedHeight
    }

    /// Wraps a parsed expression without checking it: every node is `dyn` and names resolve
    /// when planning. For callers that check differently (and for cel-spec's `disable_check`).
    public init(unchecked ast: CELAST) {
        self.ast = ast
        self.resultType = .dyn
        self.types = [:]
        self.references = [:]
        self.isChecked = false
        self.expandedSize = ast.nextID
        self.expandedHeight = ast.root.height
    }

    /// The checked type of a node.
    public func type(of id: Int) -> CELType? { types[id] }

    /// The variable slot an identifier node resolved to; nil for anything else (a comprehension
    /// variable, a constant, an alias, a function). For embedders analysing what a checked
    /// expression reads without parsing it again.
    public func variableSlot(of id: Int) -> Int? {
        guard case .variable(let slot) = references[id] else { return nil }
        return slot
    }

    /// The checked expression an identifier node names when it resolved to an alias
    /// (``CELEnvironment/declareAlias(_:_:)``); its ids are its own.
    public func alias(of id: Int) -> CELCheckedExpr? {
        guard case .alias(let expr) = references[id] else { return nil }
        return expr
    }
}

/// What a name or call resolved to during checking.
indirect enum CELReference: Sendable {
    case variable(slot: Int)
    case constant(CELValue)
    case alias(CELCheckedExpr)
    case typeValue(CELType)
    /// Field of a declared object type, by index.
    case field(Int)
    /// The overloads (indices into the function's overloads) a call may resolve to.
    case overloads(function: String, [Int])
}
