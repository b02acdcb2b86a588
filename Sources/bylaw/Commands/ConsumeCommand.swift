// Built only with the servers (not with BYLAW_WITHOUT_SERVERS=1: Package.swift).
#if BYLAW_SERVERS
import ArgumentParser
import BylawReload
import BylawSource
import BylawStreams

/// `bylaw consume --server URL --stream S --consumer C --workspace W`: a member of a JetStream
/// durable pull consumer, deciding each usage message as `bylaw eval` decides a line.
struct ConsumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consume",
        abstract: "Evaluate usage events from a NATS JetStream stream, as one member of a durable consumer.",
        discussion: """
            Members started with the same --consumer share the stream's messages. Each finding (the JSON \
            of eval --format ndjson) is published to PREFIX.<enforcement>, each malformed message's \
            diagnostic to PREFIX.malformed, with a Nats-Msg-Id that is the same however often a message is \
            delivered; a batch is acknowledged only once JetStream has stored all it found. The consumer \
            and the findings stream are created when missing. Policies and workspace reload as with \
            bylaw serve (file changes, SIGHUP). SIGTERM or SIGINT: the batch in hand is finished and \
            acknowledged, the connection drained, exit code 0. docs/streams.md describes it all.

            Exit code 2 when the policies or the workspace cannot be used at start-up, the server cannot \
            be reached, the stream does not exist or the consumer is not one members can share.
            """
    )

    @OptionGroup var nats: NATSOptions

    @Option(name: .long, help: "The JetStream stream of usage events.")
    var stream: String

    @Option(name: .long, help: "The durable consumer the members share (created when missing).")
    var consumer: String

    @Option(name: .long, help: "The workspace config the events belong to.")
    var workspace: String

    @Option(name: .long, help: "Policy files or directories (default: Policies/).")
    var policies: [String] = []

    @Option(name: .customLong("findings-subject"), help: ArgumentHelp("Findings go to PREFIX.block|warn|audit, malformed messages to PREFIX.malformed.", valueName: "prefix"))
    var findingsSubject = "bylaw.findings"

    @Option(name: .customLong("findings-stream"), help: "The stream created for PREFIX.> when no stream takes those subjects.")
    var findingsStream = "BYLAW_FINDINGS"

    @Option(name: .customLong("filter-subject"), help: ArgumentHelp("Only these subjects of the stream, when the consumer is created (usage.acme, usage.*).", valueName: "subject"))
    var filterSubject: String?

    @Option(name: .long, help: "The most messages fetched, evaluated and acknowledged together.")
    var batch = 256

    @Option(name: .customLong("ack-wait"), help: ArgumentHelp("Seconds a delivered message waits for its acknowledgement before it goes to another member, when the consumer is created.", valueName: "seconds"))
    var ackWait = 30.0

    @Option(name: .customLong("max-ack-pending"), help: "Messages delivered and not yet acknowledged, across members, when the consumer is created (default: 16 batches).")
    var maxAckPending: Int?

    @Option(name: .customLong("duplicate-window"), help: ArgumentHelp("Seconds the findings stream remembers message ids, when it is created.", valueName: "seconds"))
    var duplicateWindow = 120.0

    @Option(name: .customLong("max-line"), help: ArgumentHelp("Longest message evaluated; a longer one is malformed, as bylaw eval treats lines.", valueName: "size"))
    var maxLine = "1MiB"

    @Option(name: .customLong("watch-interval"), help: ArgumentHelp("How often the files are checked for changes; 0 turns watching off.", valueName: "seconds"))
    var watchInterval = 1.0

    @Option(name: .customLong("report-interval"), help: ArgumentHelp("How often to log progress (when stderr is not a terminal) and write --metrics.", valueName: "seconds"))
    var reportInterval = 10.0

    @Option(name: .long, help: ArgumentHelp("Write the member's metrics to this file (Prometheus text format) every report interval.", valueName: "path"))
    var metrics: String?

    @OptionGroup var options: PolicyOptions

    func validate() throws {
        _ = try settings()
    }

    func run() throws {
        // First: a SIGTERM during start-up is kept, and honoured before the first fetch.
        MemberControl.installSignalHandlers()
        let configuration = try settings()
        let log: @Sendable (String) -> Void = { Terminal.err("bylaw consume: \($0)\n") }
        let first: LoadedRevision
        switch configuration.sources.load(trigger: "startup") {
        case .success(let loaded): first = loaded
        case .failure(let failure):
            throw ServiceArguments.cannotStart("consume", failure.message, failure.diagnostics, policies: policies, options: options)
        }
        if !first.warnings.isEmpty { Terminal.err(DiagnosticPrinter(style: Terminal.style(for: 2)).render(DiagnosticBag(first.warnings))) }
        let revisions = MemberRevisions(sources: configuration.sources, first: first, log: log)
        let member: StreamMember
        do {
            member = try StreamMember(configuration: configuration, revisions: revisions, log: log)
        } catch {
            Terminal.err("bylaw consume: cannot start: \(error.message)\n")
            throw BylawExit.invalidInput.exitCode
        }
        revisions.watch(interval: configuration.watchInterval)
        log("member of consumer '\(configuration.consumer)' on stream '\(configuration.stream)' at \(member.server ?? "?") "
            + "(revision \(first.revision): \(first.policies.policies.count) policies, \(first.policies.rules.count) rules); "
            + "findings to \(configuration.findingsSubject).<enforcement>")
        var reporting = MemberReporter.Settings()
        reporting.progress = Terminal.isTerminal(2)
        reporting.interval = try ServiceArguments.seconds(reportInterval, "--report-interval", in: 0.1...86_400)
        reporting.metricsPath = metrics
        let reporter = MemberReporter(settings: reporting, member: member, revisions: revisions, draw: { Terminal.err($0) }, log: log)
        let stats = member.run(until: MemberControl.process, report: reporter.update)
        reporter.finish(stats)
        if let failure = stats.failure {
            log("stopped: \(failure): \(stats.summary)")
            throw BylawExit.invalidInput.exitCode
        }
        log("stopped: \(stats.summary)")
    }

    /// The member's configuration from the options, or why they do not make one.
    private func settings() throws -> MemberConfiguration {
        var sources = PolicySources(policies: policies, workspace: workspace)
        sources.budgetOverride = options.budgetOverride
        sources.maxDiagnostics = options.maxDiagnostics
        sources.fixedToday = try ServiceArguments.fixedToday()
        var configuration = MemberConfiguration(servers: try nats.servers(), stream: stream, consumer: consumer, sources: sources)
        configuration.findingsSubject = findingsSubject
        configuration.findingsStream = findingsStream
        configuration.filterSubject = filterSubject
        guard (1...10_000).contains(batch) else { throw ValidationError("--batch must be between 1 and 10000, found \(batch)") }
        configuration.batchSize = batch
        configuration.ackWait = try ServiceArguments.seconds(ackWait, "--ack-wait", in: 1...86_400)
        if let maxAckPending {
            guard maxAckPending >= batch else { throw ValidationError("--max-ack-pending must be at least --batch (\(batch)), found \(maxAckPending)") }
            configuration.maxAckPending = maxAckPending
        }
        configuration.duplicateWindow = try ServiceArguments.seconds(duplicateWindow, "--duplicate-window", in: 1...86_400 * 7)
        configuration.maxLineLength = try ServiceArguments.size(maxLine, "--max-line")
        guard watchInterval >= 0 else { throw ValidationError("--watch-interval must be 0 (off) or more") }
        configuration.watchInterval = watchInterval == 0 ? nil : .milliseconds(max(10, Int64(watchInterval * 1000)))
        _ = try ServiceArguments.seconds(reportInterval, "--report-interval", in: 0.1...86_400)
        for (name, value) in [("--stream", stream), ("--consumer", consumer), ("--findings-stream", findingsStream)]
        where value.isEmpty || value.contains(where: { ". *>\t".contains($0) }) {
            throw ValidationError("\(name) takes a name without dots, spaces, '*' or '>', found '\(value)'")
        }
        guard !findingsSubject.isEmpty, !findingsSubject.contains(where: { " *>\t".contains($0) }) else {
            throw ValidationError("--findings-subject takes a subject prefix without spaces or wildcards, found '\(findingsSubject)'")
        }
        configuration.clientName = "bylaw consume \(consumer)"
        return configuration
    }
}
#endif
