import BylawSource
import CEL

/// Walks a policy's checked trees for ``KnownValueCheck``: finds each comparison of a field
/// whose values are known with a string literal, and reports the literals that name none of
/// them. A macro is followed into its own checked tree once per policy; its literals are
/// placed through its own condition tree.
struct KnownValueWalker {
    /// Longest chain of macros each naming the next that a field read is followed through.
    static let maxAliases = 1_000
    /// The schema's types by name: looked up for every comparison.
    private static let types = Dictionary(DomainSchema.types.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    let policy: CompiledPolicy
    let against: KnownValueCheck.Against
    private(set) var diagnostics: [Diagnostic] = []
    /// Macros already walked, and those still to walk with their places.
    private var followed: Set<String> = []
    private var pendingMacros: [(CELCheckedExpr, Place)] = []
    /// Literals already reported (by file offset): a list used by two rules is reported once.
    private var reported: Set<Int> = []
    /// The policy's macro trees, parsed again only when a literal in a macro is reported.
    private var macroTrees: [String: CompiledMacro]?
    private var budget = DidYouMean.Budget()

    /// Where a tree's ranges map into the policy file.
    private enum Place {
        case expression(ConditionTree)
        case macro(String)
    }

    init(policy: CompiledPolicy, against: KnownValueCheck.Against) {
        self.policy = policy
        self.against = against
    }

    /// Walks an expression, then the macros it uses that no earlier walk followed. Within a
    /// tree the walk recurses, as the checker that typed it did: the parser bounds its height.
    mutating func walk(_ expression: CompiledExpression) {
        visit(expression.checked.ast.root, in: expression.checked, place: .expression(expression.tree))
        while let (checked, place) = pendingMacros.popLast() { visit(checked.ast.root, in: checked, place: place) }
    }

    private mutating func visit(_ expr: CELExpr, in checked: CELCheckedExpr, place: Place) {
        switch expr.kind {
        case .literal, .invalid:
            return
        case .ident(let name, _):
            if let alias = checked.alias(of: expr.id), followed.insert(name).inserted { pendingMacros.append((alias, .macro(name))) }
            return
        case .call(let target, let function, let args):
            inspect(target, function, args, in: checked, place: place)
        default:
            break
        }
        expr.forEachChild { visit($0, in: checked, place: place) }
    }

    /// Checks one call when it compares a field whose values are known with literals.
    private mutating func inspect(_ target: CELExpr?, _ function: String, _ args: [CELExpr], in checked: CELCheckedExpr, place: Place) {
        switch (target, function, args.count) {
        case (nil, CELOperator.equals, 2), (nil, CELOperator.notEquals, 2):
            for (field, other) in [(args[0], args[1]), (args[1], args[0])] {
                if let text = Self.string(other), let known = known(field, in: checked) { report(text, at: other.range, known, place) }
            }
        case (nil, CELOperator.in, 2):
            // The field is looked up only when there is text to check against it.
            switch args[1].kind {
            case .list(let elements, _):
                guard elements.contains(where: { Self.string($0) != nil }), let known = known(args[0], in: checked) else { return }
                for element in elements {
                    if let text = Self.string(element) { report(text, at: element.range, known, place) }
                }
            case .ident(let name, _) where checked.constantValue(of: args[1].id) != nil:
                if let known = known(args[0], in: checked) { reportListItems(name, known) }
            default:
                if let text = Self.string(args[0]), let known = known(args[1], in: checked, element: true) { report(text, at: args[0].range, known, place) }
            }
        case (.some(let receiver), _, 1):
            // `workspace.org("legal")`: a lookup's argument is an id of the type it returns.
            guard case .workspace(let ids) = against, let text = Self.string(args[0]),
                case .object(let typeName)? = checked.type(of: receiver.id), let type = Self.types[typeName],
                let lookup = type.functions.first(where: { $0.name == function }), lookup.parameters.count == 1,
                case .reference(let idType) = lookup.result
            else { return }
            if let known = Self.idSet(idType, ids) { report(text, at: args[0].range, known, place) }
        default:
            break
        }
    }

    /// The known values of the field `expr` reads (of its elements, with `element`, for a list
    /// field), through macros; nil when it is not such a field.
    private func known(_ expr: CELExpr, in checked: CELCheckedExpr, element: Bool = false) -> KnownValueSet? {
        var expr = expr
        var checked = checked
        // A macro naming a macro naming the field: followed as far as a chain of macros goes.
        for _ in 0..<Self.maxAliases {
            guard case .ident = expr.kind else { break }
            guard let alias = checked.alias(of: expr.id) else { return nil }
            expr = alias.ast.root
            checked = alias
        }
        guard case .select(let operand, let name, false) = expr.kind, case .object(let typeName)? = checked.type(of: operand.id),
            let type = Self.types[typeName], let field = type.visibleField(name)
        else { return nil }
        switch (against, field.type, element) {
        case (.schema, .enumeration(let values), false), (.schema, .list(.enumeration(let values)), true):
            return KnownValueSet(values)
        case (.workspace(let ids), .string, false):
            return field.idType(in: type).flatMap { Self.idSet($0, ids) }
        default:
            return nil
        }
    }

    private static func idSet(_ typeName: String, _ ids: KnownIDs) -> KnownValueSet? {
        guard let known = ids.ids(of: typeName) else { return nil }
        return KnownValueSet(ids: known, noun: types[typeName]?.noun ?? typeName, origin: ids.origin)
    }

    private static func string(_ expr: CELExpr) -> String? {
        guard case .literal(.string(let text)) = expr.kind else { return nil }
        return text
    }

    private mutating func report(_ text: String, at range: CELRange, _ known: KnownValueSet, _ place: Place) {
        // Most literals are known values: the place (a pass over the YAML scalar) only for the others.
        guard !text.isEmpty, !known.contains(text), let span = span(of: range, place) else { return }
        report(text, at: span, known)
    }

    private mutating func report(_ text: String, at span: SourceSpan, _ known: KnownValueSet) {
        guard !reported.contains(span.range.start), let diagnostic = known.diagnostic(for: text, at: span, budget: &budget) else { return }
        reported.insert(span.range.start)
        diagnostics.append(diagnostic)
    }

    /// The items of the policy's list `name`, each at its line.
    private mutating func reportListItems(_ name: String, _ known: KnownValueSet) {
        guard let list = policy.document.lists.first(where: { $0.name == name }) else { return }
        for item in list.items {
            guard case .string(let text)? = item.scalarValue else { continue }
            report(text, at: SourceSpan(file: policy.document.file, range: item.range), known)
        }
    }

    /// Where a range of a tree is written.
    private mutating func span(of range: CELRange, _ place: Place) -> SourceSpan? {
        switch place {
        case .expression(let tree):
            return SourceSpan(file: tree.file, range: tree.sourceRange(of: range))
        case .macro(let name):
            if macroTrees == nil { macroTrees = policy.macros }
            guard let tree = macroTrees?[name]?.tree else { return nil }
            return SourceSpan(file: tree.file, range: tree.sourceRange(of: range))
        }
    }
}
