import BylawPolicy
import BylawSource

/// Counts of a run, for the summary every report ends with.
public struct RunTally: Sendable {
    public var findings = 0
    public var evaluationErrors = 0
    public var excepted = 0
    public var byRule: [String: Int] = [:]
    public var byEnforcement: [Enforcement: Int] = [:]

    public init() {}

    public mutating func count(_ finding: Finding) {
        findings += 1
        if finding.kind == .evaluationError { evaluationErrors += 1 }
        byRule[finding.rule.fullID, default: 0] += 1
        byEnforcement[finding.enforcement, default: 0] += 1
    }

    /// Per-rule counts kept by a caller that numbers its rules itself (the stream evaluator's
    /// plan entries): counting a finding is then an array increment, not the two dictionary
    /// updates of ``count(_:)`` (hashing the rule id on every finding of a long stream).
    /// ``fold(_:ruleIDs:)`` adds them into `byRule` and `byEnforcement`.
    public struct RuleCounts: Sendable {
        var findings: [Int]
        var byEnforcement: [Int]

        /// Counts for rules numbered `0..<rules`.
        public init(rules: Int) {
            findings = [Int](repeating: 0, count: rules)
            byEnforcement = [Int](repeating: 0, count: Enforcement.allCases.count)
        }
    }

    /// ``count(_:)`` for the finding of rule number `rule` in `counts`.
    public mutating func count(_ finding: Finding, rule: Int, in counts: inout RuleCounts) {
        count(finding.kind, enforcement: finding.enforcement, rule: rule, in: &counts)
    }

    /// ``count(_:rule:in:)`` for a finding of `kind` at `enforcement` that was never made (a
    /// lent ``StreamViolation``).
    public mutating func count(_ kind: Finding.Kind, enforcement: Enforcement, rule: Int, in counts: inout RuleCounts) {
        findings += 1
        if kind == .evaluationError { evaluationErrors += 1 }
        counts.findings[rule] += 1
        if let level = Enforcement.allCases.firstIndex(of: enforcement) { counts.byEnforcement[level] += 1 }
    }

    /// Adds `counts` into `byRule` (rule number `i` is `ruleIDs[i]`) and `byEnforcement`.
    public mutating func fold(_ counts: RuleCounts, ruleIDs: [String]) {
        for (rule, count) in counts.findings.enumerated() where count > 0 { byRule[ruleIDs[rule], default: 0] += count }
        for (level, count) in counts.byEnforcement.enumerated() where count > 0 {
            byEnforcement[Enforcement.allCases[level], default: 0] += count
        }
    }

    /// Adds another tally's counts (a part of the same run) into this one.
    public mutating func add(_ other: RunTally) {
        findings += other.findings
        evaluationErrors += other.evaluationErrors
        excepted += other.excepted
        for (rule, count) in other.byRule { byRule[rule, default: 0] += count }
        for (level, count) in other.byEnforcement { byEnforcement[level, default: 0] += count }
    }

    /// Whether the run fails: a finding at `block` (evaluation errors included, since an error
    /// is never read as "allowed"), or any finding with `strict`.
    public func fails(strict: Bool) -> Bool {
        strict ? findings > 0 : (byEnforcement[.block] ?? 0) > 0
    }

    /// The counting part of a summary.
    public var json: [(String, JSONValue)] {
        [
            ("findings", .int(Int64(findings))),
            ("evaluation_errors", .int(Int64(evaluationErrors))),
            ("excepted", .int(Int64(excepted))),
            ("by_enforcement", .object(Enforcement.allCases.reversed().map { ($0.rawValue, .int(Int64(byEnforcement[$0] ?? 0))) })),
            ("by_rule", .object(byRule.keys.sorted().map { ($0, .int(Int64(byRule[$0] ?? 0))) })),
        ]
    }
}
