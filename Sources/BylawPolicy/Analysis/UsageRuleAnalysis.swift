import BylawSchema
import BylawSource
import CEL

/// What an `on: usage` rule reads of the event and what its `where` requires, worked out by
/// the compiler from the checked trees (``CompiledRule/analysis``): the facts the stream
/// evaluator uses to scan only the fields rules read, to run a rule only on the events it can
/// apply to, to reuse a decision across events that agree on every field the decision reads,
/// and to print a placeholder that is a plain field read without evaluating it.
///
/// Every fact errs on the safe side: a read the analysis cannot follow is opaque, and a
/// `where` it cannot read requires nothing.
public struct UsageRuleAnalysis: Sendable {
    /// Fields the decision reads: `for`, `where`, the condition, the exceptions in force.
    public let decisionReads: EventFieldReads
    /// Fields the message and hint read (only when the rule fires).
    public let templateReads: EventFieldReads
    /// The `event.kind` values under which `where` can hold; nil when it does not constrain
    /// the kind. With `where: event.kind == "share" && …`, any other kind (or none) makes
    /// `where` false whatever the rest evaluates to, since CEL's `false && error` is false.
    public let requiredKinds: Set<String>?
    /// Per part of the message (then of the hint): the event field a placeholder prints when it
    /// is nothing but a field read (`{event.user}`); nil for literal text and other placeholders.
    public let messagePlainReads: [UsageEventField?]
    /// See ``messagePlainReads``.
    public let hintPlainReads: [UsageEventField?]
    /// Per part of the message (then of the hint): the event fields a placeholder reads, through
    /// macros; nil for literal text. Two events agreeing on them print the same text there.
    public let messagePartReads: [EventFieldReads?]
    /// See ``messagePartReads``.
    public let hintPartReads: [EventFieldReads?]
    /// The macros the decision uses, as `POLICY.MACRO`: subexpressions a rule may share with
    /// others (``PolicySet/sharedMacros``), which an evaluator can work out once per event.
    public let macros: [String]

    /// Analyses a usage rule's compiled parts; `eventSlot` is where its `event` lives.
    init(
        policyID: String, eventSlot: Int, forCollection: CompiledExpression?, whereCondition: CompiledExpression?, condition: CompiledExpression,
        exceptions: [CompiledException], message: CompiledTemplate?, hint: CompiledTemplate?
    ) {
        var decision = EventFieldWalker(eventSlot: eventSlot)
        if let forCollection { decision.walk(forCollection.checked) }
        if let whereCondition { decision.walk(whereCondition.checked) }
        decision.walk(condition.checked)
        var reads = decision.reads
        // Exceptions are compiled in the rule's policy, so their macros are that policy's too.
        var macros = decision.expanded
        for exception in exceptions {
            guard let condition = exception.whereCondition else { continue }
            var walker = EventFieldWalker(eventSlot: eventSlot)
            walker.walk(condition.checked)
            reads.formUnion(walker.reads)
            macros.formUnion(walker.expanded)
        }
        self.macros = macros.map { "\(policyID).\($0)" }.sorted()
        decisionReads = reads
        var templates = EventFieldWalker(eventSlot: eventSlot)
        for template in [message, hint].compactMap({ $0 }) {
            for case .expression(let expression) in template.parts { templates.walk(expression.checked) }
        }
        templateReads = templates.reads
        requiredKinds = whereCondition.flatMap { KindConstraint(eventSlot: eventSlot).kinds($0.checked) }
        func plainReads(_ template: CompiledTemplate?) -> [UsageEventField?] {
            (template?.parts ?? []).map { part in
                guard case .expression(let expression) = part else { return nil }
                return EventPath.plainRead(expression.checked, eventSlot: eventSlot)
            }
        }
        messagePlainReads = plainReads(message)
        hintPlainReads = plainReads(hint)
        func partReads(_ template: CompiledTemplate?) -> [EventFieldReads?] {
            (template?.parts ?? []).map { part in
                guard case .expression(let expression) = part else { return nil }
                var walker = EventFieldWalker(eventSlot: eventSlot)
                walker.walk(expression.checked)
                return walker.reads
            }
        }
        messagePartReads = partReads(message)
        hintPartReads = partReads(hint)
    }
}

/// Reads `event.kind == "x"` (or `"x" == event.kind`, or `event.kind in ["x", "y"]`) among
/// the conjuncts of a checked `where`, through macros.
struct KindConstraint {
    let eventSlot: Int

    /// The kinds the condition requires, nil when it requires none the analysis can see.
    func kinds(_ checked: CELCheckedExpr, depth: Int = 0) -> Set<String>? {
        kinds(checked.ast.root, in: checked, depth: depth)
    }

    private func kinds(_ expr: CELExpr, in checked: CELCheckedExpr, depth: Int) -> Set<String>? {
        guard depth < EventFieldWalker.maxDepth else { return nil }
        switch expr.kind {
        case .ident:
            return checked.alias(of: expr.id).flatMap { kinds($0, depth: depth + 1) }
        case .call(nil, CELOperator.logicalAnd, let args) where args.count == 2:
            let left = kinds(args[0], in: checked, depth: depth + 1)
            let right = kinds(args[1], in: checked, depth: depth + 1)
            guard let left else { return right }
            guard let right else { return left }
            return left.intersection(right)
        case .call(nil, CELOperator.equals, let args) where args.count == 2:
            if isEventKind(args[0], in: checked), let value = Self.string(args[1]) { return [value] }
            if isEventKind(args[1], in: checked), let value = Self.string(args[0]) { return [value] }
            return nil
        case .call(nil, CELOperator.in, let args) where args.count == 2 && isEventKind(args[0], in: checked):
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

    private func isEventKind(_ expr: CELExpr, in checked: CELCheckedExpr) -> Bool {
        guard case .select(let operand, "kind", false) = expr.kind, case .ident = operand.kind else { return false }
        return checked.variableSlot(of: operand.id) == eventSlot
    }

    static func string(_ expr: CELExpr) -> String? {
        guard case .literal(.string(let value)) = expr.kind else { return nil }
        return value
    }
}
