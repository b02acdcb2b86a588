// Built only with the servers (not with BYLAW_WITHOUT_SERVERS=1: Package.swift).
#if BYLAW_SERVERS
import ArgumentParser
import BylawPolicy
import BylawServe
import BylawSource
import BylawStudio
import CEL
import Logging

/// `bylaw studio`: the local web app for policy owners and workspace admins.
struct StudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: "Serve Bylaw Studio: edit the policies with live diagnostics, run their tests, read the handbook, try events and dry-run changes in a browser.",
        discussion: """
            Listens on 127.0.0.1:8182 by default and prints the URL to open, with a token made for this \
            run; every request must carry it (the first visit keeps it in a cookie). Nothing is opened \
            by itself. The studio writes only inside the policy folder and reads only that folder, the \
            --workspace file and the --examples folders. SIGTERM or SIGINT stop it (exit code 0). \
            docs/studio.md describes every page.

            Exit code 2 when the options are wrong or the address cannot be listened on.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The policy folder to work on (default: Policies/).", valueName: "dir"))
    var policies = "Policies"

    @Option(name: .long, help: ArgumentHelp("The workspace config events and dry-runs are judged against.", valueName: "file"))
    var workspace: String?

    @Option(name: .long, help: ArgumentHelp("A folder of example configs, events and usage to pick from (repeatable; default: Examples/ when it exists).", valueName: "dir"))
    var examples: [String] = []

    @Option(name: .long, help: ArgumentHelp("Where to listen: HOST:PORT, [IPv6]:PORT or PORT; port 0 picks a free one.", valueName: "address"))
    var listen = "127.0.0.1:8182"

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest request body (a policy file, a pasted config or usage); 413 past it.", valueName: "size"))
    var maxBody = "4MiB"

    @Option(name: .long, help: "The handbook's title.")
    var title = "AI use handbook"

    @Option(name: .customLong("log-level"), help: "Studio log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "notice"

    @OptionGroup var options: PolicyOptions

    func validate() throws {
        _ = try settings()
    }

    func run() throws {
        let configuration = try settings()
        let logger = ServerProcess.logger(label: "bylaw.studio", level: Logger.Level(rawValue: logLevel) ?? .notice)
        let address = ListenAddress(host: configuration.host, port: configuration.port)
        if !address.isLoopback {
            logger.warning("listening on \(address), beyond this machine: anyone who has the link can edit the policies")
        }
        let studio = StudioServer(configuration, logger: logger)
        try ServerProcess.run("studio") {
            try await studio.run { port in
                Terminal.err("bylaw studio: policies in \(configuration.policies)/, workspace \(configuration.workspace ?? "none")\n")
                Terminal.err("bylaw studio: open \(studio.url(port: port))\n")
            }
        }
    }

    private func settings() throws -> StudioConfiguration {
        var configuration = StudioConfiguration(policies: policies)
        configuration.workspace = workspace
        // Without --examples, Examples/ of the current folder (if there is none, nothing is offered).
        configuration.examples = examples.isEmpty ? ["Examples"] : examples
        guard let address = ListenAddress(listen) else {
            throw ValidationError("--listen takes HOST:PORT, [IPv6]:PORT or PORT, found '\(listen)'")
        }
        (configuration.host, configuration.port) = (address.host, address.port)
        guard let bytes = CELByteCount.parse(maxBody), bytes > 0 else {
            throw ValidationError("--max-body takes a size such as 4MiB, 512KiB or 1048576 (bytes), found '\(maxBody)'")
        }
        configuration.limits.maxBody = bytes
        configuration.budgetOverride = options.budgetOverride
        configuration.maxDiagnostics = options.maxDiagnostics
        configuration.title = title
        if let text = processEnvironment["BYLAW_TODAY"] {
            guard let date = CalendarDate(text) else { throw ValidationError("BYLAW_TODAY must be a date written YYYY-MM-DD") }
            configuration.fixedToday = date
        }
        if let token = processEnvironment["BYLAW_STUDIO_TOKEN"] {
            guard token.utf8.count >= 16, token.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ";") }) else {
                throw ValidationError("BYLAW_STUDIO_TOKEN must be at least 16 characters of printable ASCII")
            }
            configuration.token = token
        }
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level takes one of trace, debug, info, notice, warning, error, critical, found '\(logLevel)'")
        }
        return configuration
    }
}
#endif
