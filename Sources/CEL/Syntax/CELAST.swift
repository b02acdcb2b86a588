/// A parsed expression: the text and the root of its syntax tree.
public struct CELAST: Sendable {
    /// The expression text all ranges point into.
    public let text: String
    /// The root node.
    public let root: CELExpr
    /// One more than the largest node id.
    public let nextID: Int

    /// A syntax tree built by an embedder rather than parsed from one text: for instance the
    /// conjunction of expressions written apart. `text` is what the tree's ranges point into
    /// (it may be empty when the embedder maps ranges itself); `nextID` must exceed every id in
    /// the tree. The tree is checked like a parsed one, so it must stay within the limits the
    /// parser enforces (``CELLimits/maxHeight``).
    public init(text: String, root: CELExpr, nextID: Int) {
        self.text = text
        self.root = root
        self.nextID = nextID
    }
}

/// Limits that keep hostile expressions from exhausting the stack or the CPU.
public struct CELLimits: Sendable, Hashable {
    /// Deepest nesting of parenthesised or bracketed sub-expressions the parser accepts.
    public var maxNesting: Int = 250
    /// Height of the syntax tree (operator chains count too); checker and evaluator recurse this deep.
    public var maxHeight: Int = 500
    /// Length of the expression text in bytes.
    public var maxTextLength: Int = 1_000_000
    /// Nodes of an expression once the aliases it uses are copied in (the checker refuses more).
    public var maxExpandedNodes: Int = 100_000
    /// Height of an expression once the aliases it uses are copied in.
    public var maxExpandedHeight: Int = 1_000
    /// Syntax errors reported before the parser gives up.
    public var maxSyntaxErrors: Int = 20
    /// What one evaluation of a planned program may spend: iterations, bytes built, regex steps.
    public var budget: CELBudget = .standard

    public init() {}
}
