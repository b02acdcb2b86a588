import BylawSource

// The `test.*` codes: the outcome of `bylaw test`.

extension DiagnosticCode {
    public static let testFailed = DiagnosticCode(
        "test.failed", severity: .error,
        summary: "A policy test failed",
        help: "the rules that fired differ from `expect`")

    public static let testUncoveredRule = DiagnosticCode(
        "test.uncovered-rule", severity: .warning,
        summary: "A rule no test expects to fire",
        help: "a rule no test expects to fire (an error with `--strict`)")

    public static let testUnexercisedBranch = DiagnosticCode(
        "test.unexercised-branch", severity: .warning,
        summary: "A branch of an `all:` or `any:` no test shows the rule depends on",
        help: """
            a branch of an `all:` that no test makes the only false one, or of an `any:` that no test makes \
            the only true one, in a rule some test expects to fire (an error with `--strict`)
            """)

    public static let testUnexercisedException = DiagnosticCode(
        "test.unexercised-exception", severity: .warning,
        summary: "An exception no test's input is covered by",
        help: "an exception in force that covers no test's input, in a rule some test expects to fire (an error with `--strict`)")
}

extension DiagnosticRegistry {
    /// Policy tests.
    public static let test = DiagnosticRegistry(
        prefix: "test", codes: [.testFailed, .testUncoveredRule, .testUnexercisedBranch, .testUnexercisedException])
}
