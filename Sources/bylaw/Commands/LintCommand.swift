import ArgumentParser
import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource

/// `bylaw lint WORKSPACE…`: evaluate the `on: workspace` rules on workspace configs.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Evaluate workspace rules on workspace configs.",
        discussion: """
            The text output ends with one line counting files and findings; --summary adds the \
            run's full summary (as json, sarif and ndjson always carry it).

            Exit code 0 when clean, 1 when a rule at 'block' enforcement fires (any finding with \
            --strict), 2 when a config or the policies cannot be read.
            """
    )

    @Argument(help: "Workspace config files (YAML).")
    var workspaces: [String]

    @Option(name: .long, help: "Policy files or directories (default: Policies/).")
    var policies: [String] = []

    /// What `lint` prints: findings and the summary.
    enum Format: String, CommandFormat { case text, json, ndjson, sarif, junit, github }

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Flag(name: .long, help: "Fail (exit code 1) on any finding, whatever its enforcement.")
    var strict = false

    @Flag(name: .long, help: "End the text output with the run's full summary (counts by enforcement and rule).")
    var summary = false

    @OptionGroup var options: PolicyOptions

    func run() throws {
        let set = try PolicyLoading.compileOrExit(policies, format: format.report, pointer: .option, options: options)
        let sink = format.report.makeSink(
            style: Terminal.style(for: 1), diagnosticLimit: options.maxDiagnostics,
            closing: TextReport.Closing(summary: summary, countsFiles: true), output: Terminal.out,
            bytes: Terminal.out(bytes:))
        let result = LintRun(policies: set, strict: strict).run(workspaces.map(LintRun.Input.path), into: sink)
        sink.finish(result)
        PolicyLoading.printWarnings(result.policyWarnings, options: options)
        let exit = BylawExit(result.status)
        if exit != .clean { throw exit.exitCode }
    }
}
