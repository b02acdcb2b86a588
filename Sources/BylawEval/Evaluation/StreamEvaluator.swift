import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// Evaluates `on: usage` rules over a usage stream, one event at a time, in constant memory.
///
/// Every line is accounted for (``StreamCounts``): an event is evaluated, a blank line is
/// counted, a malformed line becomes a diagnostic with its line and column and the stream goes
/// on. Findings and diagnostics reach the callbacks in stream order.
///
/// Fast by design (see docs/benchmarks.md, "Usage streams"): the scanner materialises only the
/// fields the rules read, an event runs only the rules its `kind` can trigger, and a rule's
/// decision is reused across events that agree on every field the decision reads (a rule is a
/// pure function of the event and the fixed workspace). Messages are written only for
/// findings. Each shortcut is derived conservatively from the rules' syntax trees
/// (the compiler's ``UsageRuleAnalysis``) and can be turned off (``Shortcuts``) to check it changes nothing.
public struct StreamEvaluator {
    public let rules: [CompiledRule]
    public let graph: WorkspaceGraph
    /// The rules' policies, when made from a policy set: what explanations expand macros from.
    public let policies: [CompiledPolicy]
    /// The shortcuts in use (all by default).
    public var shortcuts: Shortcuts = .all
    /// Whether findings' event references carry the event's `user` and `org` (for `bylaw
    /// plan`, which names who a change would block); off by default, since it reads two more
    /// fields of every event.
    public var recordsActors = false
    /// Whether findings carry their ``Finding/explanation`` (`bylaw eval --explain`); off by
    /// default.
    public var explains = false

