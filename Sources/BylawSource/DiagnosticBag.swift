/// Collects the diagnostics of a run: every error of every file, never only the first.
///
/// Printing sorts them by position and caps them (`limit`), saying how many were left out, so a
/// file with ten thousand errors neither floods a terminal nor hides that it has them.
public struct DiagnosticBag: Sendable {
    public private(set) var diagnostics: [Diagnostic] = []

    public init() {}

    /// A bag holding these diagnostics.
    public init(_ diagnostics: some Sequence<Diagnostic>) {
        self.diagnostics = Array(diagnostics)
    }

    public mutating func append(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    public mutating func append(contentsOf more: some Sequence<Diagnostic>) { diagnostics.append(contentsOf: more) }

    public var errorCount: Int { diagnostics.count { $0.severity == .error } }
    public var warningCount: Int { diagnostics.count { $0.severity == .warning } }
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    public var isEmpty: Bool { diagnostics.isEmpty }

    /// Sorted for display, at most `limit` of them, and how many were cut.
    public func sorted(limit: Int? = nil) -> (shown: [Diagnostic], omitted: Int) {
        let all = Diagnostic.sortedForDisplay(diagnostics)
        guard let limit, all.count > limit else { return (all, 0) }
        return (Array(all.prefix(limit)), all.count - limit)
    }
}
