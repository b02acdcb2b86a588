import BylawModel
import BylawPolicy
import BylawSource

/// What a proposed change does: the findings it adds, the ones it fixes, and (given past usage)
/// the events it would newly block or allow. `bylaw plan` prints it.
///
/// Findings are matched across the two versions by rule and message (their locations move when
/// a config is edited), counted as a multiset so two identical findings stay two.
public struct ChangePlan: Sendable {
    /// Findings of the proposed version that the current one does not have.
    public var added: [Finding] = []
    /// Findings of the current version that the proposed one no longer has.
    public var fixed: [Finding] = []
    public var unchanged = 0
    /// Findings of `on: change` rules, which judge the transition itself.
    public var changeFindings: [Finding] = []
    public var usage: UsageReplay?

    public init() {}

    /// Whether the change introduces anything at `block` (or anything at all with `strict`).
    public func fails(strict: Bool) -> Bool {
        let introduced = added + changeFindings
        let blocking = introduced.contains { $0.enforcement == .block } || (usage?.newlyBlocked.isEmpty == false)
        return strict ? !introduced.isEmpty || (usage?.newlyBlocked.isEmpty == false) : blocking
    }

    /// The findings of the `on: change` rules on a before/after pair (located in the proposed config).
    public static func changeFindings(_ rules: [CompiledRule], before: WorkspaceGraph, after: WorkspaceGraph, afterPath: String) -> [Finding] {
        var findings: [Finding] = []
        var tally = RunTally()
        let inputs = RuleInputs(before: before, after: after)
        for rule in rules where rule.trigger == .change {
            RuleEvaluation.run(rule, inputs) { outcome, span in
                if let finding = Finding(rule, outcome, inputPath: afterPath, location: span, tally: &tally) { findings.append(finding) }
            }
        }
        return findings
    }

    /// Compares the findings of two lint runs.
    public static func diff(before: [Finding], after: [Finding]) -> (added: [Finding], fixed: [Finding], unchanged: Int) {
        var remaining: [String: Int] = [:]
        for finding in before { remaining[key(finding), default: 0] += 1 }
        var added: [Finding] = []
        var unchanged = 0
        for finding in after {
            let k = key(finding)
            if let count = remaining[k], count > 0 {
                remaining[k] = count - 1
                unchanged += 1
            } else {
                added.append(finding)
            }
        }
        var fixed: [Finding] = []
        for finding in before.reversed() {
            let k = key(finding)
            if let count = remaining[k], count > 0 {
                remaining[k] = count - 1
                fixed.append(finding)
            }
        }
        return (added, fixed.reversed(), unchanged)
    }

    static func key(_ finding: Finding) -> String { "\(finding.rule.fullID)\u{1F}\(finding.kind.rawValue)\u{1F}\(finding.message)" }
}

/// Past usage replayed under the current and the proposed version.
public struct UsageReplay: Sendable {
    public struct Change: Sendable {
        public let event: EventReference
        /// The blocking rules that fire on the event in the version that blocks it.
        public let rules: [String]
    }

    public var events = 0
    public var malformed = 0
    /// Events the proposed version blocks and the current one does not.
    public var newlyBlocked: [Change] = []
    /// Events the current version blocks and the proposed one does not.
    public var noLongerBlocked: [Change] = []
    /// Events both versions block, but not by the same rules: what a policy change reaches that
    /// was already blocked, or what it stops catching while another rule still does.
    public var blockedByOtherRules: [Reblock] = []

    /// An event both versions block, with each version's blocking rules.
    public struct Reblock: Sendable {
        public let event: EventReference
        public let rulesBefore: [String]
        public let rulesAfter: [String]
    }

    public init() {}

    /// Replays a stream under both versions, comparing which events each blocks.
    public static func replay(
        stream: () throws -> UsageStreamReader, streamPath: String, before: StreamEvaluator, after: StreamEvaluator
    ) throws -> UsageReplay {
        func blocking(_ evaluator: StreamEvaluator) throws -> (blocked: [Int: (EventReference, [String])], counts: StreamCounts) {
            var blocked: [Int: (EventReference, [String])] = [:]
            var tally = RunTally()
            var attribution: Attribution?
            let counts = try evaluator.evaluate(
                try stream(), streamPath: streamPath, tally: &tally, attribution: &attribution,
                callbacks: .init(finding: { finding in
                    guard finding.enforcement == .block, let event = finding.event else { return }
                    blocked[event.line, default: (event, [])].1.append(finding.rule.fullID)
                }, diagnostic: { _ in }))
            return (blocked, counts)
        }
        let current = try blocking(before)
        let proposed = try blocking(after)
        var replay = UsageReplay()
        replay.events = proposed.counts.events
        replay.malformed = proposed.counts.malformed
        for line in proposed.blocked.keys.sorted() where current.blocked[line] == nil {
            if let (event, rules) = proposed.blocked[line] { replay.newlyBlocked.append(Change(event: event, rules: rules)) }
        }
        for line in current.blocked.keys.sorted() {
            guard let (event, rulesBefore) = current.blocked[line] else { continue }
            guard let (_, rulesAfter) = proposed.blocked[line] else {
                replay.noLongerBlocked.append(Change(event: event, rules: rulesBefore))
                continue
            }
            if Set(rulesBefore) != Set(rulesAfter) {
                replay.blockedByOtherRules.append(Reblock(event: event, rulesBefore: rulesBefore, rulesAfter: rulesAfter))
            }
        }
        return replay
    }
}
