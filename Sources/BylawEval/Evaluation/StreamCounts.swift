import BylawSource

/// How every line of a stream was accounted for: `lines == events + blank + malformed`
/// (plus the lines not read when `--max-errors` stopped the run early).
public struct StreamCounts: Sendable {
    public var lines = 0
    public var events = 0
    public var blank = 0
    public var malformed = 0
    /// The bytes of the lines read, exactly: terminators, a byte-order mark and the unread rest
    /// of over-long lines included. The stream's size when the whole stream was read.
    public var bytes = 0
    /// The run stopped at `--max-errors` before the end of the stream.
    public var stoppedEarly = false
    /// The callbacks' `stop` ended the run before the end of the stream (not in the summary:
    /// the CLI stops so when nobody reads its output any more).
    public var stoppedByCaller = false

    public init() {}

    public var json: JSONValue {
        .object([
            ("read", .int(Int64(lines))), ("evaluated", .int(Int64(events))), ("blank", .int(Int64(blank))),
            ("malformed", .int(Int64(malformed))), ("bytes", .int(Int64(bytes))), ("stopped_early", .bool(stoppedEarly)),
        ])
    }
}
