import BylawModel
import BylawPolicy
import BylawSource
import Dispatch

/// ``StreamEvaluator/evaluate(_:streamPath:maxErrors:jobs:blockSize:tally:attribution:callbacks:)``
/// on several threads: the stream is cut into blocks of whole lines, the blocks are decided by
/// `jobs` workers (each with its own ``UsageDecider`` and workspace graph, which are not
/// shared), and their findings, diagnostics and counts are handed on in stream order.
///
/// What the callbacks receive, the counts and the tally are exactly those of one thread: a
/// block's findings and diagnostics are kept in the order they happened and released only
/// after every earlier block's, and a stop at `maxErrors` is placed at the very line where one
/// thread would stop, from counts the worker noted at each malformed line. Attribution is
/// counted on the merging thread, from the fields the workers copied, in stream order (its cap
/// on unknown orgs depends on that order).
///
/// Memory: at most `2 × jobs` blocks in flight, with their findings.
struct ParallelStreamEvaluation {
    let setup: DeciderSetup
    let jobs: Int
    let blockSize: Int

    func run(
        _ reader: UsageStreamReader, streamPath: String, maxErrors: Int?, tally: inout RunTally, attribution: inout Attribution?,
        callbacks: StreamEvaluator.Callbacks
    ) throws -> StreamCounts {
        let workers = (0..<jobs).map { _ in BlockWorker(setup: setup) }
        let task = BlockTask(
            streamPath: streamPath, name: reader.name, maxLineLength: reader.maxLineLength, chunkSize: reader.chunkSize,
            attribution: attribution != nil, encoder: callbacks.encoding?.makeEncoder)
        var merger = BlockMerger(maxErrors: maxErrors, callbacks: callbacks, workspace: setup.workspace, ruleIDs: setup.rules.map(\.fullID))
        var pending: [BlockSlot] = []
        let window = 2 * jobs
        var submitted = 0
        defer {
            // Blocks still in flight after a stop or an error finish before the run returns, so
            // nothing runs on behalf of a run that has ended.
            for slot in pending { slot.done.wait() }
        }
        struct Stopped: Error {}
        do {
            try reader.forEachBlock(size: blockSize) { block in
                let slot = BlockSlot()
                workers[submitted % jobs].decide(block, task: task, into: slot)
                submitted += 1
                pending.append(slot)
                if pending.count >= window {
                    if try !merger.merge(pending.removeFirst(), reader: reader, tally: &tally, attribution: &attribution) { throw Stopped() }
                }
            }
            while !pending.isEmpty {
                if try !merger.merge(pending.removeFirst(), reader: reader, tally: &tally, attribution: &attribution) { break }
            }
        } catch is Stopped {}
        if !merger.counts.stoppedEarly, !merger.counts.stoppedByCaller { merger.counts.bytes = reader.bytesConsumed }
        return merger.counts
    }
}

/// What a worker needs to build its own decider: every part is `Sendable`, unlike the
/// evaluator's workspace graph, which each worker makes afresh.
struct DeciderSetup: Sendable {
    let rules: [CompiledRule]
    let policies: [CompiledPolicy]
    let workspace: Workspace
    let shortcuts: StreamEvaluator.Shortcuts
    let recordsActors: Bool
    let explains: Bool
    let extraFields: UsageEventFields

    /// A decider, and the graph it reads, which the caller keeps alive as long as the decider
    /// (the decider's rule inputs do not own it).
    func makeDecider() -> (UsageDecider, WorkspaceGraph) {
        let graph = WorkspaceGraph(workspace)
        var evaluator = StreamEvaluator(rules: rules, policies: policies, workspace: graph)
        evaluator.shortcuts = shortcuts
        evaluator.recordsActors = recordsActors
        evaluator.explains = explains
        return (UsageDecider(evaluator, extraFields: extraFields), graph)
    }
}

