import BylawPolicy
import BylawSource
import CEL

/// Explains a rule's outcome on one activation (``RuleExplanation``): lays each condition out as
/// written (``ConditionOutline``), then works out every part alone, a piece of the rule's
/// checked tree planned on its own. Nothing here runs during ordinary evaluation: explaining costs a plan per part,
/// and is for one input at a time (`bylaw explain`, a finding asked about, a failing test).
///
/// Each whole condition (`where`, `forbid`/`require`, an exception's `where`) is evaluated as
/// evaluation does, with its own budget, so the values the explanation shows for them are the
/// ones that decided. Their parts share one more budget of the rule's size per explanation, and
/// parts too large to plan share a limit too: a hostile policy explained ends, with the parts it
/// could not afford marked as not worked out.
public struct RuleExplainer {
    /// How many planned nodes (macros copied in) one explanation may build, across its parts.
    public static let maxPlannedNodes = 2_000_000

    /// Where parts are planned: the functions and types every rule is checked against. The
    /// checker resolved each name of a rule (to a variable's slot, a list's value, a macro's
    /// tree) on the nodes themselves, so a part plans alone without the rule's declarations.
    private static let environment = DomainSchema.baseEnvironment()

    /// How much an explanation works out.
    public enum Detail: Sendable {
        /// Everything: the values each leaf reads, the macros it uses, expanded.
        case full
        /// The conditions and their branches alone, with their values: what test coverage reads.
        case branches
    }

    private let rule: CompiledRule
    private let macros: [String: CompiledMacro]
    private let reads: Bool
    private let outlines: OutlineCache?
    /// The part being explained (`where`, `forbid`, an exception's place), naming cached plans.
    private var part = ""
    private let activation: CELActivation
    private var meter: CELMeter
    private var plannable: Int

    private init(rule: CompiledRule, macros: [String: CompiledMacro], reads: Bool, outlines: OutlineCache?, activation: CELActivation) {
        self.rule = rule
        self.macros = macros
        self.reads = reads
        self.outlines = outlines
        self.activation = activation
        self.meter = CELMeter(rule.condition.program.budget)
        self.plannable = Self.maxPlannedNodes
    }

    /// Explains `outcome`, which evaluation decided for `rule` on `activation` (nil when the
    /// rule's `for:` collection could not be evaluated: there is nothing more to show).
    /// `policy`, the rule's, gives the macros to expand and the exceptions that expired;
    /// without it macros show as values and expired exceptions are left out.
    public static func explain(
        _ rule: CompiledRule, _ activation: CELActivation?, outcome: RuleOutcome, location: SourceSpan?, policy: CompiledPolicy?,
        detail: Detail = .full
    ) -> RuleExplanation {
        explain(rule, activation, outcome: outcome, location: location, policy: policy, detail: detail, outlines: nil)
    }

    /// ``explain(_:_:outcome:location:policy:detail:)`` laying conditions out once per rule in
    /// `outlines`, for a caller explaining the same rules on many inputs (the tests).
    static func explain(
        _ rule: CompiledRule, _ activation: CELActivation?, outcome: RuleOutcome, location: SourceSpan?, policy: CompiledPolicy?,
        detail: Detail, outlines: OutlineCache?
    ) -> RuleExplanation {
        let exceptions = ExceptionEntry.inOrder(rule, expired: policy?.expiredExceptions(of: rule) ?? [])
        guard let activation else {
            return RuleExplanation(
                rule: rule.descriptor, mode: rule.mode, element: nil, whereCondition: nil, condition: nil,
                exceptions: notConsidered(exceptions, file: rule.condition.file), outcome: outcome, location: location)
        }
        let full = detail == .full
        var explainer = RuleExplainer(
            rule: rule, macros: full ? policy?.macros ?? [:] : [:], reads: full, outlines: outlines, activation: activation)
        return explainer.explain(exceptions, outcome: outcome, location: location)
    }

