import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import Synchronization

/// The deciders of one revision, lent to one request at a time.
///
/// A ``UsageDecider`` is not `Sendable` and a workspace graph is evaluated by one thread at a
/// time, so each slot has its own decider over its own graph. Making one costs a rule plan and
/// a graph (tens of microseconds for the shipped policies, more for a large workspace); keeping
/// them also keeps their decision caches warm from one request to the next, as one `bylaw eval`
/// run does from one line to the next. Idle slots are capped, so a burst of concurrency leaves
/// at most ``maxIdle`` behind.
final class DeciderPool: Sendable {
    /// The most idle slots kept.
    static let maxIdle = 64

    private let policies: PolicySet
    private let workspace: Workspace
    private let idle = Mutex<[DeciderSlot]>([])

    init(policies: PolicySet, workspace: Workspace) {
        self.policies = policies
        self.workspace = workspace
    }

    /// A slot of this revision: an idle one, or a new one.
    func take() -> DeciderSlot {
        if let slot = idle.withLock({ $0.popLast() }) { return slot }
        let (decider, graph) = ServeRuns.decider(policies: policies, workspace: workspace)
        return DeciderSlot(decider: decider, graph: graph)
    }

    /// Gives a slot back once its request is done with it.
    func give(back slot: DeciderSlot) {
        idle.withLock { slots in
            if slots.count < Self.maxIdle { slots.append(slot) }
        }
    }

    /// Makes one slot ahead of the first request, so the first decision costs what the others do.
    func warm() {
        give(back: take())
    }
}

/// A decider and the buffers a decision writes into.
///
/// `@unchecked Sendable`: a slot moves between tasks but is used by one at a time: taken from
/// its pool under the pool's lock, used by one request, and given back after it. Nothing else
/// holds it.
final class DeciderSlot: @unchecked Sendable {
    private var decider: UsageDecider
    /// The decider's workspace graph, kept alive as long as the decider.
    private let graph: WorkspaceGraph
    private var writer = FindingJSONWriter()
    /// The last decision's findings, as a JSON array's elements separated by commas.
    private(set) var findingsJSON: [UInt8] = []
    /// The last decision's findings.
    private(set) var findings: [Finding] = []
    /// Whether the last decision denies.
    private(set) var denies = false
    /// The last event's `id`, when it had one.
    private(set) var eventID: String?
    /// The finding counters of the metrics, by rule and kind, so counting a finding skips the
    /// registry's lock.
    var counters: [FindingCounterKey: FindingCounter] = [:]

    init(decider: UsageDecider, graph: WorkspaceGraph) {
        self.decider = decider
        self.graph = graph
    }

    /// Decides one event (a line of a batch, or a whole `/v1/decide` body). `failMode` says
    /// whether an evaluation error in a `block` rule denies (closed) or not (open).
    func decide(_ line: StreamLine, inputPath: String, failMode: FailMode) -> UsageDecider.LineOutcome {
        findingsJSON.removeAll(keepingCapacity: true)
        findings.removeAll(keepingCapacity: true)
        denies = false
        let outcome = decider.decide(line, inputPath: inputPath) { finding in
            if !findingsJSON.isEmpty { findingsJSON.append(UInt8(ascii: ",")) }
            writer.write(finding, to: &findingsJSON)
            findings.append(finding)
            if finding.enforcement == .block, finding.kind == .violation || failMode == .closed { denies = true }
        }
        if case .event = outcome {
            let event = decider.event
            eventID = event.has(.id) ? event.id : nil
        } else {
            eventID = nil
        }
        return outcome
    }
}

/// Which counter of `bylaw_findings_total` a finding goes to.
struct FindingCounterKey: Hashable {
    let rule: String
    let enforcement: Enforcement
    let kind: Finding.Kind
}
