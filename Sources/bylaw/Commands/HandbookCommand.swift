import ArgumentParser

/// `bylaw handbook`: Render the policies as a readable handbook (Markdown, HTML).
struct HandbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "handbook", abstract: "Render the policies as a readable handbook (Markdown, HTML).")

    func run() throws {
        Terminal.err("bylaw handbook: not available in this version yet\n")
        throw BylawExit.invalidInput.exitCode
    }
}