    private mutating func explain(_ exceptions: [ExceptionEntry], outcome: RuleOutcome, location: SourceSpan?) -> RuleExplanation {
        var element: ExplainedBinding?
        if let slot = rule.slots.element, let binding = rule.declaration.forBinding {
            element = ExplainedBinding(name: binding.name, value: ExplainedValue(activation[slot]))
        }
        var whereCondition: ExplainedCondition?
        var applies = true
        if let expression = rule.whereCondition {
            let explained = explain(expression, part: "where")
            applies = explained.value.truth == true
            whereCondition = explained
        }
        let condition = applies ? explain(rule.condition, part: rule.mode.rawValue) : nil
        let fires = condition.flatMap(\.value.truth).map { rule.mode == .forbid ? $0 : !$0 } ?? false
        let file = rule.condition.file
        return RuleExplanation(
            rule: rule.descriptor, mode: rule.mode, element: element, whereCondition: whereCondition, condition: condition,
            exceptions: fires ? considered(exceptions, file: file) : Self.notConsidered(exceptions, file: file), outcome: outcome,
            location: location)
    }

    /// An exception in force (compiled) or expired (as written).
    private struct ExceptionEntry {
        let declaration: ExceptionDecl
        let compiled: CompiledException?

        /// The rule's exceptions in the order written.
        static func inOrder(_ rule: CompiledRule, expired: [ExceptionDecl]) -> [ExceptionEntry] {
            let entries = rule.exceptions.map { ExceptionEntry(declaration: $0.declaration, compiled: $0) }
                + expired.map { ExceptionEntry(declaration: $0, compiled: nil) }
            return entries.sorted { $0.declaration.range.start < $1.declaration.range.start }
        }
    }

    /// Every exception in the order written, each evaluated until one applies (as evaluation
    /// does); expired ones never apply.
    private mutating func considered(_ exceptions: [ExceptionEntry], file: SourceFile) -> [ExplainedException] {
        var applied = false
        var explained: [ExplainedException] = []
        for exception in exceptions {
            let status: ExplainedException.Status
            var condition: ExplainedCondition?
            if exception.compiled == nil {
                status = .expired
            } else if applied {
                status = .notConsidered
            } else if let whereCondition = exception.compiled?.whereCondition {
                let value = explain(whereCondition, part: "exception@\(exception.declaration.range.start)")
                switch value.value.truth {
                case true?: status = .applied
                case false?: status = .notMatching
                case nil: status = .failed
                }
                condition = value
            } else {
                status = .applied
            }
            applied = applied || status == .applied
            explained.append(ExplainedException(declaration: exception.declaration, file: file, status: status, whereCondition: condition))
        }
        return explained
    }

    private static func notConsidered(_ exceptions: [ExceptionEntry], file: SourceFile) -> [ExplainedException] {
        exceptions.map { exception in
            ExplainedException(
                declaration: exception.declaration, file: file, status: exception.compiled == nil ? .expired : .notConsidered, whereCondition: nil)
        }
    }

    // MARK: Parts

    /// A whole condition: its value as evaluation computes it, its parts worked out alone.
    private mutating func explain(_ expression: CompiledExpression, part: String) -> ExplainedCondition {
        let outline = outlines?.outline(of: expression, rule: rule, part: part, reads: reads) { expression.outline(macros: macros, reads: reads) }
            ?? expression.outline(macros: macros, reads: reads)
        self.part = part
        return explain(outline, value: value(expression.program.evaluate(activation)))
    }

    private mutating func explain(_ outline: ConditionOutline, value known: ExplainedValue?) -> ExplainedCondition {
        // A macro's value is its condition's, and a combinator of one branch has that branch's:
        // worked out once.
        var passesValue = outline.children.count == 1
        switch outline.kind {
        case .all, .any, .macro: break
        case .not, .leaf: passesValue = false
        }
        var children = outline.children.map { explain($0, value: passesValue ? known : nil) }
        if outline.kind == .all || outline.kind == .any { Self.markUndecisive(&children, decidedBy: outline.kind == .any) }
        let value: ExplainedValue
        if let known {
            value = known
        } else if case .macro = outline.kind, let only = children.first {
            value = only.value
        } else {
            value = evaluate(outline.checked, size: outline.planSize)
        }
        var reads: [ExplainedRead] = []
        for read in outline.reads {
            switch evaluateValue(read.checked, size: read.planSize) {
            case .success(.object(let object)) where !(object is any IdentifiedObject):
                // A part of the event (`event.cost`) read only to reach a field says nothing itself.
                continue
            case .success(let value): reads.append(ExplainedRead(text: read.text, value: ExplainedValue(value)))
            case .failure(let skipped): reads.append(ExplainedRead(text: read.text, value: .skipped(skipped.reason)))
            }
        }
        return ExplainedCondition(
            kind: outline.kind, text: outline.text, span: outline.span, value: value, reads: reads, children: children, omitted: outline.omitted)
    }

