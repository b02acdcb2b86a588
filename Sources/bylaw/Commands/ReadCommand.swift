// Built only with the servers (not with BYLAW_WITHOUT_SERVERS=1: Package.swift).
#if BYLAW_SERVERS
import ArgumentParser
import BylawStreams

/// `bylaw read --server URL --stream S`: print a stream's messages, one a line.
struct ReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read",
        abstract: "Print the messages of a NATS JetStream stream, one a line (the findings bylaw consume published, say).",
        discussion: """
            Reads from the stream's first message to the last one there is when it starts, in stream \
            order, through a consumer of its own that it removes after; members are not disturbed. \
            Each message's payload is printed followed by a newline: the findings stream reads as the \
            NDJSON of bylaw eval --format ndjson, without the summary.
            """
    )

    @OptionGroup var nats: NATSOptions

    @Option(name: .long, help: "The stream to read.")
    var stream: String

    @Option(name: .long, help: ArgumentHelp("Only the messages of these subjects (bylaw.findings.block, bylaw.findings.*).", valueName: "subject"))
    var subject: String?

    func run() throws {
        let export: StreamExport
        do {
            export = try StreamExport(servers: try nats.servers(), stream: stream, subject: subject)
            _ = try export.run { payload in
                Terminal.out(bytes: payload)
                Terminal.out("\n")
            }
        } catch let error as MemberSetupError {
            Terminal.err("bylaw read: \(error.message)\n")
            throw BylawExit.invalidInput.exitCode
        }
        Terminal.flush()
    }
}
#endif
