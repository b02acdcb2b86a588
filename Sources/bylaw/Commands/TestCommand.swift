import ArgumentParser
import BylawEval
import BylawPolicy
import BylawSource

/// `bylaw test [POLICIES…]`: run the tests written in the policies.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests written in the policies; report rules no test covers.",
        discussion: """
            Each test runs against its own policy's rules and passes when exactly the expected rules
            fire. Exit code 0 when every test passes, 1 when one fails (or, with --strict, when a
            rule has no test), 2 when the policies do not compile or a test's input is broken.
            """
    )

    @Argument(help: "Policy files or directories (default: Policies/).")
    var paths: [String] = []

    @Flag(name: .long, help: "Fail when a rule is covered by no test.")
    var strict = false

    @OptionGroup var options: PolicyOptions

    func run() throws {
        let set = try PolicyLoading.compileOrExit(paths, format: .text, options: options)
        var runner = PolicyTestRunner(set: set)
        let results = runner.run()
        let style = Terminal.style(for: 1)
        let printer = DiagnosticPrinter(style: style)
        var failed = 0
        var invalid = 0
        for result in results {
            switch result.outcome {
            case .passed:
                Terminal.out(style.green("✔") + " \(result.policyID): \(result.test.name)\n")
            case .failed(let expected, let fired, let errors):
                failed += 1
                let message = "test '\(result.test.name)' failed: expected \(Self.describe(expected)), but \(fired.isEmpty ? "no rule fired" : "fired \(Self.describe(fired))")"
                let notes = errors.map { DiagnosticNote("evaluation error: \($0)") }
                Terminal.out(style.red("✘") + " \(result.policyID): \(result.test.name)\n")
                Terminal.out(printer.render(.error("test.failed", message, in: result.file, at: result.test.expectRange, notes: notes)))
            case .invalid(let diagnostics):
                invalid += 1
                Terminal.out(style.red("✘") + " \(result.policyID): \(result.test.name) (invalid input)\n")
                for diagnostic in diagnostics { Terminal.out(printer.render(diagnostic)) }
            }
        }
        let uncovered = runner.uncoveredRules()
        for rule in uncovered {
            var diagnostic = Diagnostic(
                code: "test.uncovered-rule", severity: .warning, message: "rule '\(rule.fullID)' is covered by no test",
                span: rule.descriptor.definedAt, hint: "add a test whose 'expect' lists '\(rule.descriptor.ruleID)'")
            if strict { diagnostic = diagnostic.with(severity: .error) }
            Terminal.out(printer.render(diagnostic))
        }
        let passed = results.count - failed - invalid
        Terminal.out("\(passed) passed, \(failed + invalid) failed\n")
        if !uncovered.isEmpty { Terminal.out("\(uncovered.count) rule\(uncovered.count == 1 ? "" : "s") covered by no test\n") }
        if invalid > 0 { throw BylawExit.invalidInput.exitCode }
        if failed > 0 || (strict && !uncovered.isEmpty) { throw BylawExit.findings.exitCode }
    }

    static func describe(_ ids: [String]) -> String { ids.isEmpty ? "allow" : "[" + ids.joined(separator: ", ") + "]" }
}
