import ArgumentParser
import BylawEval
import BylawPolicy
import BylawReport
import BylawSource

/// `bylaw check [POLICIES…] [--workspace W…]`: compile the policy set and print every
/// diagnostic, with the literals naming no id of the workspaces given.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compile the policy set and print its diagnostics.",
        discussion: "Exit code 0 when it compiles (warnings allowed unless --strict), 2 on any error."
    )

    @Argument(help: "Policy files or directories (default: Policies/).")
    var paths: [String] = []

    /// What `check` prints: compile diagnostics, as text or for a CI system.
    enum Format: String, CommandFormat { case text, json, sarif, junit, github }

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Flag(name: .long, help: "Treat warnings as failures (exit code 1).")
    var strict = false

    @Option(name: .long, help: "A workspace config whose ids literals in the policies are checked against (repeatable).")
    var workspace: [String] = []

    @OptionGroup var options: PolicyOptions

    func run() throws {
        let result = PolicySetLoader.compile(paths: PolicyLoading.paths(paths), today: try PolicyLoading.today(), budgetOverride: options.budgetOverride)
        var diagnostics = PolicyLoading.pointing(result.diagnostics, at: .argument(command: "check"), defaulted: paths.isEmpty)
        if !workspace.isEmpty {
            let loaded = WorkspaceIDCheck.load(workspace)
            diagnostics += loaded.diagnostics + (result.set.map { WorkspaceIDCheck.diagnostics($0, against: loaded.ids) } ?? [])
        }
        let bag = DiagnosticBag(diagnostics)
        let exit: BylawExit = bag.hasErrors ? .invalidInput : (strict && bag.warningCount > 0 ? .findings : .clean)
        switch format {
        case .json:
            Terminal.out(DiagnosticsReport.json(bag.sorted().shown) + "\n")
        case .sarif:
            Terminal.out(DiagnosticsReport.sarif(bag.sorted().shown, exitCode: Int(exit.rawValue)) + "\n")
        case .junit:
            Terminal.out(DiagnosticsReport.junit(bag.sorted().shown, files: result.files.map(\.path)))
        case .github:
            Terminal.out(DiagnosticsReport.github(bag.sorted().shown))
        case .text:
            Terminal.out(DiagnosticPrinter(style: Terminal.style(for: 1)).render(bag, limit: options.maxDiagnostics))
            let rules = result.set?.rules.count ?? 0
            let summary = bag.hasErrors
                ? "\(bag.errorCount) error\(bag.errorCount == 1 ? "" : "s"), \(bag.warningCount) warning\(bag.warningCount == 1 ? "" : "s")"
                : "\(result.files.count) file\(result.files.count == 1 ? "" : "s"), \(rules) rule\(rules == 1 ? "" : "s") compiled, \(bag.warningCount) warning\(bag.warningCount == 1 ? "" : "s")"
            Terminal.err(summary + "\n")
        }
        if exit != .clean { throw exit.exitCode }
    }
}
