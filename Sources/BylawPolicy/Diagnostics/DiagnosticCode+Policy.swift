import BylawSource

// The `policy.*` codes: policy documents, their tests and the compiler (docs/policy-language.md).

extension DiagnosticCode {
    public static let policyNoPolicies = DiagnosticCode(
        "policy.no-policies", severity: .error,
        summary: "No policy files where policies were expected",
        help: """
            no `.yaml`/`.yml` file where policies were expected, or no `Policies/` folder when a command is given \
            no policies; the hint says how that command takes them (arguments, or `--policies`)
            """)

    public static let policyUnknownKey = DiagnosticCode(
        "policy.unknown-key", severity: .error,
        summary: "A key the policy language does not have",
        help: "a key the policy language does not have, with a \"did you mean\"")

    public static let policyWrongType = DiagnosticCode(
        "policy.wrong-type", severity: .error,
        summary: "A value of the wrong kind",
        help: "a value of the wrong kind (a list where a mapping goes, a plain list as a condition, …)")

    public static let policyMissingField = DiagnosticCode(
        "policy.missing-field", severity: .error,
        summary: "A required key is missing",
        help: "a required key is missing (`policy`, a rule's `id` or `on`, a test's `name` or `expect`)")

    public static let policyInvalidID = DiagnosticCode(
        "policy.invalid-id", severity: .error,
        summary: "An id or name that is not an identifier",
        help: "an id or name that is not an identifier (lists and macros are used as names in CEL)")

    public static let policyUnknownValue = DiagnosticCode(
        "policy.unknown-value", severity: .error,
        summary: "An enumerated value out of its set",
        help: "an enumerated value out of its set (`on: usages`, `enforcement: blok`), with a \"did you mean\"")

    public static let policyForbidAndRequire = DiagnosticCode(
        "policy.forbid-and-require", severity: .error,
        summary: "A rule with both 'forbid' and 'require'",
        help: "a rule with both `forbid` and `require`: at the second, with a note at the first")

    public static let policyMissingCondition = DiagnosticCode(
        "policy.missing-condition", severity: .error,
        summary: "A rule without a condition, or an empty condition",
        help: "a rule with neither `forbid` nor `require`, or an empty condition")

    public static let policyInvalidCondition = DiagnosticCode(
        "policy.invalid-condition", severity: .error,
        summary: "A condition mapping that is not 'all:', 'any:' or 'not:'",
        help: "a mapping that is not `all:`, `any:` or `not:` (with a \"did you mean\"), or an empty `all:`/`any:`")

    public static let policyTooDeep = DiagnosticCode(
        "policy.too-deep", severity: .error,
        summary: "Conditions nested too deep",
        help: "conditions nested more than 64 levels")

    public static let policyYAMLTag = DiagnosticCode(
        "policy.yaml-tag", severity: .error,
        summary: "An unquoted condition starting with '!' is read as a YAML tag",
        help: """
            a condition written `!has(…)` unquoted: YAML reads a leading `!` as a tag, not as text; \
            quote the expression
            """)

    public static let policyIndentation = DiagnosticCode(
        "policy.indentation", severity: .error,
        summary: "A condition indented so that YAML reads it as something else",
        help: """
            `all:`, `any:` or `not:` indented in line with an empty `forbid:`, `require:` or `where:` instead of \
            under it (the rest of the rule is still checked as if it were indented); or a list item of a \
            condition indented further than the item above, which YAML reads as more text of that item
            """)

    public static let policyInvalidFor = DiagnosticCode(
        "policy.invalid-for", severity: .error,
        summary: "A 'for:' that is not 'NAME in COLLECTION' over a list or a map",
        help: "`for:` not written `NAME in COLLECTION`, or a collection that is not a list or a map")

    public static let policyInvalidBudget = DiagnosticCode(
        "policy.invalid-budget", severity: .error,
        summary: "A budget value that is not valid",
        help: """
            a `budget:` value that does not parse, is not positive, or is over its ceiling \
            ([policy-language.md](policy-language.md#budget))
            """)

    public static let policyInvalidDate = DiagnosticCode(
        "policy.invalid-date", severity: .error,
        summary: "An 'expires:' that is not a date",
        help: "`expires:` not a `YYYY-MM-DD` date")

    public static let policyInvalidExpect = DiagnosticCode(
        "policy.invalid-expect", severity: .error,
        summary: "An 'expect:' that is neither 'allow' nor a list of rule ids",
        help: "`expect:` neither `allow` nor a list of rule ids")

    public static let policyInvalidTest = DiagnosticCode(
        "policy.invalid-test", severity: .error,
        summary: "A test with only one of 'before' and 'after'",
        help: "a test with only one of `before`/`after`")

    public static let policyInvalidTestEvent = DiagnosticCode(
        "policy.invalid-test-event", severity: .error,
        summary: "A test's event is not a valid usage event",
        help: "a value in a test's `event` that usage events do not accept (a `time` that is not RFC 3339, a number out of range), at the value")

    public static let policyTestEventUnknownKey = DiagnosticCode(
        "policy.test-event-unknown-key", severity: .error,
        summary: "A test's event has a key usage events do not have",
        help: """
            a key in a test's `event` (or in one of its parts, such as `artifact`) that usage events do not have, \
            with a "did you mean": a misspelt key would leave the test testing nothing
            """)

    public static let policyTestEventWrongType = DiagnosticCode(
        "policy.test-event-wrong-type", severity: .error,
        summary: "A value of the wrong kind in a test's event",
        help: "a value in a test's `event` of the wrong kind for its key (a number where text goes, text where a part such as `tokens` goes, …)")

