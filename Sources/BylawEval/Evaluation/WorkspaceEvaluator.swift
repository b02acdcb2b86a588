import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// Evaluates `on: workspace` rules on one workspace config.
///
/// A finding points at the field that decided: the first field the rule's condition read on the
/// `for:` element (or on the workspace) that the config wrote, e.g. the child org's
/// `billing_account:` line; else at the element itself.
public struct WorkspaceEvaluator {
    public let rules: [CompiledRule]

    public init(rules: [CompiledRule]) {
        self.rules = rules.filter { $0.trigger == .workspace }
    }

    /// Runs every rule; `emit` receives each finding in rule order, then element order.
    public func evaluate(_ graph: WorkspaceGraph, inputPath: String, tally: inout RunTally, emit: (Finding) -> Void) {
        let inputs = RuleInputs(workspace: graph)
        for rule in rules {
            RuleEvaluation.run(rule, inputs) { outcome, span in
                guard let finding = Finding(rule, outcome, inputPath: inputPath, location: span, tally: &tally) else { return }
                emit(finding)
            }
        }
    }
}

extension Finding {
    /// The finding an outcome makes (nil when the rule held or did not apply), counted in `tally`.
    init?(_ rule: CompiledRule, _ outcome: RuleOutcome, inputPath: String, location: SourceSpan?, event: EventReference? = nil, tally: inout RunTally) {
        switch outcome {
        case .notApplicable, .passed:
            return nil
        case .excepted:
            tally.excepted += 1
            return nil
        case .fired(let message, let hint):
            self.init(rule: rule.descriptor, message: message, hint: hint, inputPath: inputPath, location: location, event: event)
        case .failed(let failure):
            self.init(rule: rule.descriptor, failure: failure, inputPath: inputPath, location: location, event: event)
        }
        tally.count(self)
    }
}
