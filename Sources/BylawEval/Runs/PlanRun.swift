import BylawModel
import BylawPolicy
import BylawSource

/// `bylaw plan` as a library call: lint the current config with the current policies and the
/// proposed config with the proposed policies, judge the transition with the `on: change`
/// rules, and (given past usage) replay it under both versions.
public struct PlanRun {
    /// One version: its policies and its config.
    public struct Version {
        public let policies: PolicySet
        public let workspace: WorkspaceGraph
        /// The config's name in findings.
        public let path: String

        public init(policies: PolicySet, workspace: WorkspaceGraph, path: String) {
            self.policies = policies
            self.workspace = workspace
            self.path = path
        }
    }

    public let current: Version
    public let proposed: Version
    /// Fail on anything the change introduces, whatever its enforcement.
    public var strict = false

    public init(current: Version, proposed: Version, strict: Bool = false) {
        self.current = current
        self.proposed = proposed
        self.strict = strict
    }

    /// What the change does, and whether it fails.
    public struct Result: Sendable {
        public let plan: ChangePlan
        public let status: RunStatus
    }

    /// Plans the change. `usage` opens past usage to replay (called once per version: a stream
    /// that cannot be read twice must be spooled by the caller); a read error is thrown as the
    /// stream's diagnostic.
    public func run(usage: (path: String, open: () throws -> UsageStreamReader)? = nil) throws -> Result {
        var plan = ChangePlan()
        let beforeFindings = Self.lint(current)
        let afterFindings = Self.lint(proposed)
        (plan.added, plan.fixed, plan.unchanged) = ChangePlan.diff(before: beforeFindings, after: afterFindings)
        plan.changeFindings = ChangePlan.changeFindings(
            proposed.policies.rules, before: current.workspace, after: proposed.workspace, afterPath: proposed.path)
        if let usage {
            plan.usage = try UsageReplay.replay(
                stream: usage.open, streamPath: usage.path,
                before: StreamEvaluator(policies: current.policies, workspace: current.workspace),
                after: StreamEvaluator(policies: proposed.policies, workspace: proposed.workspace))
        }
        return Result(plan: plan, status: plan.fails(strict: strict) ? .findings : .clean)
    }

    private static func lint(_ version: Version) -> [Finding] {
        var findings: [Finding] = []
        var tally = RunTally()
        WorkspaceEvaluator(rules: version.policies.rules).evaluate(version.workspace, inputPath: version.path, tally: &tally) { findings.append($0) }
        return findings
    }
}