    public static let policyInvalidTestInput = DiagnosticCode(
        "policy.invalid-test-input", severity: .error,
        summary: "A test's workspace path cannot be used",
        help: """
            a test's workspace path is absolute, leads outside the policy's folder and the working directory \
            (symbolic links resolved), cannot be read, or names a file that is not a workspace config
            """)

    public static let policyDuplicateID = DiagnosticCode(
        "policy.duplicate-id", severity: .error,
        summary: "An id or name declared twice",
        help: """
            a policy id, a rule id (unique across the whole set), a list or a macro declared twice; \
            note at the first
            """)

    public static let policyNameClash = DiagnosticCode(
        "policy.name-clash", severity: .error,
        summary: "Two kinds of names share one name",
        help: "a list, a macro, a `for:` name or a variable sharing one name")

    public static let policyMacroCycle = DiagnosticCode(
        "policy.macro-cycle", severity: .error,
        summary: "Macros that use each other in a cycle",
        help: "macros that use each other in a cycle; the message spells the cycle")

    public static let policyNotACondition = DiagnosticCode(
        "policy.not-a-condition", severity: .error,
        summary: "A condition whose type is not bool",
        help: "a condition whose type is not `bool`")

    public static let policyInvalidTemplate = DiagnosticCode(
        "policy.invalid-template", severity: .error,
        summary: "A message or hint template that does not parse",
        help: """
            a `message`/`hint` with an unclosed `{`, a lone `}`, an empty `{}`, or braces around text that is not \
            an expression (`{region: eu}`): `{…}` is a placeholder, `{{` and `}}` are literal braces
            """)

    public static let policyUnknownRule = DiagnosticCode(
        "policy.unknown-rule", severity: nil,
        summary: "A test or an exception names a rule its policy does not have",
        help: """
            a test expecting a rule its policy does not have (error); an exception naming no rule \
            (warning: it has no effect)
            """)

    public static let policyForeignException = DiagnosticCode(
        "policy.foreign-exception", severity: .error,
        summary: "An exception names a rule of another policy",
        help: "an exception naming a rule of another policy")

    public static let policyExpiredException = DiagnosticCode(
        "policy.expired-exception", severity: .warning,
        summary: "An exception past its expiry date",
        help: "an exception past its `expires:` date: it no longer applies")

    public static let policyExceptionWithoutReason = DiagnosticCode(
        "policy.exception-without-reason", severity: .warning,
        summary: "An exception with no reason",
        help: "an exception with no `reason:`")

    public static let policyUnusedList = DiagnosticCode(
        "policy.unused-list", severity: .warning,
        summary: "A list no rule uses",
        help: "a list no rule uses")

    public static let policyUnusedMacro = DiagnosticCode(
        "policy.unused-macro", severity: .warning,
        summary: "A macro no rule uses",
        help: "a macro no rule uses (directly or through another macro)")

    public static let policyWhereNeverHolds = DiagnosticCode(
        "policy.where-never-holds", severity: .warning,
        summary: "A 'where' that is always false",
        help: "a `where` that is always false: the rule can never apply")

    public static let policyNeverFires = DiagnosticCode(
        "policy.never-fires", severity: .warning,
        summary: "A rule that can never fire",
        help: "a `forbid` that is always false or a `require` that is always true")

    public static let policyNoSuchValue = DiagnosticCode(
        "policy.no-such-value", severity: .warning,
        summary: "A literal compared with a field is none of the field's values",
        help: """
            a text compared (`==`, `!=`, `in`) with a field whose values are known (a data classification, a scope, an \
            event kind, a billing mode, …) that is none of them, so the comparison never holds (or always does), with a \
            "did you mean"; also a value of such a key in a test's `event`. Event kinds and scopes may take other \
            values, so for them only a near miss of a known value is reported
            """)

    public static let policyNoSuchID = DiagnosticCode(
        "policy.no-such-id", severity: .warning,
        summary: "A literal compared with an id names no object of the workspace",
        help: """
            a text compared with an id (`event.org == "legl"`, `workspace.user("bobb")`) that no object of the \
            workspaces at hand has: those given to `bylaw check --workspace`, those of the policy's tests for \
            `bylaw test`, those `bylaw lint` reads (for its workspace rules); with a "did you mean"
            """)
}

extension DiagnosticRegistry {
    /// Policy documents, their tests and the compiler.
    public static let policy = DiagnosticRegistry(prefix: "policy", codes: [
        .policyNoPolicies, .policyUnknownKey, .policyWrongType, .policyMissingField, .policyInvalidID,
        .policyUnknownValue, .policyForbidAndRequire, .policyMissingCondition, .policyInvalidCondition, .policyTooDeep,
        .policyYAMLTag, .policyIndentation, .policyInvalidFor, .policyInvalidBudget, .policyInvalidDate, .policyInvalidExpect,
        .policyInvalidTest, .policyInvalidTestEvent, .policyTestEventUnknownKey, .policyTestEventWrongType, .policyInvalidTestInput,
        .policyDuplicateID, .policyNameClash, .policyMacroCycle, .policyNotACondition, .policyInvalidTemplate, .policyUnknownRule,
        .policyForeignException, .policyExpiredException, .policyExceptionWithoutReason, .policyUnusedList, .policyUnusedMacro,
        .policyWhereNeverHolds, .policyNeverFires, .policyNoSuchValue, .policyNoSuchID,
    ])
}
