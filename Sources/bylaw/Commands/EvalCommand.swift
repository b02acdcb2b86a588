import ArgumentParser

/// `bylaw eval`: Evaluate usage rules over a usage stream (a file or -).
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "eval", abstract: "Evaluate usage rules over a usage stream (a file or -).")

    func run() throws {
        Terminal.err("bylaw eval: not available in this version yet\n")
        throw BylawExit.invalidInput.exitCode
    }
}
