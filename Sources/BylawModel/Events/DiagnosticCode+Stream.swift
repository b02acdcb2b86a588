import BylawSource

// The `stream.*` codes: malformed lines of a usage stream (docs/usage-events.md). The scanner
// reports them as ``StreamIssueCode`` cases, one byte each, and names these only when an issue
// becomes a diagnostic.

extension DiagnosticCode {
    public static let streamInvalidJSON = DiagnosticCode(
        "stream.invalid-json", severity: .error,
        summary: "The line is not valid JSON",
        help: "the line is not valid JSON (a line of only whitespace holding a `\\r` included)")

    public static let streamNotAnObject = DiagnosticCode(
        "stream.not-an-object", severity: .error,
        summary: "The line is JSON but not an object",
        help: "the line is JSON but not an object")

    public static let streamWrongType = DiagnosticCode(
        "stream.wrong-type", severity: .error,
        summary: "A known field has the wrong type",
        help: "a known field has the wrong type (`\"tokens\": \"many\"`)")

    public static let streamInvalidValue = DiagnosticCode(
        "stream.invalid-value", severity: .error,
        summary: "A known field's value is invalid",
        help: "a known field's value is invalid (`time` not RFC 3339, or outside years 0001–9999)")

    public static let streamNumberOutOfRange = DiagnosticCode(
        "stream.number-out-of-range", severity: .error,
        summary: "A number does not fit its field",
        help: "a number that does not fit its field (a `cost.amount` that is not zero but rounds to zero included)")

    public static let streamDuplicateField = DiagnosticCode(
        "stream.duplicate-field", severity: .error,
        summary: "A known field is given twice",
        help: "a known field given twice")

    public static let streamInvalidUTF8 = DiagnosticCode(
        "stream.invalid-utf8", severity: .error,
        summary: "The line is not valid UTF-8",
        help: "invalid UTF-8 in the line")

    public static let streamTooDeep = DiagnosticCode(
        "stream.too-deep", severity: .error,
        summary: "The line nests past the limit",
        help: "nesting past 64 levels")

    public static let streamLineTooLong = DiagnosticCode(
        "stream.line-too-long", severity: .error,
        summary: "The line is over the length limit",
        help: "a line over 1 MiB (skipped without being buffered)")
}

extension DiagnosticRegistry {
    /// Usage streams: one code per ``StreamIssueCode``, in its order.
    public static let stream = DiagnosticRegistry(prefix: "stream", codes: StreamIssueCode.allCases.map(\.diagnosticCode))
}

extension StreamIssueCode {
    /// The diagnostic code of an issue of this kind.
    public var diagnosticCode: DiagnosticCode {
        switch self {
        case .invalidJSON: .streamInvalidJSON
        case .notAnObject: .streamNotAnObject
        case .wrongType: .streamWrongType
        case .invalidValue: .streamInvalidValue
        case .numberOutOfRange: .streamNumberOutOfRange
        case .duplicateField: .streamDuplicateField
        case .invalidUTF8: .streamInvalidUTF8
        case .tooDeep: .streamTooDeep
        case .lineTooLong: .streamLineTooLong
        }
    }

    /// The stable id (`stream.wrong-type`).
    public var id: String { diagnosticCode.id }
}
