import BylawEval
import BylawPolicy
import BylawSource

/// Newline-delimited JSON, streamed: one line per finding (the object of
/// ``Finding/jsonValue``, recognisable by its `rule` key), one `{"diagnostic": {...}}` line
/// per input diagnostic, in the order they happen, and a last `{"summary": {...}}` line.
public final class NDJSONReport: StreamViolationEncodingSink {
    private let output: ReportOutput
    private let byteOutput: ReportByteOutput?
    // No dynamic exclusivity checks on the state below (two per line, measurable on a
    // findings-heavy stream): a sink is called by one thread at a time, and writing a line
    // never calls back into the report.
    /// The line being written, its storage reused from finding to finding.
    @exclusivity(unchecked) private var line: [UInt8] = []
    @exclusivity(unchecked) private var fragments = NDJSONFragments()
    /// Lent violations are written as a worker thread's encoder writes them.
    @exclusivity(unchecked) private var violations = NDJSONViolationEncoder()

    /// A sink writing through `output` (stdout in the CLI, a ``ReportBuffer`` in tests), and
    /// finding lines through `bytes` when given (no `String` made per finding).
    public init(output: @escaping ReportOutput, bytes: ReportByteOutput? = nil) {
        self.output = output
        self.byteOutput = bytes
    }

    public func begin(rules: [RuleDescriptor], inputs: [String]) {}

    public func emit(_ finding: Finding) {
        line.removeAll(keepingCapacity: true)
        finding.writeNDJSON(to: &line, fragments: &fragments)
        write(line)
    }

    public func emit(_ violation: StreamViolation) {
        line.removeAll(keepingCapacity: true)
        violations.encode(violation, into: &line)
        write(line)
    }

    public var encoderFactory: @Sendable () -> any StreamViolationEncoder { { NDJSONViolationEncoder() } }

    public func emitEncoded(_ bytes: UnsafeBufferPointer<UInt8>) {
        if let byteOutput {
            byteOutput(bytes)
        } else {
            output(String(decoding: bytes, as: UTF8.self))
        }
    }

    private func write(_ line: [UInt8]) {
        line.withUnsafeBufferPointer(emitEncoded)
    }

    public func emit(_ diagnostic: Diagnostic) {
        output(diagnostic.ndjsonObject + "\n")
    }

    public func finish(summary: JSONValue) {
        output(JSONValue.object([("summary", summary)]).compact + "\n")
    }
}

/// The lines of ``NDJSONReport`` for violations, written on a thread of its own (one deciding
/// blocks of a file); the pieces it encodes once are its own.
struct NDJSONViolationEncoder: StreamViolationEncoder {
    private var fragments = NDJSONFragments()
    private var violations = NDJSONViolationWriter()

    mutating func encode(_ violation: StreamViolation, into bytes: inout [UInt8]) {
        violations.write(violation, to: &bytes, fragments: &fragments)
    }
}

extension Diagnostic {
    /// The diagnostic as a line of `--format ndjson` without its newline: `{"diagnostic": {...}}`
    /// (what `bylaw consume` publishes for a malformed message).
    public var ndjsonObject: String { JSONValue.object([("diagnostic", jsonValue)]).compact }
}
