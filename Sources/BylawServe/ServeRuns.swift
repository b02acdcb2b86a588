import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML
import CEL

/// The library runs the server calls, the same ones `bylaw lint`, `bylaw plan` and every
/// policy-reading command call: compile a policy set, load a workspace, lint a config
/// (``LintRun``), plan a change (``PlanRun``). Kept together so the server follows the commands
/// wherever those runs move.
enum ServeRuns {
    /// Compiles the policy set at `paths`.
    static func compile(
        paths: [String], today: CalendarDate, budgetOverride: [CELBudgetDimension: Int]
    ) -> (set: PolicySet?, files: [SourceFile], diagnostics: [Diagnostic]) {
        PolicySetLoader.compile(paths: paths, today: today, budgetOverride: budgetOverride)
    }

    /// Loads a workspace config held in a request body.
    static func loadWorkspace(_ file: SourceFile) -> WorkspaceLoadResult {
        WorkspaceLoader.load(file)
    }

    /// Loads one workspace config from a node of an already parsed document (a side of a plan).
    static func loadWorkspace(_ node: YAMLNode, file: SourceFile) -> WorkspaceLoadResult {
        WorkspaceLoader.load(node, file: file)
    }

    /// Parses a request body as YAML.
    static func parseYAML(_ file: SourceFile) -> YAMLLoadResult {
        YAMLLoader.load(file)
    }

    /// `bylaw lint` on a config held in a request body: what it reports, kept, and its result.
    static func lint(_ file: SourceFile, policies: PolicySet) -> (report: FindingCollector, result: RunResult) {
        let report = FindingCollector()
        let result = LintRun(policies: policies).run([.file(file)], into: report)
        return (report, result)
    }

    /// The plan of a config change under one policy set, as `bylaw plan` makes it without usage.
    static func plan(before: (workspace: Workspace, path: String), after: (workspace: Workspace, path: String), policies: PolicySet) throws -> ChangePlan {
        let run = PlanRun(
            current: .init(policies: policies, workspace: WorkspaceGraph(before.workspace), path: before.path),
            proposed: .init(policies: policies, workspace: WorkspaceGraph(after.workspace), path: after.path))
        return try run.run().plan
    }

    /// A decider for the usage rules of `policies` against its own graph of `workspace` (a
    /// graph is evaluated by one thread at a time, so every decider gets one). The graph must
    /// outlive the decider: its objects refer to it without keeping it.
    static func decider(policies: PolicySet, workspace: Workspace) -> (UsageDecider, WorkspaceGraph) {
        let graph = WorkspaceGraph(workspace)
        return (UsageDecider(policies: policies, workspace: graph), graph)
    }
}
