import ArgumentParser
import BylawEval
import BylawPolicy
import BylawReport
import BylawSource

/// `bylaw test [POLICIES…]`: run the tests written in the policies.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests written in the policies; report rules no test covers.",
        discussion: """
            Each test runs against its own policy's rules and passes when exactly the expected rules \
            fire. Exit code 0 when every test passes, 1 when one fails (or, with --strict, when a \
            rule has no test), 2 when the policies do not compile or a test's input is broken.
            """
    )

    /// What `test` prints: each test's outcome and the coverage gaps.
    enum Format: String, CommandFormat { case text, json, junit }

    @Argument(help: "Policy files or directories (default: Policies/).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: Format = .text

    @Flag(name: .long, help: "Fail when a rule is covered by no test.")
    var strict = false

    @OptionGroup var options: PolicyOptions

    func run() throws {
        let set = try PolicyLoading.compileOrExit(paths, format: format.report, pointer: .argument(command: "test"), options: options)
        let report = PolicyTestReport(PolicyTestRun(policies: set, strict: strict).run())
        PolicyLoading.printWarnings(report.outcome.policyWarnings, options: options)
        switch format {
        case .text: Terminal.out(report.text(style: Terminal.style(for: 1)))
        case .json: Terminal.out(report.json().pretty + "\n")
        case .junit: Terminal.out(report.junit())
        }
        let exit = BylawExit(report.outcome.status)
        if exit != .clean { throw exit.exitCode }
    }
}
