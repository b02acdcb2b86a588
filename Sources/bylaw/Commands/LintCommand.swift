import ArgumentParser

/// `bylaw lint`: Evaluate workspace rules on workspace configs.
struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lint", abstract: "Evaluate workspace rules on workspace configs.")

    func run() throws {
        Terminal.err("bylaw lint: not available in this version yet\n")
        throw BylawExit.invalidInput.exitCode
    }
}
