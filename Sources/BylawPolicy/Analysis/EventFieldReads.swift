import BylawSchema
import CEL

/// Which fields of `event` an expression can read, found in its checked tree (through the
/// policy's macros, which the checker resolved): `event.kind` (or `event.?kind`) reads `kind`,
/// `has(event.cost.currency)` reads `cost.currency`, `event.cost` used whole reads `cost`.
///
/// The reads are the scanner's field ids (``UsageEventField``, from the schema table): a whole
/// part (`event.cost`) reads every field in it. The analysis is conservative: `event` used in
/// any other way (bare, as a function argument, inside a list), or a path the table does not
/// know, makes the reads ``isOpaque``.
public struct EventFieldReads: Sendable, Hashable {
    /// The event fields read.
    public private(set) var fields = UsageEventFields()
    /// `event` is used other than through field selections: any field may be read.
    public private(set) var isOpaque = false

    /// No reads.
    public init() {}

    /// Reads of the fields policies write as these paths after `event.` (`"tokens.input"`,
    /// `"cost"` for the whole part); an unknown path makes the reads opaque.
    public init(celPaths: [String], isOpaque: Bool = false) {
        self.isOpaque = isOpaque
        for path in celPaths { insert(celPath: path) }
    }

    /// Adds the reads of `other`.
    public mutating func formUnion(_ other: EventFieldReads) {
        fields.formUnion(other.fields)
        isOpaque = isOpaque || other.isOpaque
    }

    /// Adds the read of `event.` + `path`, and of every field inside it when it is a part.
    mutating func insert(celPath path: String) {
        guard let field = UsageEventField(celPath: path) else {
            markOpaque()
            return
        }
        fields.insert(field)
        for child in UsageEventField.allCases where child.parent == field { fields.insert(child) }
    }

    mutating func markOpaque() { isOpaque = true }
}

/// Walks checked trees for ``EventFieldReads``. `event` is recognised by the variable slot the
/// checker resolved it to, so a comprehension variable that happens to be called `event` is not
/// mistaken for it; a macro is followed into its own checked tree, once per walker.
struct EventFieldWalker {
    /// The rule's `event` slot.
    let eventSlot: Int
    /// Deepest tree (macros included) walked; deeper ones are opaque.
    static let maxDepth = 1_200

    private(set) var reads = EventFieldReads()
    /// Macros already followed (each adds its reads once): the macros the walked trees use.
    private(set) var expanded: Set<String> = []

    init(eventSlot: Int) { self.eventSlot = eventSlot }

    /// Adds the reads of a checked expression.
    mutating func walk(_ checked: CELCheckedExpr, depth: Int = 0) {
        walk(checked.ast.root, in: checked, depth: depth)
    }

    private mutating func walk(_ expr: CELExpr, in checked: CELCheckedExpr, depth: Int) {
        guard depth < Self.maxDepth else {
            reads.markOpaque()
            return
        }
        switch expr.kind {
        case .literal, .invalid:
            return
        case .ident(let name, _):
            if checked.variableSlot(of: expr.id) == eventSlot {
                reads.markOpaque()
            } else if let alias = checked.alias(of: expr.id), expanded.insert(name).inserted {
                walk(alias, depth: depth + 1)
            }
        case .select(let operand, let field, _):
            if let path = EventPath.of(operand, field, in: checked, eventSlot: eventSlot) {
                reads.insert(celPath: path)
            } else {
                walk(operand, in: checked, depth: depth + 1)
            }
        case .call(nil, CELOperator.optionalSelect, let args) where args.count == 2:
            // `event.?a` reads `a`, as `event.a` does.
            if case .literal(.string(let field)) = args[1].kind, let path = EventPath.of(args[0], field, in: checked, eventSlot: eventSlot) {
                reads.insert(celPath: path)
            } else {
                walk(args[0], in: checked, depth: depth + 1)
            }
        case .call(let target, _, let args):
            if let target { walk(target, in: checked, depth: depth + 1) }
            for arg in args { walk(arg, in: checked, depth: depth + 1) }
        case .list(let elements, _):
            for element in elements { walk(element, in: checked, depth: depth + 1) }
        case .map(let entries):
            for entry in entries {
                walk(entry.key, in: checked, depth: depth + 1)
                walk(entry.value, in: checked, depth: depth + 1)
            }
        case .structure(_, let fields):
            for field in fields { walk(field.value, in: checked, depth: depth + 1) }
        case .comprehension(let loop):
            for part in [loop.iterRange, loop.accuInit, loop.loopCondition, loop.loopStep, loop.result] {
                walk(part, in: checked, depth: depth + 1)
            }
        }
    }
}

/// Field paths below `event` in a checked tree.
enum EventPath {
    /// `event.a` or `event.a.b` as `"a"` / `"a.b"`; nil when `operand` is not rooted at the
    /// `event` variable. Selections below two levels are cut at two (the event has no deeper
    /// fields; what `.c` does with the value is the value's business).
    static func of(_ operand: CELExpr, _ field: String, in checked: CELCheckedExpr, eventSlot: Int) -> String? {
        switch operand.kind {
        case .ident:
            return checked.variableSlot(of: operand.id) == eventSlot ? field : nil
        case .select(let inner, let parent, _):
            if case .ident = inner.kind { return checked.variableSlot(of: inner.id) == eventSlot ? parent + "." + field : nil }
            return prefix(inner, parent, in: checked, eventSlot: eventSlot)
        default:
            return nil
        }
    }

    private static func prefix(_ operand: CELExpr, _ field: String, in checked: CELCheckedExpr, eventSlot: Int) -> String? {
        var current = operand
        var last = field
        // Iterative: a long selection chain must not recurse once per link.
        while case .select(let inner, let parent, _) = current.kind {
            if case .ident = inner.kind { return checked.variableSlot(of: inner.id) == eventSlot ? parent + "." + last : nil }
            current = inner
            last = parent
        }
        return nil
    }

    /// The field a whole expression reads when it is nothing but a field read (`event.user`,
    /// `event.artifact.classification`): a template placeholder that can be printed without CEL.
    static func plainRead(_ checked: CELCheckedExpr, eventSlot: Int) -> UsageEventField? {
        plainPath(checked, eventSlot: eventSlot).flatMap(UsageEventField.init(celPath:))
    }

    private static func plainPath(_ checked: CELCheckedExpr, eventSlot: Int) -> String? {
        let root = checked.ast.root
        guard case .select(let operand, let field, false) = root.kind else { return nil }
        switch operand.kind {
        case .ident:
            return checked.variableSlot(of: operand.id) == eventSlot ? field : nil
        case .select(let inner, let parent, false):
            guard case .ident = inner.kind, checked.variableSlot(of: inner.id) == eventSlot else { return nil }
            return parent + "." + field
        default:
            return nil
        }
    }
}
