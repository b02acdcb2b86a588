import ArgumentParser
import BylawReport

/// `bylaw schema policy|workspace|event`: the JSON Schema editors check Bylaw's files with.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of a policy, a workspace config or a usage event.",
        discussion: """
            Editors with a YAML language server (VS Code's YAML extension, Neovim's yamlls) use it \
            to complete keys, describe them on hover, offer known values and a rule skeleton, and \
            mark a misspelled key. It comes from the same declarations as the compiler, so it \
            matches the bylaw that prints it. See docs/editors.md.
            """
    )

    @Argument(help: ArgumentHelp("What the schema describes.", valueName: "kind"))
    var kind: EditorSchema

    func run() throws {
        Terminal.out(kind.text)
    }
}

extension EditorSchema: ExpressibleByArgument {}
