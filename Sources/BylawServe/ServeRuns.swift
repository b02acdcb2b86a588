import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML
import CEL

/// The library runs the server calls, the same ones `bylaw lint`, `bylaw plan` and every
/// policy-reading command call: compile a policy set, load a workspace, lint a config, plan a
/// change. Kept together so the server follows the commands wherever those runs move.
enum ServeRuns {
    /// Compiles the policy set at `paths`.
    static func compile(
        paths: [String], today: CalendarDate, budgetOverride: [CELBudgetDimension: Int]
    ) -> (set: PolicySet?, files: [SourceFile], diagnostics: [Diagnostic]) {
        PolicySetLoader.compile(paths: paths, today: today, budgetOverride: budgetOverride)
    }

    /// Loads the workspace config at `path`.
    static func loadWorkspace(path: String) -> WorkspaceLoadResult {
        WorkspaceLoader.load(path: path)
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

    /// Lints one workspace: the findings of the `on: workspace` rules, counted in `tally`.
    static func lint(_ workspace: Workspace, path: String, policies: PolicySet, tally: inout RunTally) -> [Finding] {
        lint(WorkspaceGraph(workspace), path: path, policies: policies, tally: &tally)
    }

    private static func lint(_ graph: WorkspaceGraph, path: String, policies: PolicySet, tally: inout RunTally) -> [Finding] {
        var findings: [Finding] = []
        WorkspaceEvaluator(rules: policies.rules).evaluate(graph, inputPath: path, tally: &tally) { findings.append($0) }
        return findings
    }

    /// The plan of a config change under one policy set, as `bylaw plan` makes it without usage.
    static func plan(before: (workspace: Workspace, path: String), after: (workspace: Workspace, path: String), policies: PolicySet) -> ChangePlan {
        let current = WorkspaceGraph(before.workspace)
        let proposed = WorkspaceGraph(after.workspace)
        var plan = ChangePlan()
        var tally = RunTally()
        let beforeFindings = lint(current, path: before.path, policies: policies, tally: &tally)
        let afterFindings = lint(proposed, path: after.path, policies: policies, tally: &tally)
        (plan.added, plan.fixed, plan.unchanged) = ChangePlan.diff(before: beforeFindings, after: afterFindings)
        plan.changeFindings = ChangePlan.changeFindings(policies.rules, before: current, after: proposed, afterPath: after.path)
        return plan
    }

    /// A decider for the usage rules of `policies` against its own graph of `workspace` (a
    /// graph is evaluated by one thread at a time, so every decider gets one). The graph must
    /// outlive the decider: its objects refer to it without keeping it.
    static func decider(policies: PolicySet, workspace: Workspace) -> (UsageDecider, WorkspaceGraph) {
        let graph = WorkspaceGraph(workspace)
        return (UsageDecider(policies: policies, workspace: graph), graph)
    }
}
