/// Where a report writes its text: the CLI passes a closure that writes to stdout, tests a
/// ``ReportBuffer``. Each call carries whole lines (or a whole document), already in order,
/// so a caller that flushes after every call keeps streamed output in order.
public typealias ReportOutput = (String) -> Void

/// Where a report that writes bytes can send them without making a `String` first: NDJSON
/// lines of a long stream. The bytes are whole lines, valid UTF-8, and only valid during the call.
public typealias ReportByteOutput = (UnsafeBufferPointer<UInt8>) -> Void

/// Collects everything a report writes, for tests and for callers that post-process output.
public final class ReportBuffer {
    /// The text written so far.
    public private(set) var text = ""

    /// An empty buffer.
    public init() {}

    /// The closure to hand to a report.
    public var output: ReportOutput {
        { [self] chunk in text += chunk }
    }
}
