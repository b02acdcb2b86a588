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

    @OptionGroup var options: PolicyOptions

    func validate() throws {
        if let maxErrors, maxErrors < 1 { throw ValidationError("--max-errors must be at least 1") }
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
        let evaluator = StreamEvaluator(policies: set, workspace: WorkspaceGraph(model))
        sink.begin(rules: evaluator.rules.map(\.descriptor), inputs: [streamPath])
        var tally = RunTally()
        var attribution: Attribution? = summary ? Attribution() : nil
        let progress = ProgressLine(enabled: Terminal.isTerminal(2))
        let counts = try evaluator.evaluate(
            reader, streamPath: streamPath, maxErrors: maxErrors, tally: &tally, attribution: &attribution,
            // Once nobody reads stdout (`| head`) or it cannot be written, reading on is wasted.
            callbacks: .init(finding: sink.emit, diagnostic: sink.emit, progress: progress.update, stop: { !Terminal.outputIsOpen }))
        progress.clear()
        var fields: [(String, JSONValue)] = [("lines", counts.json)] + tally.json
        if let attribution { fields.append(("attribution", attribution.json)) }
        let exit: BylawExit = counts.stoppedEarly ? .invalidInput : (tally.fails(strict: strict) ? .findings : .clean)
        (sink as? SARIFReport)?.exitCode = Int(exit.rawValue)
        sink.finish(summary: .object(fields))
        if exit != .clean { throw exit.exitCode }
    }
}
