/// The codes of one prefix (`input`, `yaml`, `policy`, …), declared by the stage that reports
/// them, in the order they are documented.
///
/// Each stage adds its registries as static properties (`DiagnosticRegistry.input` here,
/// `.yaml` in BylawYAML, …); BylawReport's catalogue gathers them all for SARIF and for
/// `docs/diagnostics.md`.
public struct DiagnosticRegistry: Sendable {
    /// The part of every id before the dot.
    public let prefix: String
    /// The codes, in the order they are documented.
    public let codes: [DiagnosticCode]

    public init(prefix: String, codes: [DiagnosticCode]) {
        self.prefix = prefix
        self.codes = codes
    }
}
