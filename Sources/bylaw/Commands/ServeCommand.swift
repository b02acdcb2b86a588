// Built only with the servers (not with BYLAW_WITHOUT_SERVERS=1: Package.swift).
#if BYLAW_SERVERS
import ArgumentParser
import BylawPolicy
import BylawServe
import BylawSource
import CEL
import Logging

/// `bylaw serve --policies P --workspace W`: the decision API over HTTP.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve decisions over HTTP: POST /v1/decide and /v1/decide/batch, /v1/lint, /v1/plan, status, health and metrics.",
        discussion: """
            Loads the policies and the workspace, then listens (on 127.0.0.1:8181 by default) until \
            SIGTERM or SIGINT, which stop it gracefully: requests under way finish, the decision log is \
            written out, exit code 0. The files are watched and reloaded when they change (and on SIGHUP \
            and POST /v1/reload); a reload that fails keeps the last good set serving. The endpoints are \
            described in docs/serve.md and docs/openapi.yaml.

            Exit code 2 when the policies, the workspace, the token file or the TLS files cannot be \
            used at start-up, or the address cannot be listened on.
            """
    )

    @Option(name: .long, help: "Policy files or directories (default: Policies/).")
    var policies: [String] = []

    @Option(name: .long, help: "The workspace config the events belong to.")
    var workspace: String

    @Option(name: .long, help: ArgumentHelp("Where to listen: HOST:PORT, [IPv6]:PORT or PORT; port 0 picks a free one.", valueName: "address"))
    var listen = "127.0.0.1:8181"

    @Option(name: .customLong("token-file"), help: "Bearer tokens, one 'decide TOKEN' or 'admin TOKEN' a line; without it anyone who can connect may ask.")
    var tokenFile: String?

    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain: serve HTTPS (with --tls-key).")
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of --tls-cert.")
    var tlsKey: String?

    @Option(name: .customLong("max-body"), help: ArgumentHelp("Largest body of /v1/decide, /v1/lint and /v1/plan (413 past it).", valueName: "size"))
    var maxBody = "1MiB"

    @Option(name: .customLong("max-batch-body"), help: ArgumentHelp("Largest body of /v1/decide/batch, read as it arrives.", valueName: "size"))
    var maxBatchBody = "64MiB"

    @Option(name: .customLong("max-line"), help: ArgumentHelp("Longest line of a batch, as bylaw eval reads streams.", valueName: "size"))
    var maxLine = "1MiB"

    @Option(name: .customLong("request-timeout"), help: ArgumentHelp("Longest a request may take, body included (408 past it).", valueName: "seconds"))
    var requestTimeout = 30.0

    @Option(name: .customLong("max-connections"), help: "Most connections served at once; more wait to be accepted.")
    var maxConnections = 1024

    /// What a decision says when the server cannot decide.
    enum Fail: String, ExpressibleByArgument, CaseIterable { case closed, open }

    @Option(name: .long, help: "On an evaluation error in a 'block' rule or an internal error: 'closed' denies, 'open' allows.")
    var fail = Fail.closed

    @Option(name: .customLong("watch-interval"), help: ArgumentHelp("How often the files are checked for changes; 0 turns watching off.", valueName: "seconds"))
    var watchInterval = 1.0

    @Option(name: .customLong("decision-log"), help: ArgumentHelp("Log every decision as NDJSON to this file, or - for standard output.", valueName: "path"))
    var decisionLog: String?

    @Option(name: .long, help: ArgumentHelp("An event field the decision log masks (repeatable): event.user, event.artifact, …", valueName: "field"))
    var mask: [String] = []

    @Flag(name: .customLong("drop-allows"), help: "Leave 'allow' decisions out of the decision log.")
    var dropAllows = false

    @Option(name: .customLong("log-level"), help: "Server log level on stderr: trace, debug, info, notice, warning, error, critical.")
    var logLevel = "info"

    @OptionGroup var options: PolicyOptions

    func validate() throws {
        _ = try settings()
    }

    func run() throws {
        let configuration = try settings()
        let logger = ServerProcess.logger(label: "bylaw.serve", level: Logger.Level(rawValue: logLevel) ?? .info)
        let server: BylawServer
        switch BylawServer.prepare(configuration, logger: logger) {
        case .success(let prepared): server = prepared
        case .failure(let failure):
            throw ServiceArguments.cannotStart("serve", failure.message, failure.diagnostics, policies: policies, options: options)
        }
        if !server.warnings.isEmpty { Terminal.err(DiagnosticPrinter(style: Terminal.style(for: 2)).render(DiagnosticBag(server.warnings))) }
        let address = ListenAddress(host: configuration.host, port: configuration.port)
        if !address.isLoopback, configuration.tokenFile == nil {
            logger.warning("listening on \(address) without --token-file: anyone who can reach it may ask for decisions and reload")
        }
        let scheme = configuration.tls == nil ? "http" : "https"
        let (policyCount, ruleCount) = server.counts
        try ServerProcess.run("serve") {
            try await server.run { port in
                let shown = ListenAddress(host: address.host, port: port)
                Terminal.err("bylaw serve: listening on \(scheme)://\(shown) (revision \(server.revision): \(policyCount) policies, \(ruleCount) rules)\n")
            }
        }
    }

    /// The server's configuration from the options, or why they do not make one.
    private func settings() throws -> ServeConfiguration {
        var configuration = ServeConfiguration(policies: policies, workspace: workspace)
        guard let address = ListenAddress(listen) else {
            throw ValidationError("--listen takes HOST:PORT, [IPv6]:PORT or PORT, found '\(listen)'")
        }
        (configuration.host, configuration.port) = (address.host, address.port)
        configuration.budgetOverride = options.budgetOverride
        configuration.maxDiagnostics = options.maxDiagnostics
        configuration.fixedToday = try ServiceArguments.fixedToday()
        configuration.tokenFile = tokenFile
        switch (tlsCertificate, tlsKey) {
        case (let certificate?, let key?): configuration.tls = TLSFiles(certificate: certificate, key: key)
        case (nil, nil): break
        default: throw ValidationError("--tls-cert and --tls-key go together")
        }
        configuration.limits.maxBody = try ServiceArguments.size(maxBody, "--max-body")
        configuration.limits.maxBatchBody = try ServiceArguments.size(maxBatchBody, "--max-batch-body")
        configuration.limits.maxLineLength = try ServiceArguments.size(maxLine, "--max-line")
        guard requestTimeout > 0, requestTimeout <= 86_400 else { throw ValidationError("--request-timeout must be more than 0 and at most 86400 seconds") }
        configuration.limits.requestTimeout = .milliseconds(Int64(requestTimeout * 1000))
        guard maxConnections >= 1 else { throw ValidationError("--max-connections must be at least 1") }
        configuration.limits.maxConnections = maxConnections
        configuration.failMode = fail == .closed ? .closed : .open
        guard watchInterval >= 0 else { throw ValidationError("--watch-interval must be 0 (off) or more") }
        configuration.watchInterval = watchInterval == 0 ? nil : .milliseconds(max(10, Int64(watchInterval * 1000)))
        guard Logger.Level(rawValue: logLevel) != nil else {
            throw ValidationError("--log-level takes one of trace, debug, info, notice, warning, error, critical, found '\(logLevel)'")
        }
        if let decisionLog {
            var log = DecisionLogSettings(path: decisionLog)
            log.masks = try mask.map { text in
                guard let parsed = EventMask(text) else { throw ValidationError("--mask takes an event field such as event.user, found '\(text)'") }
                return parsed
            }
            log.dropAllows = dropAllows
            configuration.decisionLog = log
        } else if !mask.isEmpty || dropAllows {
            throw ValidationError("--mask and --drop-allows shape the decision log: add --decision-log PATH")
        }
        return configuration
    }
}
#endif
