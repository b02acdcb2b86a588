/// What a member checks and creates before its first fetch: the stream it reads, the stream
/// its findings go to, and the durable consumer the members share.
struct MemberSetup {
    let configuration: MemberConfiguration
    let connection: NATSConnection
    let log: @Sendable (String) -> Void

    private var where_: String { connection.connectedServer ?? configuration.servers.joined(separator: ",") }

    /// Tries for each setup step: JetStream's API answers nothing while a cluster that has
    /// just started elects its leaders, so members started together may see their first
    /// look-ups time out.
    static let attempts = 5

    /// Runs `step`, again after a pause when it times out, up to ``attempts`` times; any other
    /// error, or the last timeout, is thrown. `pause` is given the attempt that timed out (1…).
    static func retryingTimeouts<T>(
        _ what: String, log: (String) -> Void, pause: (Int) -> Void = { sleep(milliseconds: 250 * $0) }, _ step: () throws -> T
    ) throws -> T {
        var attempt = 1
        while true {
            do {
                return try step()
            } catch let error as NATSError where error.isTimeout && attempt < attempts {
                log("\(what): \(error.message); trying again (attempt \(attempt + 1) of \(attempts))")
                pause(attempt)
                attempt += 1
            }
        }
    }

    /// The stream of usage events, which must exist.
    func inputStream() throws -> StreamDescription {
        guard let stream = try connection.stream(configuration.stream) else {
            throw MemberSetupError(
                message: "no stream '\(configuration.stream)' on \(where_): create it (bylaw publish --stream \(configuration.stream) does) "
                    + "or name another with --stream")
        }
        return stream
    }

    /// Creates the findings stream (capturing `PREFIX.>`, with `replicas` copies) unless a stream
    /// already takes those subjects.
    func ensureFindingsStream(replicas: Int) throws {
        let prefix = configuration.findingsSubject
        let window = configuration.duplicateWindow
        if let existing = try connection.stream(configuration.findingsStream) {
            if !existing.subjects.contains(where: { SubjectFilter($0).covers("\(prefix).block") }) {
                log("stream '\(existing.name)' does not take \(prefix).>: findings go to whichever stream does")
            } else {
                warnIfShort(window: existing.duplicateWindow, stream: existing.name)
            }
            return
        }
        if try connection.createStream(
            configuration.findingsStream, subjects: ["\(prefix).>"], replicas: max(1, replicas), duplicateWindow: window.nanoseconds)
        {
            log("created stream '\(configuration.findingsStream)' for \(prefix).> (\(max(1, replicas)) replicas, duplicate window \(window))")
        } else {
            log("findings go to the stream that takes \(prefix).>")
        }
    }

    private func warnIfShort(window: Int64, stream: String) {
        guard window < 2 * configuration.ackWait.nanoseconds else { return }
        log("warning: stream '\(stream)' keeps message ids for duplicate detection \(Duration.nanoseconds(window)), less than twice the "
            + "consumer's ack wait (\(configuration.ackWait)): a finding published again after a redelivery may be stored twice")
    }

    /// The durable pull consumer: created when missing; an existing one must be pulled and
    /// acknowledge each message, which is what several members sharing it need.
    func ensureConsumer() throws {
        let name = configuration.consumer
        let stream = configuration.stream
        var found = try connection.consumer(name, of: stream)
        if found == nil {
            let settings = ConsumerSettings(
                durable: name, ackWait: configuration.ackWait.nanoseconds, maxAckPending: Int64(configuration.effectiveMaxAckPending),
                filterSubject: configuration.filterSubject)
            do {
                found = try connection.createConsumer(on: stream, settings)
                log("created consumer '\(name)' on stream '\(stream)' (ack wait \(configuration.ackWait), "
                    + "max ack pending \(configuration.effectiveMaxAckPending)\(configuration.filterSubject.map { ", subjects \($0)" } ?? ""))")
            } catch {
                // Another member may have created it at the same moment.
                found = try connection.consumer(name, of: stream)
                if found == nil { throw error }
            }
        }
        guard let consumer = found else { return }
        guard consumer.isPull else {
            throw MemberSetupError(message: "consumer '\(name)' of stream '\(stream)' pushes to a deliver subject: members need a pull consumer")
        }
        guard consumer.acksExplicitly else {
            throw MemberSetupError(
                message: "consumer '\(name)' of stream '\(stream)' does not acknowledge each message (ack policy none or all): "
                    + "members sharing it could lose messages; use another --consumer name")
        }
        if let filter = configuration.filterSubject, consumer.filterSubject != filter {
            log("warning: consumer '\(name)' exists with subjects \(consumer.filterSubject ?? ">"), not \(filter): it keeps its own")
        }
    }
}

/// A NATS subject filter (`usage.>`, `usage.*.eu`), to tell whether it takes a subject.
struct SubjectFilter {
    private let tokens: [Substring]

    init(_ filter: String) { tokens = filter.split(separator: ".", omittingEmptySubsequences: false) }

    func covers(_ subject: String) -> Bool {
        let parts = subject.split(separator: ".", omittingEmptySubsequences: false)
        for (index, token) in tokens.enumerated() {
            if token == ">" { return parts.count > index }
            guard index < parts.count else { return false }
            if token != "*", token != parts[index] { return false }
        }
        return tokens.count == parts.count
    }
}
