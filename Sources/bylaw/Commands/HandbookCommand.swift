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
            fire, the exceptions in force, and its tests as examples. The handbook and the checks \
            come from the same source, so they never disagree.
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

    @OptionGroup var options: PolicyOptions

    func run() throws {
        let set = try PolicyLoading.compileOrExit(paths, format: .text, pointer: .argument(command: "handbook"), options: options)
        switch format {
        case .markdown: Terminal.out(Handbook.markdown(set, title: title))
        case .html: Terminal.out(Handbook.html(set, title: title))
        }
    }
}
