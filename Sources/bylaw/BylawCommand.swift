import ArgumentParser
import BylawEval
import BylawSource

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `bylaw`: compile AI-workspace policies and check configs, usage streams and changes.
struct BylawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bylaw",
        abstract: "Policy-as-code for AI workspaces: YAML policies with CEL expressions.",
        discussion: "Exit codes: 0 clean; 1 findings at 'block' enforcement (any finding with --strict); "
            + "2 invalid input (unreadable file, bad YAML, compile error, bad arguments) or output that could not be written.\n\n"
            + "Policies default to Policies/ in the current directory. Documentation: docs/ in the repository.",
        version: BylawVersion.current,
        subcommands: [
            InitCommand.self, CheckCommand.self, TestCommand.self, LintCommand.self, EvalCommand.self, PlanCommand.self, ExplainCommand.self,
        ] + serverCommands + [HandbookCommand.self, ExprCommand.self, SchemaCommand.self, VersionCommand.self]
    )

    /// The long-running commands, left out of a build without the servers (Package.swift).
    #if BYLAW_SERVERS
    static let serverCommands: [any ParsableCommand.Type] = [
        ServeCommand.self, StudioCommand.self, ConsumeCommand.self, PublishCommand.self, ReadCommand.self,
    ]
    #else
    static let serverCommands: [any ParsableCommand.Type] = []
    #endif

    /// Runs the command line and exits with Bylaw's exit codes: argument errors are invalid
    /// input (2), not ArgumentParser's default 64.
    static func runAndExit() -> Never {
        // A closed pipe must end the run quietly (StandardOutput records EPIPE), not kill it.
        signal(SIGPIPE, SIG_IGN)
        if let message = unknownCommand(Array(CommandLine.arguments.dropFirst())) {
            writeStandardError(message)
            terminate(BylawExit.invalidInput.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
            terminate(0)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                Terminal.out(fullMessage(for: error) + "\n")
                terminate(0)
            }
            if let exitCode = error as? ExitCode { terminate(exitCode.rawValue) }
            let message = fullMessage(for: error)
            if !message.isEmpty { writeStandardError(message + "\n") }
            terminate(BylawExit.invalidInput.rawValue)
        }
    }
}

extension BylawCommand {
    /// The subcommands' names, in the order `--help` lists them.
    static var commandNames: [String] {
        configuration.subcommands.compactMap { $0.configuration.commandName }
    }

    /// The message for a first argument that names no command (`bylaw lnt`), with the closest
    /// command when there is a plausible one; nil when the arguments start with an option or a
    /// command.
    static func unknownCommand(_ arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !commandNames.contains(first) else { return nil }
        var message = "Error: unknown command '\(first)'"
        if let suggestion = DidYouMean.suggest(first, from: commandNames) {
            message += "; did you mean '\(suggestion)'?"
        } else {
            message += "; the commands are " + commandNames.joined(separator: ", ")
        }
        return message + "\nUsage: bylaw <subcommand>\n  See 'bylaw --help' for more information.\n"
    }
}

/// Bylaw's exit codes: 0 clean, 1 findings at `block` (any with `--strict`), 2 invalid input.
enum BylawExit: Int32 {
    case clean = 0
    case findings = 1
    case invalidInput = 2

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// A run's status as the process's exit code.
    init(_ status: RunStatus) {
        switch status {
        case .clean: self = .clean
        case .findings: self = .findings
        case .invalidInput: self = .invalidInput
        }
    }
}

func writeStandardError(_ text: String) {
    Terminal.err(text)
}

/// Ends the process after writing what stdout still holds. A failed write to stdout, at any
/// time in the run, ends it with a message and exit code 2 whatever `code` was; a closed pipe
/// keeps `code` (the findings' exit code) and says nothing.
func terminate(_ code: Int32) -> Never {
    Terminal.flush()
    var code = code
    if case .failed(let error) = StandardOutput.shared.state {
        Terminal.err("bylaw: cannot write output: \(String(cString: strerror(error)))\n")
        code = BylawExit.invalidInput.rawValue
    }
    #if canImport(Glibc)
    Glibc.exit(code)
    #else
    Darwin.exit(code)
    #endif
}
