import BylawPolicy
import BylawSource

/// Why one rule fired or did not on one input (one event, one workspace, one change, one
/// element of a `for:`): each part of the rule as written, with the value it had, the values it
/// read and the macros it used, each exception and whether it applied, and the outcome with the
/// enforcement that results. `bylaw explain` prints it; `bylaw eval --explain` attaches it to
/// each finding; a failing `bylaw test` prints it for the rule that did not do what was expected.
///
/// A class, so that a finding carrying one (``Finding/explanation``) stays one reference larger.
public final class RuleExplanation: Sendable {
    public let rule: RuleDescriptor
    public let mode: RuleMode
    /// The `for:` element the rule was checked on, when it has one.
    public let element: ExplainedBinding?
    /// `where:`, when the rule has one.
    public let whereCondition: ExplainedCondition?
    /// `forbid:`/`require:`; nil when it was not evaluated (`where` did not hold or failed).
    public let condition: ExplainedCondition?
    /// Every exception to the rule (expired ones too), in the order written.
    public let exceptions: [ExplainedException]
    /// What the rule made of the input: exactly what evaluation decides.
    public let outcome: RuleOutcome
    /// Where in the input the finding points (the field of a config that decided), if anywhere.
    public let location: SourceSpan?

    public init(
        rule: RuleDescriptor, mode: RuleMode, element: ExplainedBinding?, whereCondition: ExplainedCondition?, condition: ExplainedCondition?,
        exceptions: [ExplainedException], outcome: RuleOutcome, location: SourceSpan?
    ) {
        self.rule = rule
        self.mode = mode
        self.element = element
        self.whereCondition = whereCondition
        self.condition = condition
        self.exceptions = exceptions
        self.outcome = outcome
        self.location = location
    }

    /// The enforcement that results: the rule's, when it fired or could not be evaluated.
    public var enforcement: Enforcement? {
        switch outcome {
        case .fired, .failed: return rule.enforcement
        case .notApplicable, .passed, .excepted: return nil
        }
    }
}

/// The `for:` variable and the element it was bound to.
public struct ExplainedBinding: Sendable {
    public let name: String
    public let value: ExplainedValue

    public init(name: String, value: ExplainedValue) {
        self.name = name
        self.value = value
    }
}

/// A part of a condition as evaluated: an `all`/`any`/`not`, a leaf, a macro.
public struct ExplainedCondition: Sendable {
    public let kind: ConditionOutline.Kind
    /// As written (a leaf's expression, a macro's name, `all`, `any`, `not`).
    public let text: String
    public let span: SourceSpan
    public let value: ExplainedValue
    /// The values a leaf read, in the order written.
    public let reads: [ExplainedRead]
    /// Branches, a macro's expansion, the macros a leaf used.
    public let children: [ExplainedCondition]
    /// Parts left out at the explanation's limit.
    public let omitted: Int

    public init(
        kind: ConditionOutline.Kind, text: String, span: SourceSpan, value: ExplainedValue, reads: [ExplainedRead], children: [ExplainedCondition],
        omitted: Int
    ) {
        self.kind = kind
        self.text = text
        self.span = span
        self.value = value
        self.reads = reads
        self.children = children
        self.omitted = omitted
    }
}

/// One value a leaf read (`event.artifact.classification = "client"`).
public struct ExplainedRead: Sendable {
    public let text: String
    public let value: ExplainedValue

    public init(text: String, value: ExplainedValue) {
        self.text = text
        self.value = value
    }
}

/// An exception to a rule, and whether it applied to the input.
public struct ExplainedException: Sendable {
    /// Whether it applied, and if not, why.
    public enum Status: Sendable, Hashable {
        /// It covers the input: the rule's finding is excepted.
        case applied
        /// Its `where` does not hold for the input.
        case notMatching
        /// Its `where` could not be evaluated (the finding stands).
        case failed
        /// It expired on the compile date and no longer applies.
        case expired
        /// It was not needed: the rule did not fire, or an earlier exception applied.
        case notConsidered
    }

    public let declaration: ExceptionDecl
    /// The file that declares it.
    public let file: SourceFile
    public let status: Status
    /// Its `where`, when it has one and it was evaluated.
    public let whereCondition: ExplainedCondition?

    public init(declaration: ExceptionDecl, file: SourceFile, status: Status, whereCondition: ExplainedCondition?) {
        self.declaration = declaration
        self.file = file
        self.status = status
        self.whereCondition = whereCondition
    }

    /// Where the exception is written.
    public var span: SourceSpan { SourceSpan(file: file, range: declaration.range) }
}
