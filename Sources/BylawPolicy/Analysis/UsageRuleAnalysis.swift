import BylawSource
import CEL

/// What a compiled `on: usage` rule reads of the event and what its `where` requires: the
/// facts the stream evaluator uses to scan only the fields rules read, to run a rule only on
/// the events it can apply to, and to reuse a decision across events that agree on every
/// field the decision reads.
///
/// Every fact errs on the safe side: a read the analysis cannot follow is opaque, and a
/// `where` it cannot read requires nothing.
public struct UsageRuleAnalysis: Sendable {
    /// Fields the decision reads: `where`, the condition, the exceptions in force.
    public let decisionReads: EventFieldReads
    /// Fields the message and hint read (only when the rule fires).
    public let templateReads: EventFieldReads
    /// The `event.kind` values under which `where` can hold; nil when it does not constrain
    /// the kind. With `where: event.kind == "share" && …`, any other kind (or none) makes
    /// `where` false whatever the rest evaluates to, since CEL's `false && error` is false.
    public let requiredKinds: Set<String>?

    /// Analyses `rule`, whose policy (and its exceptions' policies) are in `policies`.
    public init(_ rule: CompiledRule, policies: [CompiledPolicy]) {
        self.init(rule, macros: PolicyMacros(documents: policies.map(\.document)))
    }

    /// Analyses `rule` with the macros of the policies it and its exceptions come from.
    public init(_ rule: CompiledRule, macros: PolicyMacros) {
        guard let ruleMacros = macros.texts[rule.descriptor.policyID],
            rule.exceptions.allSatisfy({ $0.whereCondition == nil || macros.texts[$0.policyID] != nil })
        else {
            // Without the macros, a name could be anything: nothing is known.
            decisionReads = EventFieldReads(paths: [], isOpaque: true)
            templateReads = EventFieldReads(paths: [], isOpaque: true)
            requiredKinds = nil
            return
        }
        func macroTexts(_ policyID: String) -> [String: String] { macros.texts[policyID] ?? [:] }
        var decision = EventFieldWalker(macros: ruleMacros)
        if let whereCondition = rule.whereCondition { decision.walk(text: whereCondition.text.text) }
        decision.walk(text: rule.condition.text.text)
        var reads = decision.reads
        for exception in rule.exceptions {
            guard let condition = exception.whereCondition else { continue }
            var walker = EventFieldWalker(macros: macroTexts(exception.policyID))
            walker.walk(text: condition.text.text)
            reads.formUnion(walker.reads)
        }
        decisionReads = reads
        var templates = EventFieldWalker(macros: ruleMacros)
        for template in [rule.message, rule.hint].compactMap({ $0 }) {
            for case .expression(let expression) in template.parts { templates.walk(text: expression.text.text) }
        }
        templateReads = templates.reads
        requiredKinds = rule.whereCondition.flatMap { KindConstraint(macros: ruleMacros).kinds(text: $0.text.text) }
    }
}

/// The macros of policy documents, as CEL texts by name, by policy id.
public struct PolicyMacros: Sendable {
    /// Macro texts by name, by policy id.
    public let texts: [String: [String: String]]

    /// The macros of `documents`.
    public init(documents: [PolicyDocument]) {
        var texts: [String: [String: String]] = [:]
        for document in documents {
            var macros: [String: String] = [:]
            for macro in document.macros { macros[macro.name] = ConditionText(macro.condition, file: document.file).text }
            texts[document.id] = macros
        }
        self.texts = texts
    }

    /// The macros of the policies `rules` come from, read again from the rules' source files
    /// (for callers holding only compiled rules).
    public init(sourcesOf rules: [CompiledRule]) {
        var files: [String: SourceFile] = [:]
        for rule in rules {
            files[rule.condition.span.file.path] = rule.condition.span.file
            for exception in rule.exceptions {
                if let condition = exception.whereCondition { files[condition.span.file.path] = condition.span.file }
            }
        }
        var loaded = PolicySetLoader.Result()
        for path in files.keys.sorted() {
            if let file = files[path] { PolicySetLoader.load(file: file, into: &loaded) }
        }
        self.init(documents: loaded.documents)
    }
}

/// Reads `event.kind == "x"` (or `"x" == event.kind`, or `event.kind in ["x", "y"]`) among
/// the conjuncts of a `where`.
struct KindConstraint {
    let macros: [String: String]
    private let parser = CELEnvironment(standard: false)

    init(macros: [String: String]) { self.macros = macros }

    /// The kinds the condition requires, nil when it requires none the analysis can see.
    func kinds(text: String, depth: Int = 0) -> Set<String>? {
        guard depth < EventFieldWalker.maxDepth, case .success(let ast) = parser.parse(text) else { return nil }
        return kinds(ast.root, depth: depth + 1)
    }

    private func kinds(_ expr: CELExpr, depth: Int) -> Set<String>? {
        guard depth < EventFieldWalker.maxDepth else { return nil }
        switch expr.kind {
        case .ident(let name, _):
            guard let text = macros[name] else { return nil }
            return kinds(text: text, depth: depth + 1)
        case .call(nil, CELOperator.logicalAnd, let args) where args.count == 2:
            let left = kinds(args[0], depth: depth + 1)
            let right = kinds(args[1], depth: depth + 1)
            guard let left else { return right }
            guard let right else { return left }
            return left.intersection(right)
        case .call(nil, CELOperator.equals, let args) where args.count == 2:
            if Self.isEventKind(args[0]), let value = Self.string(args[1]) { return [value] }
            if Self.isEventKind(args[1]), let value = Self.string(args[0]) { return [value] }
            return nil
        case .call(nil, CELOperator.in, let args) where args.count == 2 && Self.isEventKind(args[0]):
            guard case .list(let elements, let optional) = args[1].kind, optional.isEmpty else { return nil }
            var values: Set<String> = []
            for element in elements {
                guard let value = Self.string(element) else { return nil }
                values.insert(value)
            }
            return values
        default:
            return nil
        }
    }

    static func isEventKind(_ expr: CELExpr) -> Bool {
        guard case .select(let operand, "kind", false) = expr.kind, case .ident("event", _) = operand.kind else { return false }
        return true
    }

    static func string(_ expr: CELExpr) -> String? {
        guard case .literal(.string(let value)) = expr.kind else { return nil }
        return value
    }
}
