import ArgumentParser

/// `bylaw expr`: Evaluate one CEL expression and print its value as JSON.
struct ExprCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "expr", abstract: "Evaluate one CEL expression and print its value as JSON.")

    func run() throws {
        Terminal.err("bylaw expr: not available in this version yet\n")
        throw BylawExit.invalidInput.exitCode
    }
}
