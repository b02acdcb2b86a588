#if canImport(Glibc)
import Glibc
#endif
import BylawEval
import BylawReload
import BylawReport
import BylawSource

/// `bylaw consume` as a library call: one member of a JetStream durable pull consumer.
///
/// For each fetched batch it decides every message with the same ``UsageDecider`` `bylaw eval`
/// runs on a line, publishes each finding (the object of `eval --format ndjson`) to
/// `PREFIX.<enforcement>` and each malformed message's diagnostic to `PREFIX.malformed`, with a
/// `Nats-Msg-Id` made of the input's stream sequence and the rule (``FindingMessageID``), waits
/// until JetStream has stored them all, and only then acknowledges the batch. A member that
/// dies before that leaves the batch to be delivered again, to any member; the findings it
/// publishes again carry the same ids, so JetStream stores each once (within the findings
/// stream's duplicate window).
public final class StreamMember {
    public let configuration: MemberConfiguration
    private let revisions: MemberRevisions
    private let log: @Sendable (String) -> Void
    private let connection: NATSConnection
    private let subscription: NATSPullSubscription
    /// What the connection's callbacks saw (disconnects, reconnects), read into the stats.
    private let events: ConnectionEventCounts
    private var stats = MemberStats()
    private var evaluator: BatchEvaluator

    /// Connects and sets up what the member needs: the stream must exist; the findings stream
    /// and the consumer are created when missing. Throws ``MemberSetupError`` saying what is
    /// wrong.
    public init(configuration: MemberConfiguration, revisions: MemberRevisions, log: @escaping @Sendable (String) -> Void) throws(MemberSetupError) {
        self.configuration = configuration
        self.revisions = revisions
        self.log = log
        let events = ConnectionEventCounts()
        self.events = events
        var settings = NATSConnection.Settings()
        settings.name = configuration.clientName
        settings.maxPendingPublishes = Int64(max(8192, configuration.batchSize * 16))
        do {
            connection = try NATSConnection(servers: configuration.servers, settings: settings) { event in
                events.record(event, log: log)
            }
            let setup = MemberSetup(configuration: configuration, connection: connection, log: log)
            let replicas = try setup.inputStream().replicas
            try setup.ensureFindingsStream(replicas: replicas)
            try setup.ensureConsumer()
            subscription = try connection.subscribe(stream: configuration.stream, consumer: configuration.consumer)
        } catch let error as MemberSetupError {
            throw error
        } catch {
            throw MemberSetupError(message: "\(error)")
        }
        evaluator = BatchEvaluator(configuration: configuration, revision: revisions.current)
    }

    /// The server connected to now.
    public var server: String? { connection.connectedServer }

    /// Fetches, decides, publishes and acknowledges batch after batch until `control` asks to
    /// stop (and reloads when it asks to); then finishes the batch in hand, drains the connection and returns what it did.
    /// `report` is called after every batch and every empty fetch. Returns early, with
    /// ``MemberStats/failure`` set, when the connection is closed for good (the server refused it).
    public func run(until control: MemberControl, report: (MemberStats) -> Void) -> MemberStats {
        var failures = FailureLog(log: log)
        while !control.stopRequested {
            if control.takeReloadRequest() { revisions.reload(trigger: "signal") }
            if connection.isClosed {
                stats.failure = "the connection to NATS was closed by the server"
                break
            }
            let current = revisions.current
            if current.revision != evaluator.revision { evaluator = BatchEvaluator(configuration: configuration, revision: current) }
            let batch: NATSMessageBatch
            do {
                batch = try subscription.fetch(batch: configuration.batchSize, timeout: configuration.fetchWait.milliseconds)
                failures.recovered()
            } catch {
                // The server is away or JetStream is electing a leader: try again shortly.
                failures.note(error)
                sleep(milliseconds: 200)
                report(snapshot())
                continue
            }
            if !batch.isEmpty { process(batch) }
            report(snapshot())
        }
        // Finished too: what the server delivered to this member before the stop but no fetch
        // returned yet. Left alone, it would wait out the acknowledgement wait and go to another
        // member as a redelivery.
        if stats.failure == nil, connection.isConnected, let delivered = subscription.takeDelivered() { process(delivered) }
        revisions.stop()
        connection.drain(timeout: 5000)
        return snapshot()
    }

    /// Looks the consumer up for its lag and the messages awaiting acknowledgement.
    public func refreshLag() {
        guard connection.isConnected, let consumer = try? connection.consumer(configuration.consumer, of: configuration.stream) else { return }
        stats.lag = consumer.pending
        stats.ackPending = consumer.ackPending
    }

    private func snapshot() -> MemberStats {
        var copy = stats
        (copy.disconnects, copy.reconnects) = events.counts
        return copy
    }

    /// Decides a batch, publishes what it found, and acknowledges it once JetStream has stored
    /// every finding; otherwise leaves it to be delivered again.
    private func process(_ batch: NATSMessageBatch) {
        let before = connection.callbacks.acknowledgements
        var outcome = BatchOutcome()
        var publishError: NATSError?
        do {
            try evaluator.evaluate(batch, publisher: connection, into: &outcome)
        } catch {
            publishError = error
        }
        let acknowledged = connection.waitForAcknowledgements(timeout: configuration.publishTimeout.milliseconds)
        let counts = connection.callbacks.acknowledgements.since(before)
        guard publishError == nil, acknowledged, counts.failed == 0, counts.stored + counts.duplicates == outcome.published else {
            let reason = publishError.map { "\($0)" }
                ?? (!acknowledged ? "no acknowledgement within \(configuration.publishTimeout)"
                    : "\(counts.failed) refused (\(connection.callbacks.lastFailure.withLock { $0 } ?? "?"))")
            log("a batch of \(batch.count) messages is left to be delivered again: its findings were not all stored: \(reason)")
            for index in 0..<batch.count { batch[index].reject() }
            stats.batchesRetried += 1
            return
        }
        for index in 0..<batch.count {
            do { try batch[index].acknowledge() } catch { log("\(error) (it will be delivered again)") }
        }
        outcome.fold(into: &stats)
        stats.stored += counts.stored
        stats.duplicates += counts.duplicates
    }
}

/// Why a member cannot start: the server cannot be reached, the stream does not exist, the
/// consumer is not one members can share.
public struct MemberSetupError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}

/// Logs a run of the same failure once, and its end.
private struct FailureLog {
    let log: @Sendable (String) -> Void
    private var last: String?

    init(log: @escaping @Sendable (String) -> Void) { self.log = log }

    mutating func note(_ error: NATSError) {
        let text = "\(error)"
        guard text != last else { return }
        last = text
        log("\(text); retrying")
    }

    mutating func recovered() {
        guard last != nil else { return }
        last = nil
        log("fetching again")
    }
}

private func sleep(milliseconds: Int) {
    var spec = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
    var remaining = timespec()
    while nanosleep(&spec, &remaining) != 0 { spec = remaining }
}
