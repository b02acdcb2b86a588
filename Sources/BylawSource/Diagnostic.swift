/// How serious a diagnostic is.
public enum Severity: String, Sendable, Comparable, CaseIterable, Codable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// A secondary message attached to a diagnostic, usually pointing at a related place
/// ("first defined here").
public struct DiagnosticNote: Sendable, Hashable {
    public let message: String
    public let span: SourceSpan?

    public init(_ message: String, at span: SourceSpan? = nil) {
        self.message = message
        self.span = span
    }
}

/// A problem found in some input, as a value.
///
/// Parsers, checkers and loaders return these; text, JSON and SARIF are printers at the edge.
/// `code` is stable (`yaml.duplicate-key`, `cel.undefined-field`), declared once in its stage's
/// registry (``DiagnosticCode``): it is the SARIF rule id and the anchor of the explanation in
/// `docs/diagnostics.md`.
public struct Diagnostic: Sendable, Hashable, Error {
    public let code: DiagnosticCode
    public let severity: Severity
    public let message: String
    /// Where the problem is; `nil` for problems with no position (an unreadable file has its path in `file`).
    public let span: SourceSpan?
    /// The file concerned when there is no span (e.g. a file that could not be read).
    public let path: String?
    public let notes: [DiagnosticNote]
    public let hint: String?

    /// A diagnostic of `code`; `severity` defaults to the code's own, else `error`.
    public init(
        code: DiagnosticCode,
        severity: Severity? = nil,
        message: String,
        span: SourceSpan? = nil,
        path: String? = nil,
        notes: [DiagnosticNote] = [],
        hint: String? = nil
    ) {
        self.code = code
        self.severity = severity ?? code.severity ?? .error
        self.message = message
        self.span = span
        self.path = path ?? span?.file.path
        self.notes = notes
        self.hint = hint
    }

    /// Convenience for the common case of a range in a known file.
    public static func error(
        _ code: DiagnosticCode, _ message: String, in file: SourceFile, at range: SourceRange,
        notes: [DiagnosticNote] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(code: code, severity: .error, message: message, span: SourceSpan(file: file, range: range), notes: notes, hint: hint)
    }

    /// Convenience for a warning in a known file.
    public static func warning(
        _ code: DiagnosticCode, _ message: String, in file: SourceFile, at range: SourceRange,
        notes: [DiagnosticNote] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(code: code, severity: .warning, message: message, span: SourceSpan(file: file, range: range), notes: notes, hint: hint)
    }

    /// The same diagnostic with another severity (used by `--strict` and tests).
    public func with(severity: Severity) -> Diagnostic {
        Diagnostic(code: code, severity: severity, message: message, span: span, path: path, notes: notes, hint: hint)
    }

    /// Start position, if the diagnostic has a span.
    public var location: SourceLocation? { span?.start }
}

extension Diagnostic {
    /// Orders by file path, then position, then code: the order diagnostics are printed in.
    public static func sortedForDisplay(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let (a, b) = (lhs.element, rhs.element)
            let pathA = a.path ?? "", pathB = b.path ?? ""
            if pathA != pathB { return pathA < pathB }
            let offA = a.span?.range.start ?? -1, offB = b.span?.range.start ?? -1
            if offA != offB { return offA < offB }
            if a.code != b.code { return a.code < b.code }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
