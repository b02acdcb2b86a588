import ArgumentParser
import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML
import CEL

/// `bylaw expr EXPR`: check and evaluate one CEL expression in the policy environment.
struct ExprCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "expr",
        abstract: "Evaluate one CEL expression and print its value as JSON.",
        discussion: """
            The expression sees `event` (from --event, else an empty event), `workspace` (from \
            --workspace, else an empty workspace) and every --var, with the domain's types and \
            functions. A compile error prints the diagnostic and exits 2; an evaluation error prints \
            it and exits 1.

            Examples:
              bylaw expr '1 + 2'
              bylaw expr 'workspace.org("us-legal").billing.silo' --workspace Examples/workspaces/acme.yaml
              bylaw expr 'event.artifact.classification in ["client", "patient"]' --event event.json
              bylaw expr 'limit * 2' --var 'limit=21'
            """
    )

    @Argument(help: "The CEL expression.")
    var expression: String

    @Option(name: .long, help: "A usage event: a JSON (or YAML) file holding one event.")
    var event: String?

    @Option(name: .long, help: "A workspace config (YAML).")
    var workspace: String?

    @Option(name: .customLong("var"), help: "NAME=JSON: a variable of type dyn (repeatable).")
    var variables: [String] = []

    @Option(
        name: .long,
        help: ArgumentHelp("Evaluation budget: iterations=N, memory=SIZE (16MiB) or regex_steps=N; repeatable.", valueName: "name=limit"))
    var budget: [String] = []

    func validate() throws {
        _ = try BudgetArguments.parse(budget)
    }

    func run() throws {
        var run = ExpressionRun()
        run.budget = CELBudget.standard.overriding(try BudgetArguments.parse(budget))
        for assignment in variables {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw ValidationError("--var takes NAME=JSON, e.g. --var 'limit=21'; found '\(assignment)'")
            }
            let name = String(assignment[..<equals])
            let node = try EventInput.loadYAML(SourceFile(path: "--var \(name)", text: String(assignment[assignment.index(after: equals)...])))
            run.variables.append((name, node.celValue))
        }
        if let workspace { run.workspace = WorkspaceGraph(try InputFailure.loadWorkspace(workspace)) }
        if let event { run.event = try EventInput.load(event) }
        switch run.run(expression) {
        case .value(let result):
            Terminal.out(result.value.bylawJSON + "\n")
        case .invalid(let diagnostics):
            throw InputFailure.report(diagnostics)
        case .failed(let diagnostic):
            Terminal.err(DiagnosticPrinter(style: Terminal.style(for: 2)).render(diagnostic))
            throw BylawExit.findings.exitCode
        }
    }
}
