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

    @Option(
        name: .customLong("max-input-size"),
        help: ArgumentHelp("Largest workspace config read (each is read whole, in memory): at most 2GiB.", valueName: "size"))
    var maxInputSize = "256MiB"

    @OptionGroup var options: PolicyOptions

    /// Past 2 GiB the YAML layer's 32-bit offsets would not hold.
    static let largestInputLimit = 2 << 30

    func validate() throws {
        let bytes = try ServiceArguments.size(maxInputSize, "--max-input-size")
        guard bytes <= Self.largestInputLimit else {
            throw ValidationError("--max-input-size must be at most 2GiB, found '\(maxInputSize)'")
        }
    }

    func run() throws {
        let set = try PolicyLoading.compileOrExit(policies, format: format.report, pointer: .option, options: options)
        let sink = format.report.makeSink(
            style: Terminal.style(for: 1), diagnosticLimit: options.maxDiagnostics,
            closing: TextReport.Closing(summary: summary, countsFiles: true), output: Terminal.out,
            bytes: Terminal.out(bytes:))
        let maxInputBytes = try ServiceArguments.size(maxInputSize, "--max-input-size")
        let result = LintRun(policies: set, strict: strict, maxInputBytes: maxInputBytes).run(workspaces.map(LintRun.Input.path), into: sink)
        sink.finish(result)
        PolicyLoading.printWarnings(result.policyWarnings, options: options)
        let exit = BylawExit(result.status)
        if exit != .clean { throw exit.exitCode }
    }
}
