import BylawModel
import BylawPolicy
import BylawSource

/// `bylaw eval` as a library call: the `on: usage` rules over a usage stream, findings and
/// malformed lines streamed to a sink in stream order, the summary and status returned.
public struct EvalRun {
    public private(set) var evaluator: StreamEvaluator
    /// Stop after this many malformed lines (the status is then `invalidInput`).
    public var maxErrors: Int?
    /// Fail on any finding, whatever its enforcement.
    public var strict = false
    /// Add attribution (events and spend by billing account and org) to the summary.
    public var attribution = false
    /// Threads deciding a file's events side by side (1: the calling thread alone). Standard
    /// input and other streams of unknown size are read on one, whatever this says. The output
    /// is the same whatever the number.
    public var jobs = 1
    /// The size of the blocks a file is cut into when ``jobs`` is more than 1.
    public var blockSize = StreamEvaluator.defaultBlockSize
    /// Attach to each finding why its rule fired (``Finding/explanation``).
    public var explains: Bool {
        get { evaluator.explains }
        set { evaluator.explains = newValue }
    }

    public init(policies: PolicySet, workspace: WorkspaceGraph) {
        evaluator = StreamEvaluator(policies: policies, workspace: workspace)
    }

    /// The rules the run evaluates, for a report's `begin`.
    public var rules: [RuleDescriptor] { evaluator.rules.map(\.descriptor) }

    /// Reads the whole stream (or up to ``maxErrors`` malformed lines, or until `stop` says so).
    /// The sink receives `begin`, then findings and diagnostics; the caller finishes it with the
    /// result.
    public func run(
        _ reader: UsageStreamReader, streamPath: String, into sink: any FindingSink,
        progress: @escaping (UsageStreamReader, StreamCounts) -> Void = { _, _ in }, stop: @escaping () -> Bool = { false }
    ) throws -> RunResult {
        sink.begin(rules: rules, inputs: [streamPath])
        var tally = RunTally()
        var attribution: Attribution? = attribution ? Attribution() : nil
        let lend: ((StreamViolation) -> Void)? = (sink as? any StreamViolationSink).map { sink in { sink.emit($0) } }
        var callbacks = StreamEvaluator.Callbacks(finding: sink.emit, violation: lend, diagnostic: sink.emit, progress: progress, stop: stop)
        callbacks.encoding = (sink as? any StreamViolationEncodingSink).map(StreamEvaluator.Callbacks.Encoding.init)
        let counts = try evaluator.evaluate(
            reader, streamPath: streamPath, maxErrors: maxErrors, jobs: reader.expectedSize == nil ? 1 : jobs, blockSize: blockSize,
            tally: &tally, attribution: &attribution, callbacks: callbacks)
        let status: RunStatus = counts.stoppedEarly ? .invalidInput : (tally.fails(strict: strict) ? .findings : .clean)
        return RunResult(summary: RunSummary(inputs: .stream(counts), tally: tally, attribution: attribution), status: status)
    }
}
