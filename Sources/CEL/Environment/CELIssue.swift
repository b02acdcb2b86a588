/// A problem found while parsing or checking an expression.
public struct CELIssue: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// Stable code: `cel.syntax`, `cel.undeclared-reference`, `cel.no-matching-overload`,
    /// `cel.undefined-field`, `cel.type-mismatch`, `cel.limit`.
    public var code: String
    public var severity: Severity
    public var message: String
    /// UTF-8 byte offsets in the expression text.
    public var range: CELRange
    /// A suggestion such as "did you mean 'name'?".
    public var hint: String?

    public init(code: String, severity: Severity = .error, message: String, range: CELRange, hint: String? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.hint = hint
    }

    public var description: String {
        "\(range.start): \(code): \(message)" + (hint.map { " (\($0))" } ?? "")
    }
}

/// The issues of one expression, sorted by position.
public struct CELIssues: Error, Sendable, CustomStringConvertible {
    public var issues: [CELIssue]

    public init(_ issues: [CELIssue]) {
        self.issues = issues.sorted { ($0.range.start, $0.range.end) < ($1.range.start, $1.range.end) }
    }

    public var description: String { issues.map(\.description).joined(separator: "\n") }
}

/// Issue codes, also the anchors of docs/cel.md.
public enum CELIssueCode {
    public static let syntax = "cel.syntax"
    public static let undeclaredReference = "cel.undeclared-reference"
    public static let noMatchingOverload = "cel.no-matching-overload"
    public static let undefinedField = "cel.undefined-field"
    public static let typeMismatch = "cel.type-mismatch"
    public static let limit = "cel.limit"
    public static let invalidRegex = "cel.invalid-regex"
}
