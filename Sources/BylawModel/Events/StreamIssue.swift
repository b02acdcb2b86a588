/// Why a line of a usage stream is malformed; ``diagnosticCode`` is its stable code, documented
/// in docs/usage-events.md.
public enum StreamIssueCode: Sendable, Hashable, CaseIterable {
    /// Not JSON: a syntax error, an unescaped control character, a bad escape, trailing text.
    case invalidJSON
    /// Valid JSON, but not an object (`[1]`, `42`, `"x"`).
    case notAnObject
    /// A known field with the wrong JSON type (`"tokens": "many"`, `"user": 7`).
    case wrongType
    /// A known field with the right type and an impossible value (`"time": "yesterday"`).
    case invalidValue
    /// A number too large for its field (`tokens.in` beyond `Int64`, `cost.amount` beyond `Double`).
    case numberOutOfRange
    /// A known field given twice in the same object.
    case duplicateField
    /// Bytes that are not UTF-8.
    case invalidUTF8
    /// Arrays and objects nested deeper than the scanner's limit.
    case tooDeep
    /// A line longer than the reader's limit.
    case lineTooLong
}

/// A malformed line: what is wrong, and where, as a value.
public struct StreamIssue: Sendable, Hashable, Error, CustomStringConvertible {
    /// The stable code (`stream.wrong-type`).
    public let code: StreamIssueCode
    /// 1-based line number in the stream.
    public let line: Int
    /// 1-based column in characters (grapheme clusters) as a person counts them; bytes that are
    /// not UTF-8 count one column each sequence.
    public let column: Int
    /// 0-based byte offset of the problem in the line.
    public let byteInLine: Int
    /// The known field concerned, if any.
    public let field: UsageEventField?
    /// What is wrong, naming the field where there is one.
    public let message: String

    public init(code: StreamIssueCode, line: Int, column: Int, byteInLine: Int, field: UsageEventField?, message: String) {
        self.code = code
        self.line = line
        self.column = column
        self.byteInLine = byteInLine
        self.field = field
        self.message = message
    }

    /// Builds an issue at a byte offset of a line, computing the character column.
    public init(code: StreamIssueCode, in line: StreamLine, at byte: Int, field: UsageEventField? = nil, message: String) {
        let clamped = max(0, min(byte, line.bytes.count))
        let prefix = String(decoding: UnsafeBufferPointer(rebasing: line.bytes[0..<clamped]), as: UTF8.self)
        self.init(code: code, line: line.number, column: prefix.count + 1, byteInLine: clamped, field: field, message: message)
    }

    /// `LINE:COLUMN: message [code]`.
    public var description: String { "\(line):\(column): \(message) [\(code.id)]" }
}
