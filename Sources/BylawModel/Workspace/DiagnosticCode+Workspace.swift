import BylawSource

// The `workspace.*` codes: workspace configs that cannot be loaded (docs/workspace.md).

extension DiagnosticCode {
    public static let workspaceUnknownKey = DiagnosticCode(
        "workspace.unknown-key", severity: .error,
        summary: "A key the workspace config format does not have",
        help: "a key the config format does not have, with a \"did you mean\"")

    public static let workspaceMissingField = DiagnosticCode(
        "workspace.missing-field", severity: .error,
        summary: "A required key is missing",
        help: "a required key is missing")

    public static let workspaceWrongType = DiagnosticCode(
        "workspace.wrong-type", severity: .error,
        summary: "A value of the wrong kind",
        help: "a value of the wrong kind")

    public static let workspaceInvalidValue = DiagnosticCode(
        "workspace.invalid-value", severity: .error,
        summary: "A value out of range",
        help: "a value out of range (a date that is not a date, …)")

    public static let workspaceUnknownEnum = DiagnosticCode(
        "workspace.unknown-enum", severity: .error,
        summary: "A value outside its set",
        help: "`mode`, `status`, `custody`, `kind` or a classification outside its set, with a \"did you mean\"")

    public static let workspaceDuplicateID = DiagnosticCode(
        "workspace.duplicate-id", severity: .error,
        summary: "An id used twice among objects of one kind",
        help: "an id used twice among objects of one kind; note at the first")

    public static let workspaceUnknownReference = DiagnosticCode(
        "workspace.unknown-reference", severity: .error,
        summary: "A reference to an object that does not exist",
        help: "a reference to an account, org, user or provider that does not exist, with a \"did you mean\"")

    public static let workspaceOrgCycle = DiagnosticCode(
        "workspace.org-cycle", severity: .error,
        summary: "The org tree has a cycle",
        help: "the org tree has a cycle; the message names it, notes point at each `parent:`")

    public static let workspaceDocumentCount = DiagnosticCode(
        "workspace.document-count", severity: .error,
        summary: "A workspace file holds no document or several",
        help: "a workspace file must hold exactly one YAML document")
}

extension DiagnosticRegistry {
    /// Workspace configs.
    public static let workspace = DiagnosticRegistry(prefix: "workspace", codes: [
        .workspaceUnknownKey, .workspaceMissingField, .workspaceWrongType, .workspaceInvalidValue, .workspaceUnknownEnum,
        .workspaceDuplicateID, .workspaceUnknownReference, .workspaceOrgCycle, .workspaceDocumentCount,
    ])
}