/// How the blocks of one run are read.
struct BlockTask: Sendable {
    let streamPath: String
    let name: String
    let maxLineLength: Int
    let chunkSize: Int
    let attribution: Bool
    /// Makes each worker's encoder of violations (nil: workers hand over findings).
    let encoder: (@Sendable () -> any StreamViolationEncoder)?
}

/// One block's results, in the order one thread would have produced them.
struct BlockOutcome: Sendable {
    enum Item: Sendable {
        case finding(Finding)
        /// A violation written by the worker's encoder: its bytes end at `end` in
        /// ``BlockOutcome/bytes`` (they start where the previous encoded item's end).
        case encoded(end: Int, rule: Int, enforcement: Enforcement)
        /// A malformed line's diagnostic, with the block's counts up to and including it.
        case malformed(Diagnostic, BlockMark)
    }

    var items: [Item] = []
    /// The encoded violations' bytes, one after another.
    var bytes: [UInt8] = []
    var counts = StreamCounts()
    var tally = RunTally()
    var attributed: [AttributedEvent] = []
}

/// A block's counts at one of its malformed lines: where a run stopped by `maxErrors` ends.
struct BlockMark: Sendable {
    let lines: Int
    let events: Int
    let blank: Int
    let malformed: Int
    let excepted: Int
    let bytes: Int
    let attributed: Int
}

/// Where a worker leaves a block's outcome. Written once on the worker's queue before `done`
/// is signalled, read only after waiting on `done`: the semaphore orders the two.
final class BlockSlot: @unchecked Sendable {
    var outcome = BlockOutcome()
    var failure: (any Error)?
    let done = DispatchSemaphore(value: 0)
}

/// A thread of its own (a serial queue) with a decider of its own, deciding one block at a time.
final class BlockWorker: @unchecked Sendable {
    private let queue = DispatchQueue(label: "bylaw.eval.block-worker")
    private let setup: DeciderSetup
    // Touched only on `queue`.
    private var decider: UsageDecider?
    private var graph: WorkspaceGraph?
    private var encoder: (any StreamViolationEncoder)?

    init(setup: DeciderSetup) {
        self.setup = setup
    }

    func decide(_ block: StreamBlock, task: BlockTask, into slot: BlockSlot) {
        queue.async { [self] in
            defer { slot.done.signal() }
            do {
                slot.outcome = try decide(block, task: task)
            } catch {
                slot.failure = error
            }
        }
    }

    private func decide(_ block: StreamBlock, task: BlockTask) throws -> BlockOutcome {
        if self.decider == nil { (self.decider, self.graph) = setup.makeDecider() }
        if self.encoder == nil, let make = task.encoder { self.encoder = make() }
        guard var decider = self.decider else { return BlockOutcome() }
        var encoder = self.encoder
        self.encoder = nil
        defer {
            self.decider = decider
            self.encoder = encoder
        }
        var outcome = BlockOutcome()
        outcome.items.reserveCapacity(64)
        let reader = UsageStreamReader(block: block, name: task.name, maxLineLength: task.maxLineLength, chunkSize: task.chunkSize)
        try reader.forEachLine { line in
            outcome.counts.lines += 1
            let decided = decider.decide(line, inputPath: task.streamPath, lendingViolations: encoder != nil) { found in
                switch found {
                case .finding(let finding):
                    outcome.items.append(.finding(finding))
                case .violation(let violation):
                    // Lent only when there is an encoder.
                    encoder?.encode(violation, into: &outcome.bytes)
                    outcome.items.append(.encoded(end: outcome.bytes.count, rule: violation.ruleNumber, enforcement: violation.enforcement))
                }
            }
            switch decided {
            case .blank:
                outcome.counts.blank += 1
            case .malformed(let issue):
                outcome.counts.malformed += 1
                let counts = outcome.counts
                let mark = BlockMark(
                    lines: counts.lines, events: counts.events, blank: counts.blank, malformed: counts.malformed,
                    excepted: decider.exceptedSinceFold, bytes: reader.bytesConsumed, attributed: outcome.attributed.count)
                outcome.items.append(.malformed(issue.diagnostic(streamPath: task.streamPath, lineBytes: line.bytes), mark))
            case .event:
                outcome.counts.events += 1
                if task.attribution { outcome.attributed.append(AttributedEvent(decider.event)) }
            }
        }
        decider.fold(into: &outcome.tally)
        outcome.counts.bytes = block.offset + block.bytes.count
        return outcome
    }
}

