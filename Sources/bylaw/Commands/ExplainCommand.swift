import ArgumentParser
import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource

/// `bylaw explain`: why each rule fired or did not on one event, one workspace config or one change.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show why each rule fired or did not on one event, workspace config or change.",
        discussion: """
            Give one input: --event FILE (one usage event, JSON or YAML; with --workspace FILE for the \
            workspace it belongs to) for the 'on: usage' rules, --workspace FILE alone for the \
            'on: workspace' rules, or --before FILE --after FILE for the 'on: change' rules. --rule \
            POLICY/RULE (or RULE) explains one rule; by default every rule the input runs.

            Each rule shows its 'where' and its condition as written, every part with its value and \
            its line in the policy, the values each part read (event.artifact.classification = \
            "client"), the macros it used, expanded, each exception and whether it applied, and what \
            the rule reported. Exit code 1 when a rule at 'block' enforcement fires (or cannot be \
            evaluated), 2 when an input cannot be read or --rule names no rule the input runs.

            Examples:
              bylaw explain --event event.json --workspace Examples/workspaces/acme.yaml
              bylaw explain --event event.json --rule client-data/no-client-data-in-consumer-chat
              bylaw explain --workspace Examples/workspaces/violates-app-owner-active.yaml --rule apps/app-owner-active
              bylaw explain --before Examples/workspaces/acme.yaml --after Examples/changes/acme-proposed.yaml
            """
    )

    @Option(name: .long, help: "A usage event: a JSON (or YAML) file holding one event.")
    var event: String?

    @Option(name: .long, help: "A workspace config: the event's workspace, or (alone) the config to explain.")
    var workspace: String?

    @Option(name: .long, help: "The current workspace config of a change (with --after).")
    var before: String?

    @Option(name: .long, help: "The proposed workspace config of a change (with --before).")
    var after: String?

    @Option(name: .long, help: ArgumentHelp("The rule to explain (default: every rule the input runs).", valueName: "policy/rule"))
    var rule: String?

    @Option(name: .long, help: "Policy files or directories (default: Policies/).")
    var policies: [String] = []

    /// What `explain` prints: the explanations, for people or for tools.
    enum Format: String, CommandFormat { case text, json }

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @OptionGroup var options: PolicyOptions

    func validate() throws {
        if (before == nil) != (after == nil) { throw ValidationError("--before and --after go together: give both, the current config and the proposed one") }
        if before != nil, event != nil || workspace != nil {
            throw ValidationError("a change (--before, --after) is explained alone: leave out --event and --workspace")
        }
        if event == nil, workspace == nil, before == nil {
            throw ValidationError("give the input to explain: --event FILE, --workspace FILE, or --before FILE --after FILE")
        }
    }

    func run() throws {
        let set = try PolicyLoading.compileOrExit(policies, format: format.report, pointer: .option, options: options)
        let input: ExplainRun.Input
        if let before, let after {
            let current = try InputFailure.loadWorkspace(before, limit: options.maxDiagnostics)
            let proposed = try InputFailure.loadWorkspace(after, limit: options.maxDiagnostics)
            input = .change(before: WorkspaceGraph(current), after: WorkspaceGraph(proposed))
        } else if let event {
            let loaded = try EventInput.load(event)
            input = .event(loaded, workspace: try workspace.map { WorkspaceGraph(try InputFailure.loadWorkspace($0, limit: options.maxDiagnostics)) })
        } else {
            input = .workspace(WorkspaceGraph(try InputFailure.loadWorkspace(workspace, limit: options.maxDiagnostics)))
        }
        let outcome: ExplainRun.Outcome
        switch ExplainRun(policies: set, rule: rule).run(input) {
        case .success(let explained): outcome = explained
        case .failure(let diagnostic): throw InputFailure.report([diagnostic])
        }
        let report = ExplanationReport(outcome.explanations, trigger: input.trigger)
        switch format {
        case .text: Terminal.out(report.text(style: Terminal.style(for: 1)))
        case .json: Terminal.out(report.json().pretty + "\n")
        }
        let exit = BylawExit(outcome.status)
        if exit != .clean { throw exit.exitCode }
    }
}
