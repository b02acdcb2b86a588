import BylawPolicy
import BylawSource

/// One rule firing on one input (or failing to evaluate on it): the unit every report prints.
public struct Finding: Sendable {
    /// A violation of the rule, or an evaluation error inside it. An error is never read as
    /// "allowed": it is reported and counted like a finding, with its own code.
    public enum Kind: String, Sendable {
        case violation
        case evaluationError = "evaluation-error"
    }

    public let rule: RuleDescriptor
    public let kind: Kind
    /// The enforcement in force (the rule's; evaluation errors keep the rule's enforcement).
    public let enforcement: Enforcement
    public let message: String
    public let hint: String?
    /// The input the finding is about (a workspace file, a usage stream).
    public let inputPath: String
    /// The place in the input that decided: a field of the config, or nil for stream findings
    /// (which carry `event` instead).
    public let location: SourceSpan?
    /// For stream findings: the event's line number in the stream and its id.
    public let event: EventReference?
    /// What few findings carry (where an evaluation error failed, an explanation), behind one
    /// reference: a stream makes millions of findings, and every field is copied and destroyed
    /// with each.
    @usableFromInline let extras: FindingExtras?

    /// For evaluation errors: where in the policy evaluation failed.
    @inlinable public var policySpan: SourceSpan? { extras?.policySpan }

    /// Why the rule fired on the input, when the run was asked to explain its findings
    /// (`bylaw eval --explain`). Inlinable: every stream finding's writer asks.
    @inlinable public var explanation: RuleExplanation? { extras?.explanation }

    public init(
        rule: RuleDescriptor, kind: Kind = .violation, enforcement: Enforcement? = nil, message: String, hint: String? = nil,
        inputPath: String, location: SourceSpan? = nil, event: EventReference? = nil, explanation: RuleExplanation? = nil
    ) {
        self.rule = rule
        self.kind = kind
        self.enforcement = enforcement ?? rule.enforcement
        self.message = message
        self.hint = hint
        self.inputPath = inputPath
        self.location = location
        self.event = event
        self.extras = explanation.map { FindingExtras(policySpan: nil, explanation: $0) }
    }

    /// The evaluation-error finding of a rule that could not be evaluated on an input; its
    /// message names the rule, and ``policySpan`` the failing expression.
    public init(
        rule: RuleDescriptor, failure: EvaluationFailure, inputPath: String, location: SourceSpan? = nil, event: EventReference? = nil,
        explanation: RuleExplanation? = nil
    ) {
        self.rule = rule
        self.kind = .evaluationError
        self.enforcement = rule.enforcement
        self.message = "\(rule.fullID) \(failure.message)"
        self.hint = nil
        self.inputPath = inputPath
        self.location = location
        self.event = event
        self.extras = FindingExtras(policySpan: failure.policySpan, explanation: explanation)
    }
}

/// The rarely set parts of a ``Finding``.
@usableFromInline final class FindingExtras: Sendable {
    @usableFromInline let policySpan: SourceSpan?
    @usableFromInline let explanation: RuleExplanation?

    init(policySpan: SourceSpan?, explanation: RuleExplanation?) {
        self.policySpan = policySpan
        self.explanation = explanation
    }
}

/// Which event of a stream a finding is about.
public struct EventReference: Sendable, Hashable {
    /// 1-based line number in the stream.
    public let line: Int
    /// The event's `id`, when it has one.
    public let id: String?
    /// The event's `user` and `org`, when the evaluator was asked to record them
    /// (``StreamEvaluator/recordsActors``) and the event has them.
    public let user: String?
    /// See ``user``.
    public let org: String?

    /// A reference to the event on `line`; `user` and `org` only when recorded.
    public init(line: Int, id: String?, user: String? = nil, org: String? = nil) {
        self.line = line
        self.id = id
        self.user = user
        self.org = org
    }
}
