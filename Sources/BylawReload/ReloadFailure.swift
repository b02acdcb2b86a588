import BylawSource

/// Why a reload (or the first load) did not give a revision to run.
public struct ReloadFailure: Sendable, Error {
    public let at: WallTime
    /// What set the reload off: `startup`, `watch`, `signal`, `request`, `date`.
    public let trigger: String
    public let message: String
    /// The errors, sorted for display and capped.
    public let diagnostics: [Diagnostic]

    public init(at: WallTime, trigger: String, message: String, diagnostics: [Diagnostic]) {
        self.at = at
        self.trigger = trigger
        self.message = message
        self.diagnostics = diagnostics
    }
}
