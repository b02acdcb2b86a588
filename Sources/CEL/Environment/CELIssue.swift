/// A problem found while parsing or checking an expression.
public struct CELIssue: Sendable, Hashable, CustomStringConvertible {
    /// How bad it is.
    public enum Severity: String, Sendable, Hashable { case error, warning }

    /// The stable code (`cel.syntax`, `cel.undefined-field`, …).
    public var code: CELIssueCode
    public var severity: Severity
    public var message: String
    /// UTF-8 byte offsets in the expression text.
    public var range: CELRange
    /// A suggestion such as "did you mean 'name'?".
    public var hint: String?
    /// For `cel.no-matching-overload`: the types of the arguments no overload takes (receiver
    /// first), so an embedder can word the problem for its own users without parsing `message`.
    public var argumentTypes: [CELType]

    public init(
        code: CELIssueCode, severity: Severity = .error, message: String, range: CELRange, hint: String? = nil, argumentTypes: [CELType] = []
    ) {
        self.code = code
        self.severity = severity
        self.message = message
        self.range = range
        self.hint = hint
        self.argumentTypes = argumentTypes
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
