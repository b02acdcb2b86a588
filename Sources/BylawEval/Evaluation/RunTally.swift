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
