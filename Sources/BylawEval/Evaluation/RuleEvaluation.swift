import BylawPolicy
import BylawSource
import CEL

/// The inputs a rule reads, whatever its trigger.
public struct RuleInputs {
    public var event: EventNode?
    public var workspace: WorkspaceGraph?
    public var before: WorkspaceGraph?
    public var after: WorkspaceGraph?

    public init(event: EventNode? = nil, workspace: WorkspaceGraph? = nil, before: WorkspaceGraph? = nil, after: WorkspaceGraph? = nil) {
        self.event = event
        self.workspace = workspace
        self.before = before
        self.after = after
    }

    /// The graph whose fields locate findings (the workspace, or the proposed config).
    var locatingGraph: WorkspaceGraph? { after ?? workspace }

    /// An activation with the rule's variables bound.
    func activation(for rule: CompiledRule) -> CELActivation {
        var activation = CELActivation(slotCount: rule.slots.count)
        if let slot = rule.slots.event, let event { activation[slot] = .object(event) }
        if let slot = rule.slots.workspace, let workspace { activation[slot] = workspace.value }
        if let slot = rule.slots.before, let before { activation[slot] = before.value }
        if let slot = rule.slots.after, let after { activation[slot] = after.value }
        return activation
    }
}

/// Runs a rule once, or once per element of its `for:` collection, and reports each outcome
/// with where in the input it points (when the input is a config).
public enum RuleEvaluation {
    public static func run(_ rule: CompiledRule, _ inputs: RuleInputs, report: (RuleOutcome, SourceSpan?) -> Void) {
        visit(rule, inputs) { outcome, span, _ in report(outcome, span) }
    }

    /// ``run(_:_:report:)``, also handing over the activation each outcome was decided on (the
    /// `for:` element bound); nil when the `for:` collection itself failed.
    static func visit(_ rule: CompiledRule, _ inputs: RuleInputs, report: (RuleOutcome, SourceSpan?, CELActivation?) -> Void) {
        var activation = inputs.activation(for: rule)
        let graph = inputs.locatingGraph
        guard let collection = rule.forCollection else {
            check(rule, activation, graph: graph, watching: graph?.root) { report($0, $1, activation) }
            return
        }
        let elements: [CELValue]
        switch collection.program.evaluate(activation) {
        case .list(let items): elements = items
        case .map(let map): elements = map.keys
        case .error(let error):
            let span = collection.sourceSpan(of: error.range)
            let failure = EvaluationFailure(message: "'for' could not be evaluated: \(error.message) (\(RuleRunner.place(span)))", policySpan: span)
            report(.failed(failure), graph?.root.objectSpan, nil)
            return
        case let other:
            let failure = EvaluationFailure(
                message: "'for' gave \(other.celType), not a list (\(RuleRunner.place(collection.span)))", policySpan: collection.span)
            report(.failed(failure), graph?.root.objectSpan, nil)
            return
        }
        for element in elements {
            if let slot = rule.slots.element { activation[slot] = element }
            var watched: AnyObject? = graph?.root
            if case .object(let object) = element { watched = object }
            check(rule, activation, graph: graph, watching: watched) { report($0, $1, activation) }
        }
    }

    private static func check(
        _ rule: CompiledRule, _ activation: CELActivation, graph: WorkspaceGraph?, watching: AnyObject?, report: (RuleOutcome, SourceSpan?) -> Void
    ) {
        guard let graph else {
            report(RuleRunner.run(rule, activation), nil)
            return
        }
        let outcome = RuleRunner.run(
            rule, activation,
            beforeCondition: { graph.trace.start(watching: watching) },
            afterCondition: { graph.trace.stop() })
        // The cast to a protocol searches Swift's conformance cache (about 900 instructions a
        // user when linting a million): only when no field was traced.
        report(outcome, graph.trace.first ?? (watching as? LocatedNode)?.objectSpan ?? graph.root.objectSpan)
    }
}
