import BylawModel
import BylawReload
import BylawSource

/// What `bylaw publish` is told.
public struct PublishConfiguration: Sendable {
    public var servers: [String]
    /// The subject every line is published to (`usage.acme`).
    public var subject: String
    /// A stream that must take the subject; created when missing (capturing ``streamSubjects``).
    public var stream: String?
    /// The replicas of a stream created.
    public var replicas = 1
    /// The duplicate window of a stream created.
    public var duplicateWindow: Duration = .seconds(120)
    /// What message ids start with; nil uses the input's name.
    public var idPrefix: String?
    /// Lines longer than this are sent cut short and marked (``MessageHeader/tooLong``), as
    /// `bylaw eval` reports them.
    public var maxLineLength = 1 << 20
    public var clientName = "bylaw publish"

    public init(servers: [String], subject: String) {
        self.servers = servers
        self.subject = subject
    }

    /// What a created stream captures: `usage.>` for the subject `usage.acme` (every billing
    /// root of the same kind of event), the subject itself when it has one token.
    public var streamSubjects: [String] {
        let tokens = subject.split(separator: ".", omittingEmptySubsequences: false)
        return tokens.count > 1 ? ["\(tokens[0]).>"] : [subject]
    }
}

/// How a publish went: every line accounted for.
public struct PublishSummary: Sendable {
    public var lines = 0
    public var blank = 0
    /// Lines JetStream stored.
    public var stored = 0
    /// Lines JetStream already had (same message id within its duplicate window): not stored again.
    public var duplicates = 0
    /// Lines longer than the line limit, sent cut short and marked.
    public var tooLong = 0
    /// Lines not stored: larger than the server takes, refused, or unacknowledged.
    public var failed = 0

    /// `120 lines: 118 stored, 0 already there, 2 blank`.
    public var text: String {
        var text = "\(lines) lines: \(stored) stored, \(duplicates) already there, \(blank) blank"
        if tooLong > 0 { text += ", \(tooLong) too long (sent cut short, reported as malformed)" }
        if failed > 0 { text += ", \(failed) NOT STORED" }
        return text
    }
}

/// `bylaw publish` as a library call: loads an NDJSON stream into JetStream, one message a
/// non-blank line, with a message id per line (``lineID(prefix:line:bytes:)``) so that a second
/// run of the same file stores nothing twice, and the headers that let `bylaw consume` name
/// the file and line in its findings (``MessageHeader``).
public final class StreamPublisher {
    public let configuration: PublishConfiguration
    private let connection: NATSConnection
    private let lane: NATSPublishLane
    private let log: @Sendable (String) -> Void

    /// Connects, and makes sure the stream named by ``PublishConfiguration/stream`` exists.
    public init(configuration: PublishConfiguration, log: @escaping @Sendable (String) -> Void) throws(MemberSetupError) {
        self.configuration = configuration
        self.log = log
        var settings = NATSConnection.Settings()
        settings.name = configuration.clientName
        do {
            connection = try NATSConnection(servers: configuration.servers, settings: settings) { event in
                if case .error(let text) = event { log("NATS: \(text)") }
            }
            lane = try NATSPublishLane(connection, maxPending: 8192)
            if let stream = configuration.stream { try ensure(stream) }
        } catch let error as MemberSetupError {
            throw error
        } catch {
            throw MemberSetupError(message: "\(error)")
        }
    }

    private func ensure(_ name: String) throws {
        if let existing = try connection.stream(name) {
            guard existing.subjects.contains(where: { SubjectFilter($0).covers(configuration.subject) }) else {
                throw MemberSetupError(
                    message: "stream '\(name)' takes \(existing.subjects.joined(separator: ", ")), not \(configuration.subject)")
            }
            return
        }
        let subjects = configuration.streamSubjects
        guard try connection.createStream(
            name, subjects: subjects, replicas: configuration.replicas, duplicateWindow: configuration.duplicateWindow.nanoseconds)
        else {
            throw MemberSetupError(message: "cannot create stream '\(name)': another stream already takes \(subjects.joined(separator: ", "))")
        }
        log("created stream '\(name)' for \(subjects.joined(separator: ", ")) (\(configuration.replicas) replicas, duplicate window \(configuration.duplicateWindow))")
    }

    /// The message id of a line: the prefix, the line number and a hash of the line's bytes,
    /// so a changed line is a new message and an unchanged one is not.
    public static func lineID(prefix: String, line: Int, bytes: UnsafeBufferPointer<UInt8>) -> String {
        var revision = Revision()
        revision.add(bytes)
        return "\(prefix):\(line):\(revision.text)"
    }

    /// Publishes every non-blank line of `reader`, then waits for JetStream to acknowledge them.
    /// `source` is the name findings will give the file (`bylaw eval` names it the same).
    /// A line the server cannot take is reported through `diagnostic` and counted.
    public func publish(_ reader: UsageStreamReader, source: String, diagnostic: (Diagnostic) -> Void) throws -> PublishSummary {
        var summary = PublishSummary()
        let prefix = configuration.idPrefix ?? source
        let subject = configuration.subject
        let before = lane.counts
        let window = 4096
        var inFlight = 0
        var failedToSend = 0
        // Room for the headers beside the payload: the names, the source, the id.
        let headerRoom = 256 + 2 * source.utf8.count + prefix.utf8.count
        let maxPayload = connection.maxPayload
        try reader.forEachLine { line in
            summary.lines += 1
            if !line.isTooLong, line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                summary.blank += 1
                return
            }
            var headers = [(MessageHeader.source, source), (MessageHeader.line, String(line.number))]
            // A line too long is sent as its first bytes: enough for the report of it (which
            // names its line, not its content) and small enough for any server.
            let bytes = line.isTooLong ? UnsafeBufferPointer(rebasing: line.bytes.prefix(2048)) : line.bytes
            if line.isTooLong {
                headers.append((MessageHeader.tooLong, String(line.maxLineLength)))
                summary.tooLong += 1
            }
            guard bytes.count + headerRoom <= maxPayload else {
                failedToSend += 1
                diagnostic(Diagnostic(
                    code: .inputUnreadable,
                    message: "line \(line.number) is \(bytes.count) bytes: more than the server takes in one message (max_payload \(maxPayload)); not published",
                    path: source))
                return
            }
            do {
                try lane.publish(subject: subject, payload: bytes, messageID: Self.lineID(prefix: prefix, line: line.number, bytes: line.bytes), headers: headers)
            } catch {
                failedToSend += 1
                diagnostic(Diagnostic(code: .inputUnreadable, message: "line \(line.number): \(error)", path: source))
                return
            }
            inFlight += 1
            if inFlight == window {
                inFlight = 0
                _ = lane.waitForAcknowledgements(timeout: 30_000)
            }
        }
        let complete = lane.waitForAcknowledgements(timeout: 30_000)
        let counts = lane.counts.since(before)
        summary.stored = counts.stored
        summary.duplicates = counts.duplicates
        summary.failed = summary.lines - summary.blank - counts.stored - counts.duplicates
        if counts.failed > 0 {
            log("\(counts.failed) lines refused: \(lane.lastFailure ?? "?")")
        } else if !complete {
            log("some lines were not acknowledged in time: run again to publish what is missing (the ids keep it from storing anything twice)")
        }
        _ = failedToSend
        connection.drain(timeout: 5000)
        return summary
    }
}
