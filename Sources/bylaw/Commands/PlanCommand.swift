import ArgumentParser
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource

/// `bylaw plan --before A --after B`: dry-run a config or policy change.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Dry-run a config or policy change: what breaks, what gets fixed, which past usage would now be blocked.",
        discussion: """
            Lints the current config (--before) with the current policies and the proposed config \
            (--after) with the proposed policies (--policies-after, default: the same), evaluates the \
            `on: change` rules on the pair, and prints the findings the change adds and the ones it \
            fixes. With --usage, replays past events under both versions and lists the events the \
            change would newly block and those it would no longer block (each with its user, org and \
            the rules' messages, counted by user and by rule), and the new findings below 'block'. \
            The text output ends with a one-line verdict.

            Exit code 1 when the change introduces a finding at 'block' or newly blocks an event \
            (anything new with --strict); 2 when an input cannot be read.
            """
    )

    @Option(name: .long, help: "The current workspace config.")
    var before: String

    @Option(name: .long, help: "The proposed workspace config.")
    var after: String

    @Option(name: .long, help: "Past usage (NDJSON) to replay under both versions.")
    var usage: String?

    @Option(name: .long, help: "The current policies (default: Policies/).")
    var policies: [String] = []

    @Option(name: .customLong("policies-after"), help: "The proposed policies (default: the current ones).")
    var policiesAfter: [String] = []

    /// What `plan` prints: the change's effects, as text, JSON or GitHub annotations.
    enum Format: String, CommandFormat { case text, json, github }

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Flag(name: .long, help: "Fail (exit code 1) on anything the change introduces, whatever its enforcement.")
    var strict = false

    @OptionGroup var options: PolicyOptions

    func run() throws {
        let currentPolicies = try PolicyLoading.compileOrExit(policies, format: format.report, pointer: .option, options: options)
        let proposedPolicies = policiesAfter.isEmpty
            ? currentPolicies : try PolicyLoading.compileOrExit(policiesAfter, format: format.report, pointer: .option, options: options)
        let current = WorkspaceGraph(try InputFailure.loadWorkspace(before, limit: options.maxDiagnostics))
        let proposed = WorkspaceGraph(try InputFailure.loadWorkspace(after, limit: options.maxDiagnostics))

        let run = PlanRun(
            current: .init(policies: currentPolicies, workspace: current, path: before),
            proposed: .init(policies: proposedPolicies, workspace: proposed, path: after), strict: strict)
        let result: PlanRun.Result
        do {
            // The replay reads the stream twice; standard input is copied once to read it again.
            let spooled = usage == "-" ? try StandardInputSpool.spool() : nil
            defer { if let spooled { close(spooled) } }
            result = try run.run(usage: usage.map { usage in
                (path: usage, open: {
                    guard let spooled else { return try UsageStreamReader(path: usage) }
                    StandardInputSpool.rewind(spooled)
                    return UsageStreamReader(fileDescriptor: spooled, name: "<stdin>")
                })
            })
        } catch let diagnostic as Diagnostic {
            throw InputFailure.report([diagnostic])
        }
        let plan = result.plan
        switch format {
        case .json: Terminal.out(PlanReport.json(plan).pretty + "\n")
        case .github: Terminal.out(PlanReport.github(plan, usage: usage))
        case .text:
            let policySets = policiesAfter.isEmpty ? nil : (
                before: PolicyLoading.paths(policies).joined(separator: ", "),
                after: policiesAfter.joined(separator: ", "))
            Terminal.out(PlanReport.text(
                plan, before: before, after: after, usage: usage, policies: policySets, style: Terminal.style(for: 1)))
        }
        let exit = BylawExit(result.status)
        if exit != .clean { throw exit.exitCode }
    }
}
