import CEL

/// Which fields of `event` an expression can read, found in its syntax tree (through the
/// policy's macros): `event.kind` (or `event.?kind`) reads `kind`, `has(event.cost.currency)`
/// reads `cost.currency`, `event.cost` used whole reads `cost`.
///
/// The analysis is conservative: `event` used in any other way (bare, as a function argument,
/// inside a list) makes the reads ``isOpaque``, and a path the analysis cannot follow is kept
/// as written, for the caller to treat as "anything below it".
public struct EventFieldReads: Sendable, Hashable {
    /// Dotted paths below `event` (`"kind"`, `"artifact.classification"`, `"cost"`).
    public private(set) var paths: Set<String> = []
    /// `event` is used other than through field selections: any field may be read.
    public private(set) var isOpaque = false

    /// No reads.
    public init() {}

    /// Reads of exactly these paths.
    public init(paths: Set<String>, isOpaque: Bool = false) {
        self.paths = paths
        self.isOpaque = isOpaque
    }

    /// Adds the reads of `other`.
    public mutating func formUnion(_ other: EventFieldReads) {
        paths.formUnion(other.paths)
        isOpaque = isOpaque || other.isOpaque
    }

    mutating func insert(_ path: String) { paths.insert(path) }

    mutating func markOpaque() { isOpaque = true }
}

/// Walks CEL syntax trees for ``EventFieldReads``, expanding the policy's macros.
struct EventFieldWalker {
    /// Macro texts by name (the policy's `macros:`, joined as CEL).
    let macros: [String: String]
    /// Deepest tree (and macro nesting) walked; deeper ones are opaque.
    static let maxDepth = 256

    private(set) var reads = EventFieldReads()
    /// Macros already expanded (each adds its reads once; a cycle stops here).
    private var expanded: Set<String> = []
    private let parser = CELEnvironment(standard: false)

    init(macros: [String: String]) { self.macros = macros }

    /// Adds the reads of a CEL text; an unparseable text is opaque.
    mutating func walk(text: String, depth: Int = 0) {
        guard depth < Self.maxDepth, case .success(let ast) = parser.parse(text) else {
            reads.markOpaque()
            return
        }
        walk(ast.root, depth: depth + 1)
    }

    private mutating func walk(_ expr: CELExpr, depth: Int) {
        guard depth < Self.maxDepth else {
            reads.markOpaque()
            return
        }
        switch expr.kind {
        case .literal, .invalid:
            return
        case .ident(let name, _):
            if name == "event" {
                reads.markOpaque()
            } else if let text = macros[name], !expanded.contains(name) {
                expanded.insert(name)
                walk(text: text, depth: depth + 1)
            }
        case .select(let operand, let field, _):
            if let path = Self.eventPath(operand, field) {
                reads.insert(path)
            } else {
                walk(operand, depth: depth + 1)
            }
        case .call(nil, CELOperator.optionalSelect, let args) where args.count == 2:
            // `event.?a` reads `a`, as `event.a` does.
            if case .literal(.string(let field)) = args[1].kind, let path = Self.eventPath(args[0], field) {
                reads.insert(path)
            } else {
                walk(args[0], depth: depth + 1)
            }
        case .call(let target, _, let args):
            if let target { walk(target, depth: depth + 1) }
            for arg in args { walk(arg, depth: depth + 1) }
        case .list(let elements, _):
            for element in elements { walk(element, depth: depth + 1) }
        case .map(let entries):
            for entry in entries {
                walk(entry.key, depth: depth + 1)
                walk(entry.value, depth: depth + 1)
            }
        case .structure(_, let fields):
            for field in fields { walk(field.value, depth: depth + 1) }
        case .comprehension(let loop):
            for part in [loop.iterRange, loop.accuInit, loop.loopCondition, loop.loopStep, loop.result] {
                walk(part, depth: depth + 1)
            }
        }
    }

    /// `event.a` or `event.a.b` as `"a"` / `"a.b"`; nil when `operand` is not rooted at `event`.
    /// Selections below two levels are cut at two (the event has no deeper fields).
    static func eventPath(_ operand: CELExpr, _ field: String) -> String? {
        switch operand.kind {
        case .ident("event", _):
            return field
        case .select(let inner, let parent, _):
            if case .ident("event", _) = inner.kind { return parent + "." + field }
            // `event.a.b.c`: the read is `a.b` (what `.c` does is the value's business).
            return eventPrefix(inner, parent)
        default:
            return nil
        }
    }

    private static func eventPrefix(_ operand: CELExpr, _ field: String) -> String? {
        guard case .select(let inner, let parent, _) = operand.kind else { return nil }
        if case .ident("event", _) = inner.kind { return parent + "." + field }
        return eventPrefix(inner, parent)
    }
}
