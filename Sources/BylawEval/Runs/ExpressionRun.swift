import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// `bylaw expr` as a library call: one CEL expression checked and evaluated in the policy
/// environment, seeing `event`, `workspace` and any variables given, with the domain's types and
/// functions. A playground for people writing conditions (the CLI, an editor, a studio).
public struct ExpressionRun {
    /// What the expression sees as `event` (an empty event by default).
    public var event = UsageEvent()
    /// What the expression sees as `workspace` (nil: an empty workspace).
    public var workspace: WorkspaceGraph?
    /// Variables of type `dyn`, by name, in declaration order.
    public var variables: [(name: String, value: CELValue)] = []
    /// What one evaluation may spend.
    public var budget: CELBudget = .standard

    public init() {}

    /// A value an expression produced, with the event and workspace views it may point into
    /// (`workspace.org("us")` is such a view), kept alive with it: the value stays valid however
    /// long the caller keeps it. Not `Sendable`: the views are evaluated on one thread at a time.
    public struct Value {
        public let value: CELValue
        private let views: [AnyObject]

        init(_ value: CELValue, views: [AnyObject]) {
            self.value = value
            self.views = views
        }
    }

    /// The result of a run.
    public enum Outcome {
        /// The expression's value.
        case value(Value)
        /// The expression does not compile: its diagnostics, in the expression's own text.
        case invalid([Diagnostic])
        /// It compiled but its evaluation failed (status `findings`, as a rule that cannot be
        /// evaluated is a finding).
        case failed(Diagnostic)

        /// The status the outcome adds up to.
        public var status: RunStatus {
            switch self {
            case .value: return .clean
            case .invalid: return .invalidInput
            case .failed: return .findings
            }
        }
    }

    /// Checks and evaluates `expression`; diagnostics name `source` (the expression as a file).
    public func run(_ expression: String, source path: String = "<expr>") -> Outcome {
        var environment = DomainSchema.baseEnvironment()
        environment.limits.budget = budget
        let eventSlot = environment.declareVariable("event", .object(DomainSchema.event.name))
        let workspaceSlot = environment.declareVariable("workspace", .object(DomainSchema.workspace.name))
        let slots = variables.map { environment.declareVariable($0.name, .dyn) }
        let source = SourceFile(path: path, text: expression)
        func span(_ range: CELRange) -> SourceSpan { SourceSpan(file: source, range: SourceRange(start: range.start, end: range.end)) }
        let program: CELProgram
        switch environment.compile(expression) {
        case .success(let compiled): program = compiled
        case .failure(let issues):
            return .invalid(issues.issues.map { issue in
                Diagnostic(
                    code: DiagnosticCode(issue.code), severity: issue.severity == .error ? .error : .warning, message: issue.message, span: span(issue.range),
                    hint: issue.hint)
            })
        }
        var activation = CELActivation(slotCount: environment.slotCount)
        let eventNode = EventNode()
        eventNode.event = event
        activation[eventSlot] = .object(eventNode)
        let graph = workspace ?? Workspace.empty().map(WorkspaceGraph.init)
        activation[workspaceSlot] = graph?.value ?? .null
        for (slot, variable) in zip(slots, variables) { activation[slot] = variable.value }
        let result = program.evaluate(activation)
        if case .error(let error) = result {
            return .failed(Diagnostic(code: .celEvaluationError, message: error.message, span: error.range.map(span), path: path))
        }
        return .value(Value(result, views: [eventNode] + (graph.map { [$0] } ?? [])))
    }
}
