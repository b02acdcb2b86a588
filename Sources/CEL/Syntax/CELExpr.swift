/// A node of a parsed CEL expression. Every node has a unique `id` within its expression and the
/// byte range of the text it came from.
public struct CELExpr: Sendable {
    /// Unique within one parsed expression; the checker keys its types and references by it.
    public var id: Int
    /// Where the node's text is in the expression.
    public var range: CELRange
    /// What the node is.
    public var kind: Kind
    /// Longest path to a leaf, counting this node; bounded by ``CELLimits/maxHeight``.
    public let height: Int

    /// A node; its height is computed from its children.
    public init(id: Int, range: CELRange, kind: Kind) {
        self.id = id
        self.range = range
        self.kind = kind
        var h = 0
        switch kind {
        case .literal, .ident, .invalid: break
        case .select(let operand, _, _): h = operand.height
        case .call(let target, _, let args): h = max(target?.height ?? 0, args.map(\.height).max() ?? 0)
        case .list(let elements, _): h = elements.map(\.height).max() ?? 0
        case .map(let entries): h = entries.map { max($0.key.height, $0.value.height) }.max() ?? 0
        case .structure(_, let fields): h = fields.map(\.value.height).max() ?? 0
        case .comprehension(let c):
            h = max(c.iterRange.height, c.accuInit.height, c.loopCondition.height, c.loopStep.height, c.result.height)
        }
        height = h + 1
    }

    /// The node kinds. Operators are calls of functions with the reserved names in ``CELOperator``.
    public indirect enum Kind: Sendable {
        /// A literal constant.
        case literal(CELLiteral)
        /// An identifier; `rooted` when written with a leading dot (`.name`).
        case ident(String, rooted: Bool)
        /// `operand.field`; `testOnly` for the presence test inside `has()`.
        case select(operand: CELExpr, field: String, testOnly: Bool)
        /// `function(args)` or `target.function(args)`.
        case call(target: CELExpr?, function: String, args: [CELExpr])
        /// `[a, b, ?c]`; `optionalIndices` are the elements written with `?`.
        case list(elements: [CELExpr], optionalIndices: [Int])
        /// `{k: v, ?k2: v2}`.
        case map(entries: [CELMapEntry])
        /// `Name{field: value}` (message construction; parsed, not evaluated).
        case structure(typeName: String, fields: [CELStructField])
        /// A loop produced by a macro.
        case comprehension(CELComprehension)
        /// Placeholder where the parser recovered from a syntax error.
        case invalid
    }
}

/// A literal value in the expression text.
public enum CELLiteral: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case bytes([UInt8])
}

/// One `key: value` of a map literal.
public struct CELMapEntry: Sendable {
    public var id: Int
    public var key: CELExpr
    public var value: CELExpr
    public var optional: Bool
}

/// One `field: value` of a message construction.
public struct CELStructField: Sendable {
    public var id: Int
    public var name: String
    public var value: CELExpr
    public var optional: Bool
}

/// The loop every macro expands into (cel-spec's comprehension): fold `iterRange` into an
/// accumulator while `loopCondition` holds, then evaluate `result`.
public struct CELComprehension: Sendable {
    /// The element variable (the key for a map; the index for two-variable forms).
    public var iterVar: String
    /// The value variable of two-variable comprehensions, if any.
    public var iterVar2: String?
    public var iterRange: CELExpr
    public var accuVar: String
    public var accuInit: CELExpr
    public var loopCondition: CELExpr
    public var loopStep: CELExpr
    public var result: CELExpr
    /// The macro that produced the loop, so the planner can pick a specialised loop.
    public var macro: CELMacro
}

/// The macros of the standard environment.
public enum CELMacro: String, Sendable {
    case all, exists, existsOne = "exists_one", map, mapFilter = "map_filter", filter, bind, other
}

/// The reserved function names operators are represented by (cel-go's spelling).
public enum CELOperator {
    public static let conditional = "_?_:_"
    public static let logicalAnd = "_&&_"
    public static let logicalOr = "_||_"
    public static let logicalNot = "!_"
    public static let negate = "-_"
    public static let equals = "_==_"
    public static let notEquals = "_!=_"
    public static let less = "_<_"
    public static let lessEquals = "_<=_"
    public static let greater = "_>_"
    public static let greaterEquals = "_>=_"
    public static let add = "_+_"
    public static let subtract = "_-_"
    public static let multiply = "_*_"
    public static let divide = "_/_"
    public static let modulo = "_%_"
    public static let index = "_[_]"
    public static let optionalIndex = "_[?_]"
    public static let optionalSelect = "_?._"
    public static let `in` = "@in"
    public static let notStrictlyFalse = "@not_strictly_false"
}
