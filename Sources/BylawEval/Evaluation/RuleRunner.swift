import BylawPolicy
import BylawSource
import CEL

/// What one rule made of one input (one event, one element of a `for:`).
public enum RuleOutcome: Sendable {
    /// `where` did not hold.
    case notApplicable
    /// The rule held.
    case passed
    /// The rule fired but an exception in force covers this input.
    case excepted
    /// The rule fired.
    case fired(message: String, hint: String?)
    /// An expression of the rule failed (selecting a field of `null`, a non-bool condition…):
    /// never read as "allowed", reported like a finding with its own kind.
    case failed(EvaluationFailure)
}

/// Runs one compiled rule on one activation: `where`, the condition, exceptions, the message.
public enum RuleRunner {
    /// `activation` holds the rule's variables (its slots in ``CompiledRule/slots``).
    public static func run(_ rule: CompiledRule, _ activation: CELActivation, beforeCondition: () -> Void = {}, afterCondition: () -> Void = {}) -> RuleOutcome {
        switch decide(rule, activation, beforeCondition: beforeCondition, afterCondition: afterCondition) {
        case .notApplicable: return .notApplicable
        case .passed: return .passed
        case .excepted: return .excepted
        case .failed(let failed): return .failed(failed.failure)
        case .fired:
            let message = rule.message?.render(activation) ?? rule.descriptor.title
            return .fired(message: message, hint: rule.hint?.render(activation))
        }
    }

    /// What ``run(_:_:beforeCondition:afterCondition:)`` decides, without writing the message:
    /// the stream evaluator caches decisions and prints a fired rule's message itself, from the
    /// event's bytes, so rendering it here would be thrown away.
    static func decide(_ rule: CompiledRule, _ activation: CELActivation, beforeCondition: () -> Void = {}, afterCondition: () -> Void = {}) -> StreamDecision {
        if let whereCondition = rule.whereCondition {
            switch truth(whereCondition, activation) {
            case .success(false): return .notApplicable
            case .success(true): break
            case .failure(let failure): return .failed(FailedDecision(failure.prefixed("'where' ")))
            }
        }
        beforeCondition()
        let verdict = truth(rule.condition, activation)
        afterCondition()
        let fires: Bool
        switch verdict {
        case .success(let value): fires = rule.mode == .forbid ? value : !value
        case .failure(let failure): return .failed(FailedDecision(failure.prefixed("'\(rule.mode.rawValue)' ")))
        }
        guard fires else { return .passed }
        for exception in rule.exceptions {
            guard let condition = exception.whereCondition else { return .excepted }
            // An exception whose condition fails to evaluate does not apply: the finding stands.
            if case .success(true) = truth(condition, activation) { return .excepted }
        }
        return .fired
    }

    enum Truth {
        case success(Bool)
        case failure(EvaluationFailure)
    }

    /// A condition's value as a Bool, or why it has none (with the place in the policy).
    static func truth(_ expression: CompiledExpression, _ activation: CELActivation) -> Truth {
        switch expression.program.evaluate(activation) {
        case .bool(let value):
            return .success(value)
        case .error(let error):
            let span = expression.sourceSpan(of: error.range)
            return .failure(EvaluationFailure(message: "could not be evaluated: \(error.message) (\(place(span)))", policySpan: span))
        case let other:
            return .failure(EvaluationFailure(message: "is not a bool but \(other.celType) (\(place(expression.span)))", policySpan: expression.span))
        }
    }

    static func place(_ span: SourceSpan) -> String {
        let location = span.start
        return "\(span.file.path):\(location.line):\(location.column)"
    }
}
