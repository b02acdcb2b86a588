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
/// `Nats-Msg-Id` made of the input's stream sequence and the rule (``FindingMessageID``), and
/// acknowledges the batch only once JetStream has stored them all. A member that dies before
/// that leaves the batch to be delivered again, to any member; the findings it publishes again
/// carry the same ids, so JetStream stores each once (within the findings stream's duplicate
/// window).
///
/// Pipelined: while one batch's findings are being stored, the member fetches, decides and
/// publishes the next (on the other of two ``NATSPublishLane``s, so each batch counts its own
/// acknowledgements), and acknowledges the first batch's messages as soon as the last of its
/// findings is stored. At most two batches are unacknowledged at a time: the one in flight and
/// the one in hand.
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
    /// Two lanes, one per batch unacknowledged.
    private let lanes: [NATSPublishLane]
    /// The batch published whose findings are not all acknowledged yet.
    private var inFlight: PublishedBatch?

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
        do {
            connection = try NATSConnection(servers: configuration.servers, settings: settings) { event in
                events.record(event, log: log)
            }
            let setup = MemberSetup(configuration: configuration, connection: connection, log: log)
            let replicas = try MemberSetup.retryingTimeouts("looking up stream '\(configuration.stream)'", log: log) {
                try setup.inputStream().replicas
            }
            try MemberSetup.retryingTimeouts("setting up stream '\(configuration.findingsStream)'", log: log) {
                try setup.ensureFindingsStream(replicas: replicas)
            }
            try MemberSetup.retryingTimeouts("setting up consumer '\(configuration.consumer)'", log: log) { try setup.ensureConsumer() }
            subscription = try connection.subscribe(stream: configuration.stream, consumer: configuration.consumer)
            let connection = connection
            lanes = try (0..<2).map { _ throws(NATSError) in try NATSPublishLane(connection, maxPending: configuration.maxPendingPublishes) }
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
    /// stop (and reloads when it asks to); then finishes the batch in hand, waits for the
    /// findings of every batch in flight and acknowledges them, drains the connection and
    /// returns what it did. `report` is called after every batch and every empty fetch.
    /// Returns early, with ``MemberStats/failure`` set, when the connection is closed for good
    /// (the server refused it).
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
            settleIfStored()
            // Past the end of the stream a fetch waits for new messages: the batch in flight is
            // settled first rather than held back for that wait. (A shorter fetch wait instead
            // would leave messages of a timed-out fetch arriving late; see fetch(batch:timeout:).)
            if let published = inFlight, published.outcome.lag ?? 0 == 0 { settleInFlight() }
            let batch: NATSMessageBatch
            do {
                batch = try subscription.fetch(batch: configuration.batchSize, timeout: configuration.fetchWait.milliseconds)
                failures.recovered()
            } catch {
                // The server is away or JetStream is electing a leader: try again shortly.
                failures.note(error)
                settleInFlight()
                sleep(milliseconds: 200)
                report(snapshot())
                continue
            }
            if batch.isEmpty {
                settleInFlight()
            } else {
                process(batch)
            }
            report(snapshot())
        }
        // Finished too: what the server delivered to this member before the stop but no fetch
        // returned yet. Left alone, it would wait out the acknowledgement wait and go to another
        // member as a redelivery.
        if stats.failure == nil, connection.isConnected, let delivered = subscription.takeDelivered() { process(delivered) }
        settleInFlight()
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
        copy.inFlight = inFlight?.outcome.counts.messages ?? 0
        (copy.disconnects, copy.reconnects) = events.counts
        return copy
    }

    /// Decides a batch and publishes what it found on the lane the batch in flight does not
    /// use; meanwhile acknowledges the batch in flight as soon as its findings are stored. Then
    /// waits for that batch if it is still in flight, and leaves this one in flight.
    private func process(_ batch: NATSMessageBatch) {
        let lane = inFlight?.lane === lanes[0] ? lanes[1] : lanes[0]
        var published = PublishedBatch(messages: batch, lane: lane)
        do {
            try evaluator.evaluate(batch, publisher: lane, into: &published.outcome) { index in
                if index % 16 == 15 { settleIfStored() }
            }
        } catch {
            published.publishError = error
        }
        settleInFlight()
        inFlight = published
    }

    /// Acknowledges the batch in flight if all its findings are answered, without waiting.
    private func settleIfStored() {
        guard let published = inFlight, published.isAnswered else { return }
        inFlight = nil
        settle(published, answered: true)
    }

    /// Waits for the findings of the batch in flight (up to the publish timeout) and settles it.
    private func settleInFlight() {
        guard let published = inFlight else { return }
        inFlight = nil
        // A closed connection answers nothing more, and can acknowledge nothing either.
        guard !connection.isClosed else { return }
        settle(published, answered: published.lane.waitForAcknowledgements(timeout: configuration.publishTimeout.milliseconds))
    }

    /// Acknowledges a batch whose findings JetStream has all stored; otherwise leaves it to be
    /// delivered again.
    private func settle(_ published: PublishedBatch, answered: Bool) {
        let batch = published.messages
        let counts = published.lane.counts.since(published.before)
        guard published.publishError == nil, answered, counts.failed == 0, counts.stored + counts.duplicates == published.outcome.published else {
            let reason = published.publishError.map { "\($0)" }
                ?? (!answered ? "no acknowledgement within \(configuration.publishTimeout)"
                    : "\(counts.failed) refused (\(published.lane.lastFailure ?? "?"))")
            log("a batch of \(batch.count) messages is left to be delivered again: its findings were not all stored: \(reason)")
            for index in 0..<batch.count { batch[index].reject() }
            stats.batchesRetried += 1
            return
        }
        for index in 0..<batch.count {
            do { try batch[index].acknowledge() } catch { log("\(error) (it will be delivered again)") }
        }
        published.outcome.fold(into: &stats)
        stats.stored += counts.stored
        stats.duplicates += counts.duplicates
    }
}

/// A batch decided and published, waiting for its findings' acknowledgements before its
/// messages are acknowledged.
struct PublishedBatch {
    let messages: NATSMessageBatch
    let lane: NATSPublishLane
    /// The lane's counts before the batch's first publish.
    let before: NATSPublishCounts
    var outcome = BatchOutcome()
    /// Why publishing stopped part-way, when it did: the batch is delivered again.
    var publishError: NATSError?

    init(messages: NATSMessageBatch, lane: NATSPublishLane) {
        self.messages = messages
        self.lane = lane
        before = lane.counts
    }

    /// Every publish of the batch answered (stored, duplicate or refused).
    var isAnswered: Bool { publishError == nil && lane.counts.since(before).total >= outcome.published }
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

/// Sleeps for `milliseconds`, resuming after signals until the time has passed.
func sleep(milliseconds: Int) {
    var spec = timespec(tv_sec: milliseconds / 1000, tv_nsec: (milliseconds % 1000) * 1_000_000)
    var remaining = timespec()
    while nanosleep(&spec, &remaining) != 0 { spec = remaining }
}
