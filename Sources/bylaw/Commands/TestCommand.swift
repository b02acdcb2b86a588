import ArgumentParser

/// `bylaw test`: Run the tests written in the policies; report rules no test covers.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "test", abstract: "Run the tests written in the policies; report rules no test covers.")

    func run() throws {
        Terminal.err("bylaw test: not available in this version yet\n")
        throw BylawExit.invalidInput.exitCode
    }
}
