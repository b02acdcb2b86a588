import BylawEval
import BylawPolicy
import BylawSource

/// One JSON document, written at `finish`:
/// `{"findings": [...], "diagnostics": [...], "summary": {...}}`.
///
/// Findings are the objects of ``Finding/jsonValue``; input diagnostics (malformed stream
/// lines, broken files) those of ``Diagnostic/jsonValue``, in arrival order.
public final class JSONReport: FindingSink {
    private let output: ReportOutput
    private let pretty: Bool
    private var findings: [JSONValue] = []
    private var diagnostics: [JSONValue] = []

    /// - Parameter pretty: indent the document (the default); `false` writes one line.
    public init(pretty: Bool = true, output: @escaping ReportOutput) {
        self.output = output
        self.pretty = pretty
    }

    public func begin(rules: [RuleDescriptor], inputs: [String]) {}

    public func emit(_ finding: Finding) { findings.append(finding.jsonValue) }

    public func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic.jsonValue) }

    public func finish(summary: JSONValue) {
        let document = JSONValue.object([
            ("findings", .array(findings)), ("diagnostics", .array(diagnostics)), ("summary", summary),
        ])
        output((pretty ? document.pretty : document.compact) + "\n")
    }
}
