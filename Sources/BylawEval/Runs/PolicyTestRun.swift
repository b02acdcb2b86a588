import BylawPolicy
import BylawSource

/// `bylaw test` as a library call: every test written in the policies, the rules no test
/// covers, and the branches and exceptions no test exercised; reports print the outcome as
/// text, JSON or JUnit.
public struct PolicyTestRun {
    public let policies: PolicySet
    /// Whether an uncovered rule or a coverage gap fails the run.
    public var strict: Bool
    /// Folders (besides each policy file's own) tests' workspace paths may lead into.
    public var workspaceRoots: [String]?

    public init(policies: PolicySet, strict: Bool = false, workspaceRoots: [String]? = nil) {
        self.policies = policies
        self.strict = strict
        self.workspaceRoots = workspaceRoots
    }

    /// Every test's result and the coverage gaps, with the status they add up to.
    public struct Outcome: Sendable {
        /// Every test's result, in file order.
        public let results: [PolicyTestResult]
        /// Rules no test of their policy expects to fire.
        public let uncovered: [RuleDescriptor]
        /// Branches of `all:`/`any:` and exceptions no test exercised, in the rules some test
        /// expects to fire.
        public let gaps: [CoverageGap]
        /// Whether uncovered rules and coverage gaps fail the run (they are then errors, not
        /// warnings).
        public let strict: Bool
        /// Warnings about the policies that only the tests' workspaces could show: literals
        /// naming no id of them (``WorkspaceIDCheck``). A door prints them with the policies'
        /// compile warnings; they never fail the run.
        public let policyWarnings: [Diagnostic]

        public init(results: [PolicyTestResult], uncovered: [RuleDescriptor], gaps: [CoverageGap] = [], strict: Bool, policyWarnings: [Diagnostic] = []) {
            self.results = results
            self.uncovered = uncovered
            self.gaps = gaps
            self.strict = strict
            self.policyWarnings = policyWarnings
        }

        /// Tests that passed.
        public var passed: Int { results.count { $0.passed } }
        /// Tests whose fired rules differ from those expected.
        public var failed: Int { results.count { if case .failed = $0.outcome { return true } else { return false } } }
        /// Tests whose inputs could not be read.
        public var invalid: Int { results.count { if case .invalid = $0.outcome { return true } else { return false } } }

        /// Invalid input beats failures, which beat coverage gaps under `strict`.
        public var status: RunStatus {
            if invalid > 0 { return .invalidInput }
            if failed > 0 || (strict && (!uncovered.isEmpty || !gaps.isEmpty)) { return .findings }
            return .clean
        }
    }

    public func run() -> Outcome {
        var runner = PolicyTestRunner(set: policies, workspaceRoots: workspaceRoots)
        let results = runner.run()
        return Outcome(
            results: results, uncovered: runner.uncoveredRules().map(\.descriptor), gaps: runner.coverageGaps(), strict: strict,
            policyWarnings: runner.unknownIDs())
    }
}
