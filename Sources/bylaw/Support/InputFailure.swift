import ArgumentParser
import BylawEval
import BylawModel
import BylawSource

/// The one way a command gives up on an input: print why on stderr, exit code 2.
enum InputFailure {
    /// Prints the diagnostics (sorted, capped) and returns the exit to throw.
    static func report(_ diagnostics: some Sequence<Diagnostic>, limit: Int? = 100) -> ExitCode {
        Terminal.err(DiagnosticPrinter(style: Terminal.style(for: 2)).render(DiagnosticBag(diagnostics), limit: limit))
        return BylawExit.invalidInput.exitCode
    }

    /// Loads a workspace config, or the empty workspace when no path is given.
    static func loadWorkspace(_ path: String?, limit: Int? = 100) throws -> Workspace {
        guard let path else {
            guard let empty = Workspace.empty() else { throw BylawExit.invalidInput.exitCode }
            return empty
        }
        let result = WorkspaceLoader.load(path: path)
        guard let workspace = result.workspace else { throw report(result.diagnostics, limit: limit) }
        return workspace
    }
}
