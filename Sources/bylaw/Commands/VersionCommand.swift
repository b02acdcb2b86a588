import ArgumentParser

/// `bylaw version [--json]`: the version, commit, compiler and platform of this binary.
struct VersionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "version",
        abstract: "Print the version, the commit and Swift compiler it was built with, and the platform.",
        discussion: """
            `bylaw --version` prints the version alone. The commit is recorded by release builds \
            (scripts/release); a plain `swift build` prints `commit: unknown` (`null` in JSON).
            """
    )

    @Flag(name: .long, help: "Print one JSON object: {\"version\", \"commit\", \"swift\", \"platform\"}.")
    var json = false

    func run() throws {
        let info = BuildInfo.current
        Terminal.out(json ? info.json.pretty + "\n" : info.text)
    }
}
