import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML

/// `bylaw lint` as a library call: the `on: workspace` rules on workspace configs, findings
/// and input problems streamed to a sink as they are found, the summary and status returned,
/// with the literals of those rules that name no id of the configs (``WorkspaceIDCheck``).
public struct LintRun: Sendable {
    /// A workspace config: a file to read, or text already in hand (a request body).
    public enum Input: Sendable {
        case path(String)
        case file(SourceFile)

        /// The name reports use for the input.
        public var path: String {
            switch self {
            case .path(let path): return path
            case .file(let file): return file.path
            }
        }
    }

    public let policies: PolicySet
    /// Fail on any finding, whatever its enforcement.
    public var strict: Bool
    /// The largest config file read (each is read whole): a larger one is `input.too-large`.
    public var maxInputBytes: Int

    public init(policies: PolicySet, strict: Bool = false, maxInputBytes: Int = SourceFile.defaultMaxBytes) {
        self.policies = policies
        self.strict = strict
        self.maxInputBytes = maxInputBytes
    }

    /// Lints every input in order. The sink receives `begin`, then each input's diagnostics and
    /// findings; the caller finishes it with the result.
    public func run(_ inputs: [Input], into sink: any FindingSink) -> RunResult {
        sink.begin(rules: policies.rules(on: .workspace).map(\.descriptor), inputs: inputs.map(\.path))
        let evaluator = WorkspaceEvaluator(rules: policies.rules)
        var tally = RunTally()
        var invalidInputs = 0
        // Only the ids are kept: a config is released once evaluated.
        var ids = KnownIDs(origin: inputs.count == 1 ? inputs[0].path : "the \(inputs.count) workspaces linted")
        for input in inputs {
            let loaded: WorkspaceLoadResult
            switch input {
            case .path(let path): loaded = WorkspaceLoader.load(path: path, limits: YAMLLimits(maxBytes: maxInputBytes))
            case .file(let file): loaded = WorkspaceLoader.load(file)
            }
            loaded.diagnostics.forEach(sink.emit)
            guard let workspace = loaded.workspace else {
                sink.inputFailed(input.path)
                invalidInputs += 1
                continue
            }
            evaluator.evaluate(WorkspaceGraph(workspace), inputPath: input.path, tally: &tally, emit: sink.emit)
            ids.insert(workspace)
        }
        let status: RunStatus = invalidInputs > 0 ? .invalidInput : (tally.fails(strict: strict) ? .findings : .clean)
        // The workspace rules only: they are what lint runs on these workspaces.
        let warnings = WorkspaceIDCheck.diagnostics(policies, against: ids) { $0.trigger == .workspace }
        return RunResult(
            summary: RunSummary(inputs: .workspaces(count: inputs.count, invalid: invalidInputs), tally: tally), status: status,
            policyWarnings: warnings)
    }
}
