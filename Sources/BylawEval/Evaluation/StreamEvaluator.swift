import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// Evaluates `on: usage` rules over a usage stream, one event at a time, in constant memory.
///
/// Every line is accounted for (``StreamCounts``): an event is evaluated, a blank line is
/// counted, a malformed line becomes a diagnostic with its line and column and the stream goes
/// on. Findings and diagnostics reach the callbacks in stream order.
public struct StreamEvaluator {
    public let rules: [CompiledRule]
    public let graph: WorkspaceGraph

    public init(rules: [CompiledRule], workspace graph: WorkspaceGraph) {
        self.rules = rules.filter { $0.trigger == .usage }
        self.graph = graph
    }

    /// Where the run reports to.
    public struct Callbacks {
        public var finding: (Finding) -> Void
        public var diagnostic: (Diagnostic) -> Void
        /// Called every few thousand lines with the reader (for a progress line).
        public var progress: (UsageStreamReader, StreamCounts) -> Void

        public init(finding: @escaping (Finding) -> Void, diagnostic: @escaping (Diagnostic) -> Void, progress: @escaping (UsageStreamReader, StreamCounts) -> Void = { _, _ in }) {
            self.finding = finding
            self.diagnostic = diagnostic
            self.progress = progress
        }
    }

    /// Reads the whole stream (or up to `maxErrors` malformed lines).
    public func evaluate(
        _ reader: UsageStreamReader, streamPath: String, maxErrors: Int? = nil, tally: inout RunTally, attribution: inout Attribution?,
        callbacks: Callbacks
    ) throws -> StreamCounts {
        var counts = StreamCounts()
        let event = EventNode()
        var scanner = UsageEventScanner()
        let inputs = RuleInputs(event: event, workspace: graph)
        let activations = rules.map { inputs.activation(for: $0) }
        struct Stop: Error {}
        do {
            try reader.forEachLine { line in
                counts.lines += 1
                counts.bytes += line.bytes.count + 1
                switch scanner.scan(line, into: &event.event) {
                case .blank:
                    counts.blank += 1
                case .malformed(let issue):
                    counts.malformed += 1
                    callbacks.diagnostic(issue.diagnostic(streamPath: streamPath, lineBytes: line.bytes))
                    if let maxErrors, counts.malformed >= maxErrors { throw Stop() }
                case .event:
                    counts.events += 1
                    attribution?.count(event.event, in: graph.workspace)
                    let reference = EventReference(line: line.number, id: event.event.has(.id) ? event.event.id : nil)
                    for (index, rule) in rules.enumerated() {
                        let outcome = RuleRunner.run(rule, activations[index])
                        if let finding = Finding(rule, outcome, inputPath: streamPath, location: nil, event: reference, tally: &tally) {
                            callbacks.finding(finding)
                        }
                    }
                }
                if counts.lines & 0x3FFF == 0 { callbacks.progress(reader, counts) }
            }
        } catch is Stop {
            counts.stoppedEarly = true
        }
        return counts
    }
}
