import BylawSource

// The `explain.*` codes: the rule `bylaw explain --rule` names.

extension DiagnosticCode {
    public static let explainUnknownRule = DiagnosticCode(
        "explain.unknown-rule", severity: .error,
        summary: "The rule to explain is not in the policy set",
        help: "`bylaw explain --rule` names a rule the policies do not have (`POLICY/RULE` or `RULE`), with a \"did you mean\"")

    public static let explainOtherInput = DiagnosticCode(
        "explain.other-input", severity: .error,
        summary: "The rule to explain runs on another kind of input",
        help: """
            `bylaw explain --rule` names a rule whose `on:` is not the input given: an `on: usage` rule needs \
            `--event`, an `on: workspace` rule `--workspace` alone, an `on: change` rule `--before` and `--after`
            """)
}

extension DiagnosticRegistry {
    /// `bylaw explain`.
    public static let explain = DiagnosticRegistry(prefix: "explain", codes: [.explainUnknownRule, .explainOtherInput])
}
