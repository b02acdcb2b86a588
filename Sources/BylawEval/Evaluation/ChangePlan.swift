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
