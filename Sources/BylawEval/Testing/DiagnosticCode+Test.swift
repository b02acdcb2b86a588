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
}

extension DiagnosticRegistry {
    /// Policy tests.
    public static let test = DiagnosticRegistry(prefix: "test", codes: [.testFailed, .testUncoveredRule])
}
