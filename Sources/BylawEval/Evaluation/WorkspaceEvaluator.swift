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
        for rule in rules {
            var activation = CELActivation(slotCount: rule.slots.count)
            if let slot = rule.slots.workspace { activation[slot] = graph.value }
            guard let collection = rule.forCollection else {
                check(rule, activation, graph: graph, watching: graph.root, inputPath: inputPath, tally: &tally, emit: emit)
                continue
            }
            let elements: [CELValue]
            switch collection.program.evaluate(activation) {
            case .list(let items): elements = items
            case .map(let map): elements = map.keys
            case .error(let error):
                report(rule, .failed(message: "'for' could not be evaluated: \(error.message) (\(RuleRunner.place(collection.sourceSpan(of: error.range))))"),
                       at: graph.root.objectSpan, inputPath: inputPath, tally: &tally, emit: emit)
                continue
            case let other:
                report(rule, .failed(message: "'for' gave \(other.celType), not a list"), at: graph.root.objectSpan, inputPath: inputPath, tally: &tally, emit: emit)
                continue
            }
            for element in elements {
                if let slot = rule.slots.element { activation[slot] = element }
                var watched: AnyObject = graph.root
                if case .object(let object) = element { watched = object }
                check(rule, activation, graph: graph, watching: watched, inputPath: inputPath, tally: &tally, emit: emit)
            }
        }
    }

    private func check(
        _ rule: CompiledRule, _ activation: CELActivation, graph: WorkspaceGraph, watching: AnyObject, inputPath: String,
        tally: inout RunTally, emit: (Finding) -> Void
    ) {
        let outcome = RuleRunner.run(
            rule, activation,
            beforeCondition: { graph.trace.start(watching: watching) },
            afterCondition: { graph.trace.stop() })
        let fallback = (watching as? LocatedNode)?.objectSpan ?? graph.root.objectSpan
        report(rule, outcome, at: graph.trace.first ?? fallback, inputPath: inputPath, tally: &tally, emit: emit)
    }

    private func report(_ rule: CompiledRule, _ outcome: RuleOutcome, at span: SourceSpan, inputPath: String, tally: inout RunTally, emit: (Finding) -> Void) {
        let finding: Finding
        switch outcome {
        case .notApplicable, .passed: return
        case .excepted:
            tally.excepted += 1
            return
        case .fired(let message, let hint):
            finding = Finding(rule: rule.descriptor, message: message, hint: hint, inputPath: inputPath, location: span)
        case .failed(let message):
            finding = Finding(rule: rule.descriptor, kind: .evaluationError, message: "\(rule.fullID) \(message)", inputPath: inputPath, location: span)
        }
        tally.count(finding)
        emit(finding)
    }
}
