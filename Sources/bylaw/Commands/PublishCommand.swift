// Built only with the servers (not with BYLAW_WITHOUT_SERVERS=1: Package.swift).
#if BYLAW_SERVERS
import ArgumentParser
import BylawModel
import BylawSource
import BylawStreams

/// `bylaw publish FILE|- --server URL --subject S`: load an NDJSON stream into JetStream.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish an NDJSON usage stream (a file or -) to NATS JetStream, one message a line.",
        discussion: """
            Each non-blank line becomes a message with a Nats-Msg-Id made of the input's name, the line \
            number and a hash of the line, so running the same file again stores nothing twice (within \
            the stream's duplicate window), and with the file and line that bylaw consume names in its \
            findings. With --stream the stream is created when missing. A summary goes to stderr; exit \
            code 2 when a line could not be stored (run it again: what is stored already is skipped).
            """
    )

    @Argument(help: "The usage stream: NDJSON, one event per line; '-' reads standard input.")
    var usage: String

    @OptionGroup var nats: NATSOptions

    @Option(name: .long, help: "The subject every line is published to (usage.acme).")
    var subject: String

    @Option(name: .long, help: "A stream that must take the subject, created when missing (capturing usage.> for usage.acme).")
    var stream: String?

    @Option(name: .long, help: "The replicas of a stream created (1, 3 or 5 in a cluster).")
    var replicas = 1

    @Option(name: .customLong("duplicate-window"), help: ArgumentHelp("Seconds a created stream remembers message ids.", valueName: "seconds"))
    var duplicateWindow = 120.0

    @Option(name: .customLong("id-prefix"), help: "What message ids start with (default: the file's name as given).")
    var idPrefix: String?

    @Option(name: .customLong("max-line"), help: ArgumentHelp("Longest line; a longer one is sent cut short and reported as malformed, as bylaw eval does.", valueName: "size"))
    var maxLine = "1MiB"

    func validate() throws {
        _ = try settings()
    }

    func run() throws {
        let configuration = try settings()
        let log: @Sendable (String) -> Void = { Terminal.err("bylaw publish: \($0)\n") }
        let reader: UsageStreamReader
        do {
            reader = usage == "-"
                ? UsageStreamReader(fileDescriptor: 0, name: "<stdin>", maxLineLength: configuration.maxLineLength)
                : try UsageStreamReader(path: usage, maxLineLength: configuration.maxLineLength)
        } catch {
            throw InputFailure.report([error])
        }
        let publisher: StreamPublisher
        do {
            publisher = try StreamPublisher(configuration: configuration, log: log)
        } catch {
            Terminal.err("bylaw publish: cannot start: \(error.message)\n")
            throw BylawExit.invalidInput.exitCode
        }
        let printer = DiagnosticPrinter(style: Terminal.style(for: 2))
        let summary: PublishSummary
        do {
            summary = try publisher.publish(reader, source: usage == "-" ? "<stdin>" : usage) { Terminal.err(printer.render($0)) }
        } catch {
            throw InputFailure.report([error].compactMap { $0 as? Diagnostic })
        }
        log("\(summary.text) (subject \(configuration.subject))")
        if summary.failed > 0 { throw BylawExit.invalidInput.exitCode }
    }

    private func settings() throws -> PublishConfiguration {
        var configuration = PublishConfiguration(servers: try nats.servers(), subject: subject)
        guard !subject.isEmpty, !subject.contains(where: { " *>\t".contains($0) }), !subject.hasPrefix("."), !subject.hasSuffix(".") else {
            throw ValidationError("--subject takes a subject without spaces or wildcards (usage.acme), found '\(subject)'")
        }
        if let stream, stream.isEmpty || stream.contains(where: { ". *>\t".contains($0) }) {
            throw ValidationError("--stream takes a name without dots, spaces, '*' or '>', found '\(stream)'")
        }
        configuration.stream = stream
        guard (1...5).contains(replicas) else { throw ValidationError("--replicas must be between 1 and 5, found \(replicas)") }
        configuration.replicas = replicas
        configuration.duplicateWindow = try ServiceArguments.seconds(duplicateWindow, "--duplicate-window", in: 1...86_400 * 7)
        configuration.idPrefix = idPrefix
        configuration.maxLineLength = try ServiceArguments.size(maxLine, "--max-line")
        return configuration
    }
}
#endif
