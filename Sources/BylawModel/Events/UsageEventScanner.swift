/// Scans one NDJSON line into a reusable ``UsageEvent``: a byte-level JSON scanner that
/// validates the whole line and materialises only the known fields in its mask.
///
/// The whole line must be one valid JSON object in UTF-8. Known fields must have their type
/// (``UsageEventField/valueKind``) or be `null` (absent); unknown fields may hold any valid
/// JSON and are skipped, validated, up to ``maxDepth`` levels of nesting. A known field given
/// twice is malformed. `time` must be RFC 3339. Enum-like fields (`kind`, `scope`) accept any
/// string: policies judge unknown values. The rules are in docs/usage-events.md.
///
/// ```swift
/// var scanner = UsageEventScanner(fields: UsageEventFields([.kind, .user, .artifactClassification]))
/// var event = UsageEvent()
/// try reader.forEachLine { line in
///     switch scanner.scan(line, into: &event) {
///     case .event: if event.field(.kind, equals: "upload") { … }
///     case .blank: blank += 1
///     case .malformed(let issue): report(issue)
///     }
/// }
/// ```
public struct UsageEventScanner {
    /// The default nesting limit: 64 levels, the line's object being level 1.
    public static let defaultMaxDepth = 64

    /// What one line turned out to be.
    public enum Outcome: Sendable, Hashable {
        /// A valid event; the event passed in holds it.
        case event
        /// An empty or whitespace-only line: skipped, and counted as blank.
        case blank
        /// A malformed line; the event passed in is unspecified.
        case malformed(StreamIssue)
    }

    /// The fields materialised into the event (the fields the compiled rules read). The other
    /// known fields are still validated and still set their bit in ``UsageEvent/present``.
    public var fields: UsageEventFields
    /// The deepest nesting accepted (the line's object is level 1).
    public var maxDepth: Int
    /// Decoded key or `time` bytes when they hold escapes; kept to avoid allocating per line.
    var scratch: [UInt8] = []
    /// The keys of the lines scanned so far, by position: see ``EventKeyGuess``.
    var guesses = EventKeyGuess.emptyTable()

    /// A scanner materialising `fields` (every known field by default).
    public init(fields: UsageEventFields = .all, maxDepth: Int = defaultMaxDepth) {
        self.fields = fields
        self.maxDepth = max(1, maxDepth)
        scratch.reserveCapacity(256)
    }

    /// Scans one line into `event` (overwriting it).
    public mutating func scan(_ line: StreamLine, into event: inout UsageEvent) -> Outcome {
        if line.isTooLong {
            event.reset()
            return .malformed(StreamIssue(
                code: .lineTooLong, line: line.number, column: 1, byteInLine: 0, field: nil,
                message: "line is longer than the limit of \(line.maxLineLength) bytes; it was skipped"))
        }
        guard let base = line.bytes.baseAddress, !line.bytes.isEmpty else {
            event.reset()
            return .blank
        }
        if fields.rawValue != 0 {
            event.reset(copying: line.bytes)
        } else {
            event.reset()
        }
        var parser = EventLineParser(base: base, count: line.bytes.count, fields: fields, maxDepth: maxDepth, scratch: [], guesses: [])
        swap(&scratch, &parser.scratch)
        swap(&guesses, &parser.guesses)
        defer {
            swap(&scratch, &parser.scratch)
            swap(&guesses, &parser.guesses)
        }
        do throws(ScanFailure) {
            return try parser.parseLine(into: &event) ? .event : .blank
        } catch {
            return .malformed(StreamIssue(code: error.code, in: line, at: error.offset, field: error.field, message: error.message))
        }
    }

    /// Scans one line given as text (line number `number`): for tests, `bylaw expr --event`
    /// and embedders holding single events.
    public mutating func scan(_ text: String, lineNumber number: Int = 1, into event: inout UsageEvent) -> Outcome {
        var copy = text
        return copy.withUTF8 { bytes in
            scan(StreamLine(number: number, offset: 0, bytes: bytes), into: &event)
        }
    }
}

/// Why the parser stopped, before line and column are computed.
struct ScanFailure: Error {
    let code: StreamIssueCode
    let offset: Int
    let field: UsageEventField?
    let message: String

    init(_ code: StreamIssueCode, at offset: Int, field: UsageEventField? = nil, _ message: String) {
        self.code = code
        self.offset = offset
        self.field = field
        self.message = message
    }
}
