import BylawEval

/// Writes findings as the compact JSON objects of ``Finding/jsonValue`` (the lines of
/// `--format ndjson` without their newline), straight into bytes: for a server answering one
/// decision after another. Like ``NDJSONReport`` it keeps what repeats from one finding to the
/// next (a rule's ids and hint, the input's path) already encoded.
public struct FindingJSONWriter {
    private var fragments = NDJSONFragments()

    public init() {}

    /// Appends the finding's JSON object to `out`.
    public mutating func write(_ finding: Finding, to out: inout [UInt8]) {
        finding.writeNDJSON(to: &out, fragments: &fragments)
        out.removeLast()
    }
}
