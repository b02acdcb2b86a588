import ArgumentParser
import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource

/// `bylaw eval USAGE --workspace W`: evaluate the `on: usage` rules over a usage stream.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Evaluate usage rules over a usage stream (a file or -).",
        discussion: """
            One decision per finding, then a summary accounting for every line (read, evaluated, \
            blank, malformed). A malformed line is reported with its line number and the stream goes \
            on; --max-errors N stops after N of them (exit code 2). Otherwise the exit code follows \
            the findings: 1 when a rule at 'block' enforcement fires (any finding with --strict).
            """
    )

    @Argument(help: "The usage stream: NDJSON, one event per line; '-' reads standard input.")
    var usage: String

    @Option(name: .long, help: "The workspace config the events belong to.")
    var workspace: String

    @Option(name: .long, help: "Policy files or directories (default: Policies/).")
    var policies: [String] = []

    /// What `eval` prints: findings and the summary.
    enum Format: String, CommandFormat { case text, ndjson, json, sarif }

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Flag(name: .long, help: "Add attribution to the summary: events and spend by billing account and by org.")
    var summary = false

    @Option(name: .long, help: "Stop after this many malformed lines (exit code 2).")
    var maxErrors: Int?

    @Flag(name: .long, help: "Fail (exit code 1) on any finding, whatever its enforcement.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp(
        "Threads deciding a file's events side by side (default: the cores available). The output is the same for any number.",
        discussion: "Standard input is read on one thread."))
    var jobs: Int?
    @Flag(name: .long, help: "Attach to each finding why its rule fired (json and ndjson output; see bylaw explain).")
    var explain = false

    @OptionGroup var options: PolicyOptions

    /// More threads than this only add blocks in flight.
    static let maxJobs = 256

    func validate() throws {
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
        if let jobs, !(1...Self.maxJobs).contains(jobs) { throw ValidationError("--jobs must be between 1 and \(Self.maxJobs)") }
        if explain, format != .json, format != .ndjson {
            throw ValidationError("--explain attaches explanations to json and ndjson findings; add --format json or --format ndjson (or use bylaw explain --event FILE)")
        }
    }

    func run() throws {
        let set = try PolicyLoading.compileOrExit(policies, format: format.report, pointer: .option, options: options)
        let model = try InputFailure.loadWorkspace(workspace, limit: options.maxDiagnostics)
        let reader: UsageStreamReader
        do {
            reader = usage == "-" ? UsageStreamReader(fileDescriptor: 0, name: "<stdin>") : try UsageStreamReader(path: usage)
        } catch {
            throw InputFailure.report([error])
        }
        let streamPath = usage == "-" ? "<stdin>" : usage
        let sink = format.report.makeSink(style: Terminal.style(for: 1), diagnosticLimit: options.maxDiagnostics, output: Terminal.out,
            bytes: Terminal.out(bytes:))
        var run = EvalRun(policies: set, workspace: WorkspaceGraph(model))
        run.maxErrors = maxErrors
        run.strict = strict
        run.attribution = summary
        run.jobs = jobs ?? AvailableCores.count
        if run.jobs > 1 { FreedMemory.keepForReuse() }
        run.explains = explain
        let progress = ProgressLine(enabled: Terminal.isTerminal(2))
        // Once nobody reads stdout (`| head`) or it cannot be written, reading on is wasted.
        let result = try run.run(reader, streamPath: streamPath, into: sink, progress: progress.update, stop: { !Terminal.outputIsOpen })
        progress.clear()
        sink.finish(result)
        let exit = BylawExit(result.status)
        if exit != .clean { throw exit.exitCode }
    }
}
