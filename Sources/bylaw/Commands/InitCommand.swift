import ArgumentParser
import BylawReport
import BylawSource

/// `bylaw init [DIR]`: a project to start from: a policy with its tests, a workspace config,
/// the editor schemas and VS Code settings.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a policy project: a policy with its tests, a workspace config and editor settings.",
        discussion: """
            Writes Policies/client-data.yaml (one rule and the tests that prove it), workspace.yaml, \
            the JSON Schemas of policies, workspace configs and usage events under schemas/, and \
            .vscode/settings.json pointing VS Code's YAML extension at them. The project passes bylaw \
            check, bylaw test and bylaw lint as written. When one of these files exists already, \
            nothing is written (exit code 2) unless --force is given, which replaces them.
            """
    )

    @Argument(help: "The project folder, created if needed (default: the current directory).")
    var directory: String = "."

    @Flag(name: .long, help: "Replace files that exist already.")
    var force = false

    func validate() throws {
        if directory.isEmpty { throw ValidationError("the project folder must not be empty: name one, or leave it out for the current directory") }
    }

    func run() throws {
        let files = ProjectScaffold.files.map { (file: $0, path: shown($0.path)) }
        let existing = files.filter { ProjectFiles.exists($0.path) }.map(\.path)
        if !existing.isEmpty, !force {
            let found = Diagnostic.sortedForDisplay(existing.map { Diagnostic(code: .inputFileExists, message: "the file exists already", path: $0) })
            throw InputFailure.report(found.enumerated().map { index, diagnostic in
                guard index == found.count - 1 else { return diagnostic }
                return Diagnostic(
                    code: diagnostic.code, message: diagnostic.message, path: diagnostic.path,
                    hint: "nothing was written; run bylaw init in a new or empty folder, or add --force to replace these files")
            })
        }
        for (file, path) in files {
            try ProjectFiles.createParents(of: path)
            try OutputFile.write(file.contents, to: path)
        }
        Terminal.out(report(files.map { ($0.file, existing.contains($0.path)) }))
    }

    /// `path` as the user sees it: under the project folder they named.
    private func shown(_ path: String) -> String {
        var folder = directory
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        if folder == "." { return path }
        return folder == "/" ? "/" + path : folder + "/" + path
    }

    private func report(_ written: [(file: ProjectScaffold.File, replaced: Bool)]) -> String {
        let width = written.map(\.file.path.count).max() ?? 0
        var out = directory == "." ? "Created a Bylaw project here:\n" : "Created a Bylaw project in \(directory):\n"
        for (file, replaced) in written {
            out += "  " + padded(file.path, width) + "  " + file.purpose + (replaced ? " (replaced)" : "") + "\n"
        }
        var steps = ProjectScaffold.nextSteps
        if directory != "." { steps.insert(("cd \(directory)", "go to the project"), at: 0) }
        let stepWidth = steps.map(\.command.count).max() ?? 0
        out += "\nNext:\n"
        for step in steps { out += "  " + padded(step.command, stepWidth) + "  " + step.purpose + "\n" }
        return out
    }

    private func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
