import ArgumentParser

/// `bylaw plan`: Dry-run a config or policy change.
struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Dry-run a config or policy change.")

    func run() throws {
        Terminal.err("bylaw plan: not available in this version yet\n")
        throw BylawExit.invalidInput.exitCode
    }
}
