import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// `bylaw explain` as a library call: why each rule fired or did not on one input (one usage
/// event, one workspace config, one change), as ``RuleExplanation``s a printer shows to people
/// or tools. The rules run exactly as `eval`, `lint` and `plan` run them; the explanation is
/// worked out beside that, part by part (``RuleExplainer``).
public struct ExplainRun {
    /// What to explain the rules on; its kind picks the rules (their `on:`).
    public enum Input {
        /// One usage event, against a workspace (nil: an empty one): the `on: usage` rules.
        case event(UsageEvent, workspace: WorkspaceGraph?)
        /// One workspace config: the `on: workspace` rules.
        case workspace(WorkspaceGraph)
        /// A config change: the `on: change` rules.
        case change(before: WorkspaceGraph, after: WorkspaceGraph)

        /// The `on:` of the rules this input runs.
        public var trigger: RuleTrigger {
            switch self {
            case .event: return .usage
            case .workspace: return .workspace
            case .change: return .change
            }
        }
    }

    /// The explanations, in rule order (then `for:` element order), and the status they add up
    /// to: `findings` when a rule at `block` fired or could not be evaluated.
    public struct Outcome: Sendable {
        public let explanations: [RuleExplanation]
        public let status: RunStatus
    }

    public let policies: PolicySet
    /// The rule to explain, `POLICY/RULE` or `RULE`; nil: every rule the input runs.
    public var rule: String?

    public init(policies: PolicySet, rule: String? = nil) {
        self.policies = policies
        self.rule = rule
    }

    /// The rules the input runs (or the one asked for), or why the rule asked for cannot be
    /// explained on it.
    public func rules(for input: Input) -> Swift.Result<[CompiledRule], Diagnostic> {
        let trigger = input.trigger
        guard let rule else { return .success(policies.rules(on: trigger)) }
        guard let found = policies.rules.first(where: { $0.fullID == rule || $0.descriptor.ruleID == rule }) else {
            let names = policies.rules.map(\.fullID) + policies.rules.map(\.descriptor.ruleID)
            let hint = DidYouMean.hint(rule, from: names) ?? "name a rule as POLICY/RULE or RULE; `bylaw handbook` lists them all"
            return .failure(Diagnostic(code: .explainUnknownRule, message: "no rule '\(rule)' in the policy set", path: rule, hint: hint))
        }
        guard found.trigger == trigger else {
            return .failure(Diagnostic(
                code: .explainOtherInput, message: "rule '\(found.fullID)' runs on: \(found.trigger.rawValue), not on \(Self.describe(trigger))",
                span: found.descriptor.definedAt, hint: Self.inputHint(found.trigger)))
        }
        return .success([found])
    }

    /// Explains the rules on the input, or says why the rule asked for cannot be.
    public func run(_ input: Input) -> Swift.Result<Outcome, Diagnostic> {
        rules(for: input).map { rules in
            let inputs: RuleInputs
            switch input {
            case .event(let event, let workspace):
                let node = EventNode()
                node.event = event
                inputs = RuleInputs(event: node, workspace: workspace ?? Workspace.empty().map(WorkspaceGraph.init))
            case .workspace(let graph):
                inputs = RuleInputs(workspace: graph)
            case .change(let before, let after):
                inputs = RuleInputs(before: before, after: after)
            }
            var explanations: [RuleExplanation] = []
            for rule in rules {
                RuleEvaluation.visit(rule, inputs) { outcome, location, activation in
                    // An event's findings point at no line of the workspace (as in `eval`).
                    let place = input.trigger == .usage ? nil : location
                    explanations.append(RuleExplainer.explain(rule, activation, outcome: outcome, location: place, policy: policies.policy(of: rule)))
                }
            }
            let blocks = explanations.contains { $0.enforcement == .block }
            return Outcome(explanations: explanations, status: blocks ? .findings : .clean)
        }
    }

    private static func describe(_ trigger: RuleTrigger) -> String {
        switch trigger {
        case .usage: return "a usage event"
        case .workspace: return "a workspace config"
        case .change: return "a change"
        }
    }

    private static func inputHint(_ trigger: RuleTrigger) -> String {
        switch trigger {
        case .usage: return "explain it on an event: --event FILE (and --workspace FILE for the workspace it belongs to)"
        case .workspace: return "explain it on a workspace config: --workspace FILE alone"
        case .change: return "explain it on a change: --before FILE --after FILE"
        }
    }
}
