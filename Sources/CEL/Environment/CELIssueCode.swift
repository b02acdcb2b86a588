/// The stable code of a ``CELIssue`` (`cel.syntax`, `cel.undefined-field`) with what users read
/// about it. Every code is declared once, below; ``all`` lists them in the order they are
/// documented. Two codes are equal when their ids are; the texts are static strings.
public struct CELIssueCode: Sendable, Hashable, CustomStringConvertible {
    /// The stable id, `cel.NAME`.
    public let id: String
    /// One line saying what is wrong, without the particulars.
    public let summary: StaticString
    /// The explanation users read: when the code is reported and what it covers.
    public let help: StaticString

    private init(_ id: String, summary: StaticString, help: StaticString) {
        self.id = id
        self.summary = summary
        self.help = help
    }

    /// The id.
    public var description: String { id }

    public static func == (lhs: CELIssueCode, rhs: CELIssueCode) -> Bool { lhs.id == rhs.id }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    public static let syntax = CELIssueCode(
        "cel.syntax",
        summary: "The expression does not parse",
        help: "the expression does not parse; several errors are reported where the parser recovers")

    public static let undeclaredReference = CELIssueCode(
        "cel.undeclared-reference",
        summary: "An unknown variable, list, macro or function",
        help: "an unknown variable, list, macro or function, with a \"did you mean\"")

    public static let undefinedField = CELIssueCode(
        "cel.undefined-field",
        summary: "A field the type does not have",
        help: "a field the type does not have (`event.artifact.clasification`), at the field, with a \"did you mean\"")

    public static let noMatchingOverload = CELIssueCode(
        "cel.no-matching-overload",
        summary: "A function or operator applied to types it does not take",
        help: "a function or operator applied to types it does not take (`workspace.billing.mode == 3`)")

    public static let typeMismatch = CELIssueCode(
        "cel.type-mismatch",
        summary: "A type that cannot be used here",
        help: "a type that cannot be used here")

    public static let limit = CELIssueCode(
        "cel.limit",
        summary: "The expression is past the nesting, height or length limits",
        help: "an expression past the nesting, height or length limits")

    public static let invalidRegex = CELIssueCode(
        "cel.invalid-regex",
        summary: "A regular expression literal is not valid RE2",
        help: """
            a `matches` pattern written as a string literal is not valid RE2 (`'(((('`), at the pattern; \
            it would fail every evaluation
            """)

    /// Every code, in the order they are documented.
    public static let all: [CELIssueCode] = [
        syntax, undeclaredReference, undefinedField, noMatchingOverload, typeMismatch, limit, invalidRegex,
    ]
}
