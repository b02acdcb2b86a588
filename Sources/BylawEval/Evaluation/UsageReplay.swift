import BylawModel
import BylawPolicy
import BylawSource

/// Past usage replayed under the current and the proposed version: the events the change
/// would newly block or stop blocking (with who made them and why), the ones blocked by other
/// rules, and the new findings below `block`.
public struct UsageReplay: Sendable {
    /// A rule that blocks an event, with the message it gave.
    public struct Reason: Sendable, Equatable {
        /// `POLICY/RULE`.
        public let rule: String
        /// The rule's message for the event.
        public let message: String

        /// A rule and its message.
        public init(rule: String, message: String) {
            self.rule = rule
            self.message = message
        }
    }

    /// An event one version blocks and the other does not.
    public struct Change: Sendable {
        public let event: EventReference
        /// The blocking rules that fire on the event in the version that blocks it.
        public let rules: [String]
        /// The same rules with their messages, in the same order.
        public let reasons: [Reason]

        /// The event's user, when it names one.
        public var user: String? { event.user }
        /// The event's org, when it names one.
        public var org: String? { event.org }
    }

    /// A name (a user, a rule) and how many events it accounts for.
    public struct Count: Sendable, Equatable {
        /// The user's id or the rule's `POLICY/RULE`.
        public let name: String
        /// How many newly blocked events it accounts for.
        public let events: Int

        /// A name and its count.
        public init(name: String, events: Int) {
            self.name = name
            self.events = events
        }
    }

    /// Events replayed (in the proposed version's reading; both read the same stream).
    public var events = 0
    /// Malformed lines skipped.
    public var malformed = 0
    /// Events the proposed version blocks and the current one does not.
    public var newlyBlocked: [Change] = []
    /// Events the current version blocks and the proposed one does not.
    public var noLongerBlocked: [Change] = []
    /// Events both versions block, but not by the same rules: what a policy change reaches that
    /// was already blocked, or what it stops catching while another rule still does.
    public var blockedByOtherRules: [Reblock] = []
    /// Findings at `warn` or `audit` the proposed version reports and the current one does not
    /// (matched by event line, rule and message).
    public var newFindings: [Finding] = []

    /// An event both versions block, with each version's blocking rules.
    public struct Reblock: Sendable {
        public let event: EventReference
        public let rulesBefore: [String]
        public let rulesAfter: [String]
    }

    public init() {}

    /// The users of the newly blocked events, most events first (`(none)` for events without
    /// a user).
    public var newlyBlockedByUser: [Count] { Self.count(newlyBlocked.map { [$0.user ?? "(none)"] }) }

    /// The rules blocking the newly blocked events, most events first.
    public var newlyBlockedByRule: [Count] { Self.count(newlyBlocked.map(\.rules)) }

    /// How many distinct users the newly blocked events have (an event without a user counts as one).
    public var newlyBlockedUsers: Int { newlyBlockedByUser.count }

    private static func count(_ names: [[String]]) -> [Count] {
        var counts: [String: Int] = [:]
        for list in names {
            for name in Set(list) { counts[name, default: 0] += 1 }
        }
        return counts.map { Count(name: $0.key, events: $0.value) }
            .sorted { $0.events != $1.events ? $0.events > $1.events : $0.name < $1.name }
    }

    /// Replays a stream under both versions, comparing which events each blocks. The
    /// evaluators record each event's user and org (``StreamEvaluator/recordsActors``).
    public static func replay(
        stream: () throws -> UsageStreamReader, streamPath: String, before: StreamEvaluator, after: StreamEvaluator
    ) throws -> UsageReplay {
        func findings(_ evaluator: StreamEvaluator) throws -> (byLine: [Int: [Finding]], counts: StreamCounts) {
            var evaluator = evaluator
            evaluator.recordsActors = true
            var byLine: [Int: [Finding]] = [:]
            var tally = RunTally()
            var attribution: Attribution?
            let counts = try evaluator.evaluate(
                try stream(), streamPath: streamPath, tally: &tally, attribution: &attribution,
                callbacks: .init(finding: { finding in
                    guard let event = finding.event else { return }
                    byLine[event.line, default: []].append(finding)
                }, diagnostic: { _ in }))
            return (byLine, counts)
        }
        func blocking(_ list: [Finding]?) -> [Finding] { (list ?? []).filter { $0.enforcement == .block } }
        func change(_ blocking: [Finding]) -> Change? {
            guard let event = blocking.first?.event else { return nil }
            return Change(
                event: event, rules: blocking.map(\.rule.fullID),
                reasons: blocking.map { Reason(rule: $0.rule.fullID, message: $0.message) })
        }
        let current = try findings(before)
        let proposed = try findings(after)
        var replay = UsageReplay()
        replay.events = proposed.counts.events
        replay.malformed = proposed.counts.malformed
        for line in Set(current.byLine.keys).union(proposed.byLine.keys).sorted() {
            let blockedBefore = blocking(current.byLine[line])
            let blockedAfter = blocking(proposed.byLine[line])
            if blockedBefore.isEmpty, let newly = change(blockedAfter) {
                replay.newlyBlocked.append(newly)
            } else if blockedAfter.isEmpty, let freed = change(blockedBefore) {
                replay.noLongerBlocked.append(freed)
            } else if let event = blockedBefore.first?.event {
                let rulesBefore = blockedBefore.map(\.rule.fullID)
                let rulesAfter = blockedAfter.map(\.rule.fullID)
                if Set(rulesBefore) != Set(rulesAfter) {
                    replay.blockedByOtherRules.append(Reblock(event: event, rulesBefore: rulesBefore, rulesAfter: rulesAfter))
                }
            }
            var earlier: [String: Int] = [:]
            for finding in current.byLine[line] ?? [] where finding.enforcement != .block { earlier[key(finding), default: 0] += 1 }
            for finding in proposed.byLine[line] ?? [] where finding.enforcement != .block {
                let k = key(finding)
                if let count = earlier[k], count > 0 {
                    earlier[k] = count - 1
                } else {
                    replay.newFindings.append(finding)
                }
            }
        }
        return replay
    }

    private static func key(_ finding: Finding) -> String {
        "\(finding.rule.fullID)\u{1F}\(finding.kind.rawValue)\u{1F}\(finding.message)"
    }
}
