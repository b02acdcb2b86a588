import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// Decides usage events one line at a time: the unit of work of ``StreamEvaluator`` (a file or
/// standard input), of a decision server (one request body) and of a stream consumer (one
/// message).
///
/// A decider owns what evaluation reuses from one event to the next: the rule plan (fields to
/// read, rules by `event.kind`), the scanner, and the decision and message caches. Creating one
/// costs a plan (about a microsecond per rule); deciding an event costs what `bylaw eval` spends
/// on one line. It is a value holding references to mutable state, so it is not `Sendable`:
/// give each task or thread its own, and do not use a copy and its original side by side.
public struct UsageDecider {
    /// What one line turned out to be.
    public enum LineOutcome: Sendable {
        /// An event, evaluated; its findings went to the callback.
        case event
        /// An empty or whitespace-only line.
        case blank
        /// Not an event: why, at which byte of the line.
        case malformed(StreamIssue)
    }

    private let eventNode = EventNode()
    private let plan: StreamRulePlan
    private let recordsActors: Bool
    /// Whether each finding carries its ``Finding/explanation`` (worked out for that finding
    /// alone: explaining costs nothing for the events that make none).
    public var explains: Bool
    private var scanner: UsageEventScanner
    // Mutated in place without an array's uniqueness check per rule per event.
    private let caches: InPlaceArray<StreamDecisionCache>
    private var texts: [StreamMessageCache]
    private var interner = StreamFieldInterner()
    // Where lent violations' texts are written, reused from one to the next.
    private var messageBuffer: [UInt8] = []
    private var hintBuffer: [UInt8] = []
    private var idBuffer: [UInt8] = []
    // Findings are counted by plan entry (`counted` keeps the totals, `ruleCounts` the rest)
    // and folded into a caller's tally by `fold(into:)`.
    private var counted = RunTally()
    private var ruleCounts: RunTally.RuleCounts

    /// A decider for the `on: usage` rules of a compiled policy set, against a workspace.
    public init(policies: PolicySet, workspace: WorkspaceGraph) {
        self.init(StreamEvaluator(policies: policies, workspace: workspace))
    }

    /// A decider with an evaluator's rules, workspace, shortcuts and actor recording; `extraFields`
    /// are read from every event beside the ones the rules read (for attribution).
    public init(_ evaluator: StreamEvaluator, extraFields: UsageEventFields = UsageEventFields()) {
        let inputs = RuleInputs(event: eventNode, workspace: evaluator.graph)
        let shortcuts = evaluator.shortcuts
        let options = StreamRulePlan.Options(
            indexByKind: shortcuts.contains(.indexByKind), cacheDecisions: shortcuts.contains(.cacheDecisions),
            narrowFields: shortcuts.contains(.narrowFields), plainPlaceholders: shortcuts.contains(.plainPlaceholders))
        plan = StreamRulePlan(rules: evaluator.rules, inputs: inputs, options: options, policies: evaluator.policies)
        recordsActors = evaluator.recordsActors
        explains = evaluator.explains
        var fields = plan.fields
        fields.formUnion(extraFields)
        if recordsActors { fields.formUnion(UsageEventFields([.user, .org])) }
        scanner = UsageEventScanner(fields: fields)
        caches = InPlaceArray(plan.entries.map(\.cache))
        let ruleCount = plan.entries.count
        texts = plan.entries.map { StreamMessageCache(fields: $0.messageFields, rules: ruleCount) }
        ruleCounts = RunTally.RuleCounts(rules: ruleCount)
    }

    /// The rules this decider runs, in order.
    public var rules: [RuleDescriptor] { plan.entries.map(\.descriptor) }

    /// The event of the last line that was one (its fields the rules read, and the extra ones).
    public var event: UsageEvent { eventNode.event }

    /// Scans one line and, when it is an event, runs the rules its kind can trigger, handing
    /// each finding (violations and evaluation errors) to `finding` in rule order. Whatever
    /// `finding` throws ends the decision there and is rethrown.
    @inline(__always)
    public mutating func decide(_ line: StreamLine, inputPath: String, finding emit: (Finding) throws -> Void) rethrows -> LineOutcome {
        try decide(line, inputPath: inputPath, lendingViolations: false) { try emit($0.finding) }
    }