/// Hands blocks' results on in stream order and keeps the run's counts.
struct BlockMerger {
    let maxErrors: Int?
    let callbacks: StreamEvaluator.Callbacks
    let workspace: Workspace
    /// The rules' full ids by rule number, for tallying encoded violations.
    let ruleIDs: [String]
    var counts = StreamCounts()

    /// Waits for the block, hands its findings and diagnostics to the callbacks and adds its
    /// counts. Returns `false` when the run stops within it (`maxErrors`, or the caller).
    mutating func merge(_ slot: BlockSlot, reader: UsageStreamReader, tally: inout RunTally, attribution: inout Attribution?) throws -> Bool {
        slot.done.wait()
        if let failure = slot.failure { throw failure }
        let outcome = slot.outcome
        var start = 0
        for (index, item) in outcome.items.enumerated() {
            switch item {
            case .finding(let finding):
                callbacks.finding(finding)
            case .encoded(let end, _, _):
                outcome.bytes.withUnsafeBufferPointer { bytes in
                    callbacks.encoding?.write(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                }
                start = end
            case .malformed(let diagnostic, let mark):
                callbacks.diagnostic(diagnostic)
                if let maxErrors, counts.malformed + mark.malformed >= maxErrors {
                    counts.lines += mark.lines
                    counts.events += mark.events
                    counts.blank += mark.blank
                    counts.malformed += mark.malformed
                    counts.bytes = mark.bytes
                    counts.stoppedEarly = true
                    tally.add(self.tally(of: outcome.items[...index], excepted: mark.excepted))
                    attribute(outcome.attributed.prefix(mark.attributed), into: &attribution)
                    return false
                }
            }
            if callbacks.stop() {
                // As on one thread: the findings handed on count (a block finding is exit 1).
                tally.add(self.tally(of: outcome.items[...index], excepted: 0))
                counts.stoppedByCaller = true
                return false
            }
        }
        counts.lines += outcome.counts.lines
        counts.events += outcome.counts.events
        counts.blank += outcome.counts.blank
        counts.malformed += outcome.counts.malformed
        tally.add(outcome.tally)
        attribute(outcome.attributed[...], into: &attribution)
        counts.bytes = outcome.counts.bytes
        callbacks.progress(reader, counts)
        if callbacks.stop() {
            counts.stoppedByCaller = true
            return false
        }
        return true
    }

    /// The tally of the findings among a block's first items, for a run that stops inside the
    /// block (the worker's tally covers the whole block). Worked out only then, so that handing
    /// findings on costs no counting.
    private func tally(of items: ArraySlice<BlockOutcome.Item>, excepted: Int) -> RunTally {
        var tally = RunTally()
        var counts = RunTally.RuleCounts(rules: ruleIDs.count)
        for item in items {
            switch item {
            case .finding(let finding): tally.count(finding)
            case .encoded(_, let rule, let enforcement): tally.count(.violation, enforcement: enforcement, rule: rule, in: &counts)
            case .malformed: break
            }
        }
        tally.fold(counts, ruleIDs: ruleIDs)
        tally.excepted = excepted
        return tally
    }

    private func attribute(_ events: ArraySlice<AttributedEvent>, into attribution: inout Attribution?) {
        guard attribution != nil else { return }
        for event in events { attribution?.count(event, in: workspace) }
    }
}
