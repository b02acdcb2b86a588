import BylawPolicy
import BylawSource

/// A sink that keeps what a run reports, for embedders that answer with the whole result at
/// once (a server request, a test) rather than print as they go.
public final class FindingCollector: FindingSink {
    public private(set) var rules: [RuleDescriptor] = []
    public private(set) var findings: [Finding] = []
    public private(set) var diagnostics: [Diagnostic] = []
    /// Inputs that could not be read at all.
    public private(set) var failedInputs: [String] = []
    /// The summary the run finished with (nil until then).
    public private(set) var summary: JSONValue?

    public init() {}

    public func begin(rules: [RuleDescriptor], inputs: [String]) { self.rules = rules }
    public func emit(_ finding: Finding) { findings.append(finding) }
    public func emit(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }
    public func inputFailed(_ path: String) { failedInputs.append(path) }
    public func finish(summary: JSONValue) { self.summary = summary }
}
