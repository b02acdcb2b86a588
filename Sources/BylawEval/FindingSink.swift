import BylawPolicy
import BylawSource

/// Receives the results of a run as they are produced. Streaming printers (text, ndjson,
/// github) write each finding at once; document printers (json, sarif, junit) collect and write
/// at `finish`. One sink, several printers: adding a format is one file in BylawReport.
public protocol FindingSink: AnyObject {
    /// Called once before anything else with the rules of the policy set.
    func begin(rules: [RuleDescriptor], inputs: [String])
    /// A rule fired (or failed to evaluate).
    func emit(_ finding: Finding)
    /// An input problem (a malformed stream line, a broken workspace file).
    func emit(_ diagnostic: Diagnostic)
    /// An input could not be read at all (its diagnostics were emitted): no rule ran on it.
    func inputFailed(_ path: String)
    /// Called once at the end with the run's summary (counts, attribution).
    func finish(summary: JSONValue)
    /// Called once at the end with a run's result: its summary and status.
    func finish(_ result: RunResult)
}

extension FindingSink {
    /// Most printers need nothing more than the input's diagnostics.
    public func inputFailed(_ path: String) {}

    /// Most printers print the summary and leave the status to the caller.
    public func finish(_ result: RunResult) { finish(summary: result.summary.json) }
}
