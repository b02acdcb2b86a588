/// A stable diagnostic code (`yaml.duplicate-key`, `policy.unknown-key`) with what users read
/// about it.
///
/// Each code is declared once, as a static property in its stage's registry
/// (`DiagnosticCode+Input.swift` here, `DiagnosticCode+YAML.swift` in BylawYAML, …); use sites
/// name that property (`Diagnostic(code: .inputUnreadable, …)`) and compare with it
/// (`diagnostic.code == .inputUnreadable`). The id is the SARIF rule id and the anchor of the
/// code's explanation in `docs/diagnostics.md`, which is generated from the registries.
///
/// Two codes are equal when their ids are: the texts describe the id and travel with it, so a
/// report can explain a code without looking it up. The texts are static strings, so a code
/// costs a diagnostic no more to copy than an id alone (malformed stream lines make many).
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The stable id, `STAGE.NAME`.
    public let id: String
    /// The severity the code is reported with, or `nil` when the use decides (an error in one
    /// place, a warning in another). `Diagnostic(code:)` takes it when given no severity.
    public let severity: Severity?
    /// One line saying what is wrong, without the particulars (SARIF's `shortDescription`);
    /// empty for an unregistered code.
    public let summary: StaticString
    /// The explanation users read: when the code is reported and what it covers (the meaning
    /// column of `docs/diagnostics.md`, SARIF's `fullDescription` and `help`).
    public let help: StaticString

    /// Declares a code; only registries do this.
    public init(_ id: String, severity: Severity?, summary: StaticString, help: StaticString) {
        self.id = id
        self.severity = severity
        self.summary = summary
        self.help = help
    }

    /// A label in the place of a code that no registry declares: a policy rule's id when a
    /// finding is printed like a diagnostic, or an embedder's own code. It has no texts.
    public init(unregistered id: String) {
        self.init(id, severity: nil, summary: "", help: "")
    }

    /// The id.
    public var description: String { id }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id == rhs.id }

    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// Orders by id, the tie-break of display order.
    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.id < rhs.id }
}