    /// Evaluation stops at the first branch that decides an `all` (false) or an `any` (true):
    /// the later branches were not evaluated, so an error one gives alone is not the rule's.
    private static func markUndecisive(_ branches: inout [ExplainedCondition], decidedBy decisive: Bool) {
        guard let first = branches.firstIndex(where: { $0.value.truth == decisive }) else { return }
        for index in branches.indices.dropFirst(first + 1) {
            guard case .error = branches[index].value else { continue }
            let branch = branches[index]
            branches[index] = ExplainedCondition(
                kind: branch.kind, text: branch.text, span: branch.span, value: .skipped("not evaluated: an earlier branch decided"),
                reads: branch.reads, children: branch.children, omitted: branch.omitted)
        }
    }

    /// One part, planned in the rule's environment, evaluated from the shared budget.
    private mutating func evaluate(_ checked: CELCheckedExpr, size: Int) -> ExplainedValue {
        switch evaluateValue(checked, size: size) {
        case .success(let result): return value(result)
        case .failure(let skipped): return .skipped(skipped.reason)
        }
    }

    /// A part's value as the explanation shows it; only its truth when branches are all it is for.
    private func value(_ result: CELValue) -> ExplainedValue {
        reads ? ExplainedValue(result) : ExplainedValue(truthOf: result)
    }

    /// Why a part was not worked out.
    private struct Skipped: Error {
        let reason: String
    }

    private mutating func evaluateValue(_ checked: CELCheckedExpr, size: Int) -> Result<CELValue, Skipped> {
        guard meter.iterationsAvailable > 0, meter.memoryAvailable > 0 else {
            return .failure(Skipped(reason: "not worked out: the budget for explaining this rule is spent"))
        }
        guard size <= plannable else { return .failure(Skipped(reason: "not worked out: too large to evaluate alone")) }
        plannable -= max(size, 1)
        // Without macros expanded, a node's id names it within its rule's part (a macro's own
        // tree numbers its nodes afresh): plans can be kept across inputs.
        let program = reads || outlines == nil
            ? Self.environment.plan(checked)
            : outlines?.program(rule: rule, part: part, node: checked.ast.root.id) { Self.environment.plan(checked) } ?? Self.environment.plan(checked)
        return .success(program.evaluate(activation, meter: &meter))
    }
}

/// Conditions laid out, and their parts planned, once per rule, for explaining the same rules on
/// many inputs (the tests, for their coverage).
final class OutlineCache {
    private var outlines: [String: ConditionOutline] = [:]
    private var programs: [String: CELProgram] = [:]

    /// The plan of node `node` of `part` of `rule`: `make`'s the first time.
    func program(rule: CompiledRule, part: String, node: Int, make: () -> CELProgram) -> CELProgram {
        let key = "\(rule.fullID)#\(part)#\(node)"
        if let known = programs[key] { return known }
        let made = make()
        programs[key] = made
        return made
    }

    /// The outline of `expression`, `part` of `rule` (`where`, `forbid`, an exception's
    /// place), with or without its `reads`: `make`'s the first time.
    func outline(of expression: CompiledExpression, rule: CompiledRule, part: String, reads: Bool, make: () -> ConditionOutline) -> ConditionOutline {
        let key = "\(rule.fullID)#\(part)#\(reads)"
        if let known = outlines[key] { return known }
        let made = make()
        outlines[key] = made
        return made
    }
}
