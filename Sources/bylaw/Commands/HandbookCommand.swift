import ArgumentParser
import BylawPolicy
import BylawReport

/// `bylaw handbook [POLICIES…]`: render the policies as a readable handbook.
struct HandbookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "handbook",
        abstract: "Render the policies as a readable handbook (Markdown, HTML).",
        discussion: """
            Each policy becomes a section: its handbook text, its rules and what happens when they \
            fire, the exceptions in force and whom they cover, and its tests as examples of what is \
            blocked, warned, recorded and allowed. The handbook and the checks come from the same \
            source, so they never disagree. --changes-since adds a "What changed" section: rules \
            added, removed, tightened or relaxed, exceptions added or ended since an earlier set.
            """
    )

    /// The handbook's two renderings.
    enum Format: String, ExpressibleByArgument, CaseIterable { case markdown, html }

    @Argument(help: "Policy files or directories (default: Policies/).")
    var paths: [String] = []

    @Option(name: .long, help: "Output format.")
    var format: Format = .markdown

    @Option(name: .long, help: "The handbook's title.")
    var title: String = "AI use handbook"

    @Option(name: [.short, .long], help: ArgumentHelp("Write the handbook to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("Add a \"What changed\" section comparing with the policies in this file or directory.", valueName: "policies"))
    var changesSince: String?

    @OptionGroup var options: PolicyOptions

    func run() throws {
        let set = try PolicyLoading.compileOrExit(paths, format: .text, pointer: .argument(command: "handbook"), options: options)
        let changes = try changesSince.map { since in
            HandbookChanges(from: try PolicyLoading.compileEarlierOrExit(since, options: options), to: set, since: since)
        }
        let text: String
        switch format {
        case .markdown: text = Handbook.markdown(set, title: title, changes: changes)
        case .html: text = Handbook.html(set, title: title, changes: changes)
        }
        if let output { try OutputFile.write(text, to: output) } else { Terminal.out(text) }
    }
}
