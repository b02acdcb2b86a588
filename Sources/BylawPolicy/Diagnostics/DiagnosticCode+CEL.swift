import BylawSource
import CEL

// The `cel.*` codes. CEL, a library of its own, declares the codes of its issues as
// ``CELIssueCode``; they become diagnostic codes here, ids and texts unchanged. The two codes
// after them are Bylaw's: the compiler works out conditions that read no variable, and
// `bylaw expr` evaluates an expression, both reporting what CEL returned as a value.

extension DiagnosticCode {
    /// A CEL issue's code, with its id and texts; CEL's issues are errors.
    public init(_ code: CELIssueCode) {
        self.init(code.id, severity: .error, summary: code.summary, help: code.help)
    }

    public static let celSyntax = DiagnosticCode(CELIssueCode.syntax)
    public static let celUndeclaredReference = DiagnosticCode(CELIssueCode.undeclaredReference)
    public static let celUndefinedField = DiagnosticCode(CELIssueCode.undefinedField)
    public static let celNoMatchingOverload = DiagnosticCode(CELIssueCode.noMatchingOverload)
    public static let celTypeMismatch = DiagnosticCode(CELIssueCode.typeMismatch)
    public static let celLimit = DiagnosticCode(CELIssueCode.limit)
    public static let celInvalidRegex = DiagnosticCode(CELIssueCode.invalidRegex)

    public static let celBudgetExceeded = DiagnosticCode(
        "cel.budget-exceeded", severity: .error,
        summary: "A condition that reads no variable goes past the compile-time budget",
        help: """
            a condition that reads no variable goes past the compile-time evaluation budget while the compiler \
            works out its value (a string or list bomb); at the part that crossed it
            """)

    public static let celEvaluationError = DiagnosticCode(
        "cel.evaluation-error", severity: .error,
        summary: "An expression evaluates to an error",
        help: """
            `bylaw expr`: the expression evaluated to an error (selecting a field of `null`, division by zero, …); \
            `bylaw check`: a condition that reads no variable always evaluates to an error \
            (`9223372036854775807 + 1 > 0`), so the rule could never be decided
            """)
}

extension DiagnosticRegistry {
    /// CEL expressions: every code of CEL's issues, then Bylaw's two evaluation codes.
    public static let cel = DiagnosticRegistry(
        prefix: "cel", codes: CELIssueCode.all.map(DiagnosticCode.init) + [.celBudgetExceeded, .celEvaluationError])
}
