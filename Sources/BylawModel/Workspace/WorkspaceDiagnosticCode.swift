/// The stable codes of workspace load errors (documented in `docs/workspace.md`).
public enum WorkspaceDiagnosticCode {
    /// A key the format does not know (with "did you mean").
    public static let unknownKey = "workspace.unknown-key"
    /// A required key is not written.
    public static let missingField = "workspace.missing-field"
    /// A value of the wrong YAML type (a sequence where a string is expected, …).
    public static let wrongType = "workspace.wrong-type"
    /// A value of the right type that is not allowed (an empty id, a negative quantity, a bad date).
    public static let invalidValue = "workspace.invalid-value"
    /// An enum value outside its set (with "did you mean").
    public static let unknownEnum = "workspace.unknown-enum"
    /// Two objects of one kind with the same id (a note points at the first).
    public static let duplicateID = "workspace.duplicate-id"
    /// A reference to an id no object of that kind has (with "did you mean").
    public static let unknownReference = "workspace.unknown-reference"
    /// Orgs whose parents form a cycle (the message names it).
    public static let orgCycle = "workspace.org-cycle"
    /// The file holds no document, or more than one.
    public static let documentCount = "workspace.document-count"
}
