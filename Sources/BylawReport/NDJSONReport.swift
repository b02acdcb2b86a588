import BylawEval
import BylawPolicy
import BylawSource

/// Newline-delimited JSON, streamed: one line per finding (the object of
/// ``Finding/jsonValue``, recognisable by its `rule` key), one `{"diagnostic": {...}}` line
/// per input diagnostic, in the order they happen, and a last `{"summary": {...}}` line.
public final class NDJSONReport: FindingSink {
    private let output: ReportOutput

    /// A sink writing through `output` (stdout in the CLI, a ``ReportBuffer`` in tests).
    public init(output: @escaping ReportOutput) { self.output = output }

    public func begin(rules: [RuleDescriptor], inputs: [String]) {}

    public func emit(_ finding: Finding) { output(finding.ndjsonLine) }

    public func emit(_ diagnostic: Diagnostic) {
        output(JSONValue.object([("diagnostic", diagnostic.jsonValue)]).compact + "\n")
    }

    public func finish(summary: JSONValue) {
        output(JSONValue.object([("summary", summary)]).compact + "\n")
    }
}