    /// ``decide(_:inputPath:finding:)``, handing violations over as ``StreamViolation``s (their
    /// texts in the decider's buffers, no ``Finding`` made) when `lendingViolations` and the
    /// decider does not explain its findings or record actors; evaluation errors and other
    /// violations come as findings.
    @inline(__always)
    public mutating func decide(
        _ line: StreamLine, inputPath: String, lendingViolations: Bool, _ emit: (StreamFinding) throws -> Void
    ) rethrows -> LineOutcome {
        switch scanner.scan(line, into: &eventNode.event) {
        case .blank: return .blank
        case .malformed(let issue): return .malformed(issue)
        case .event: break
        }
        let lends = lendingViolations && !explains && !recordsActors
        var reference: EventReference?
        interner.beginEvent()
        let current = eventNode.event
        let entries = plan.entries
        for index in plan.rules(for: current) {
            // The entry is read only when needed: most decisions come from the cache and make
            // no finding, and reading it retains it.
            let decision: StreamDecision
            if let cached = caches[index].lookup(current, &interner) {
                decision = cached
            } else {
                let entry = entries[index]
                decision = RuleRunner.decide(entry.rule, entry.activation)
                caches[index].store(decision)
            }
            let failure: EvaluationFailure?
            switch decision {
            case .notApplicable, .passed: continue
            case .excepted:
                counted.excepted += 1
                continue
            case .fired: failure = nil
            case .failed(let failed): failure = failed.failure
            }
            let entry = entries[index]
            if lends, failure == nil {
                let rendered = entry.texts(
                    &texts[index], usage: current, interner: &interner, messageBuffer: &messageBuffer, hintBuffer: &hintBuffer, asBytes: true)
                counted.count(.violation, enforcement: entry.descriptor.enforcement, rule: index, in: &ruleCounts)
                try emit(.violation(StreamViolation(
                    rule: entry.descriptor, ruleNumber: index, inputPath: inputPath, line: line.number, message: rendered.message,
                    hint: rendered.hint, id: eventID(current))))
                continue
            }
            if reference == nil {
                reference = EventReference(
                    line: line.number, id: current.has(.id) ? current.id : nil,
                    user: recordsActors && current.has(.user) ? current.user : nil,
                    org: recordsActors && current.has(.org) ? current.org : nil)
            }
            let explanation = explains ? entry.explain() : nil
            let finding: Finding
            if let failure {
                finding = Finding(rule: entry.descriptor, failure: failure, inputPath: inputPath, location: nil, event: reference, explanation: explanation)
            } else {
                let rendered = entry.texts(
                    &texts[index], usage: current, interner: &interner, messageBuffer: &messageBuffer, hintBuffer: &hintBuffer, asBytes: false)
                finding = Finding(
                    rule: entry.descriptor, message: rendered.message.string, hint: rendered.hint?.string, inputPath: inputPath, location: nil,
                    event: reference, explanation: explanation)
            }
            counted.count(finding, rule: index, in: &ruleCounts)
            try emit(.finding(finding))
        }
        return .event
    }

    /// The event's id as valid UTF-8 (in ``idBuffer``), nil when it has none: the bytes of
    /// the `String` an ``EventReference`` would hold.
    private mutating func eventID(_ event: UsageEvent) -> [UInt8]? {
        guard event.has(.id) else { return nil }
        idBuffer.removeAll(keepingCapacity: true)
        let copied = event.withUTF8(.id) { bytes -> Bool in
            guard event.isValidatedUTF8(.id) || UTF8Sequences.areValid(bytes) else { return false }
            idBuffer.append(contentsOf: bytes)
            return true
        }
        if !copied { idBuffer.append(contentsOf: event.id.utf8) }
        return idBuffer
    }

    /// Exceptions that applied since the decider was made (or last folded): part of the tally
    /// ``fold(into:)`` hands over, readable before it.
    public var exceptedSinceFold: Int { counted.excepted }

    /// Adds the findings and exceptions counted since the decider was made (or last folded)
    /// into `tally`, and starts counting afresh.
    public mutating func fold(into tally: inout RunTally) {
        tally.findings += counted.findings
        tally.evaluationErrors += counted.evaluationErrors
        tally.excepted += counted.excepted
        tally.fold(ruleCounts, ruleIDs: plan.entries.map(\.fullID))
        counted = RunTally()
        ruleCounts = RunTally.RuleCounts(rules: plan.entries.count)
    }
}