    /// The evaluation shortcuts; each leaves every finding as plain evaluation would make it.
    public struct Shortcuts: OptionSet, Sendable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Run a rule only on the `event.kind` values its `where` allows.
        public static let indexByKind = Shortcuts(rawValue: 1)
        /// Reuse a rule's decision for events that agree on the fields it reads.
        public static let cacheDecisions = Shortcuts(rawValue: 2)
        /// Materialise only the fields the rules read.
        public static let narrowFields = Shortcuts(rawValue: 4)
        /// Print a message's or hint's placeholders that are plain event field reads
        /// (`{event.user}`) from the event's bytes, without CEL.
        public static let plainPlaceholders = Shortcuts(rawValue: 8)
        public static let all: Shortcuts = [.indexByKind, .cacheDecisions, .narrowFields, .plainPlaceholders]
    }

    public init(rules: [CompiledRule], workspace graph: WorkspaceGraph) {
        self.rules = rules.filter { $0.trigger == .usage }
        self.graph = graph
        self.policies = []
    }

    /// Another evaluator's rules and policies against another graph (a thread's own).
    init(rules: [CompiledRule], policies: [CompiledPolicy], workspace graph: WorkspaceGraph) {
        self.rules = rules
        self.graph = graph
        self.policies = policies
    }

    /// An evaluator for the usage rules of a compiled policy set.
    public init(policies: PolicySet, workspace graph: WorkspaceGraph) {
        self.rules = policies.rules(on: .usage)
        self.graph = graph
        self.policies = policies.policies
    }

    /// Where the run reports to.
    public struct Callbacks {
        public var finding: (Finding) -> Void
        /// Takes violations as the decider has them, without a ``Finding`` each (see
        /// ``StreamViolation``); nil hands them to ``finding``. Used on one thread only:
        /// several threads hand their findings over as ``Finding``s.
        public var violation: ((StreamViolation) -> Void)?
        /// How several threads hand violations over as finished bytes (see
        /// ``StreamViolationEncodingSink``); nil hands them over as ``Finding``s.
        public var encoding: Encoding?
        public var diagnostic: (Diagnostic) -> Void
        /// Called every few thousand lines with the reader (for a progress line).
        public var progress: (UsageStreamReader, StreamCounts) -> Void
        /// Asked after each finding, diagnostic and progress call: `true` ends the run there
        /// (``StreamCounts/stoppedByCaller``), as when the reader of the output went away.
        public var stop: () -> Bool

        /// Violations written as bytes by the thread that found them.
        public struct Encoding {
            /// Makes the encoder of one thread deciding blocks of a file.
            public var makeEncoder: @Sendable () -> any StreamViolationEncoder
            /// Takes the bytes an encoder wrote for one violation, in stream order.
            public var write: (UnsafeBufferPointer<UInt8>) -> Void

            /// The encoders and output of `sink`.
            public init(_ sink: any StreamViolationEncodingSink) {
                makeEncoder = sink.encoderFactory
                write = sink.emitEncoded
            }
        }

        /// Callbacks for a run; `stop` defaults to never stopping.
        public init(
            finding: @escaping (Finding) -> Void, violation: ((StreamViolation) -> Void)? = nil, diagnostic: @escaping (Diagnostic) -> Void,
            progress: @escaping (UsageStreamReader, StreamCounts) -> Void = { _, _ in }, stop: @escaping () -> Bool = { false }
        ) {
            self.finding = finding
            self.violation = violation
            self.diagnostic = diagnostic
            self.progress = progress
            self.stop = stop
        }
    }

    /// The size of the blocks a stream is cut into for several threads: 1 MiB.
    public static let defaultBlockSize = 1 << 20

    /// Reads the whole stream (or up to `maxErrors` malformed lines) on `jobs` threads: blocks
    /// of about `blockSize` bytes of whole lines are decided side by side and handed to the
    /// callbacks in stream order, so the callbacks, counts, tally and attribution are exactly
    /// those of ``evaluate(_:streamPath:maxErrors:tally:attribution:callbacks:)`` on one.
    /// `jobs` of 1 (or less) is that one-thread run. The callbacks are called on the calling
    /// thread only.
    public func evaluate(
        _ reader: UsageStreamReader, streamPath: String, maxErrors: Int? = nil, jobs: Int, blockSize: Int = defaultBlockSize,
        tally: inout RunTally, attribution: inout Attribution?, callbacks: Callbacks
    ) throws -> StreamCounts {
        guard jobs > 1 else {
            return try evaluate(reader, streamPath: streamPath, maxErrors: maxErrors, tally: &tally, attribution: &attribution, callbacks: callbacks)
        }
        let setup = DeciderSetup(
            rules: rules, policies: policies, workspace: graph.workspace, shortcuts: shortcuts, recordsActors: recordsActors, explains: explains,
            extraFields: attribution == nil ? UsageEventFields() : Self.attributionFields)
        return try ParallelStreamEvaluation(setup: setup, jobs: jobs, blockSize: blockSize)
            .run(reader, streamPath: streamPath, maxErrors: maxErrors, tally: &tally, attribution: &attribution, callbacks: callbacks)
    }

    /// The fields attribution reads from every event.
    static let attributionFields = UsageEventFields([.org, .subscription, .costAmount, .costCurrency])

    /// Reads the whole stream (or up to `maxErrors` malformed lines).
    public func evaluate(
        _ reader: UsageStreamReader, streamPath: String, maxErrors: Int? = nil, tally: inout RunTally, attribution: inout Attribution?,
        callbacks: Callbacks
    ) throws -> StreamCounts {
        var counts = StreamCounts()
        var decider = UsageDecider(
            self, extraFields: attribution == nil ? UsageEventFields() : Self.attributionFields)
        defer { decider.fold(into: &tally) }
        struct Stop: Error {}
        struct CallerStop: Error {}
        let lend = callbacks.violation
        do {
            try reader.forEachLine { line in
                counts.lines += 1
                let outcome = try decider.decide(line, inputPath: streamPath, lendingViolations: lend != nil) { found in
                    switch found {
                    case .finding(let finding): callbacks.finding(finding)
                    case .violation(let violation): if let lend { lend(violation) } else { callbacks.finding(violation.finding) }
                    }
                    if callbacks.stop() { throw CallerStop() }
                }
                switch outcome {
                case .blank:
                    counts.blank += 1
                case .malformed(let issue):
                    counts.malformed += 1
                    callbacks.diagnostic(issue.diagnostic(streamPath: streamPath, lineBytes: line.bytes))
                    if let maxErrors, counts.malformed >= maxErrors { throw Stop() }
                    if callbacks.stop() { throw CallerStop() }
                case .event:
                    counts.events += 1
                    attribution?.count(decider.event, in: graph.workspace)
                }
                if counts.lines & 0x3FFF == 0 {
                    counts.bytes = reader.bytesConsumed
                    callbacks.progress(reader, counts)
                    if callbacks.stop() { throw CallerStop() }
                }
            }
        } catch is Stop {
            counts.stoppedEarly = true
        } catch is CallerStop {
            counts.stoppedByCaller = true
        }
        counts.bytes = reader.bytesConsumed
        return counts
    }
}
