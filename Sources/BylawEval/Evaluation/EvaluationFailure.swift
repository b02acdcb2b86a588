import BylawSource

/// Why a rule could not be evaluated on an input, as a value: what went wrong, and where in the
/// policy (the expression, or the part of it, that failed). Reports place it there, beside the
/// input it happened on: the fix is in the policy or in the input, and the reader needs both.
public struct EvaluationFailure: Sendable, Hashable {
    /// What failed, naming the rule's part and the policy position
    /// (`'forbid' could not be evaluated: no such key: 'x' (Policies/p.yaml:12:13)`).
    public let message: String
    /// The policy expression (or the node inside it) that failed.
    public let policySpan: SourceSpan

    public init(message: String, policySpan: SourceSpan) {
        self.message = message
        self.policySpan = policySpan
    }

    /// The same failure with its message prefixed (`'where' `, the rule's id).
    func prefixed(_ prefix: String) -> EvaluationFailure {
        EvaluationFailure(message: prefix + message, policySpan: policySpan)
    }
}
