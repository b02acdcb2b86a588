/// What a member has done since it started: every message accounted for (an event, a blank
/// message or a malformed one), the findings it published and how JetStream took them, and
/// the consumer's lag.
public struct MemberStats: Sendable {
    /// Messages evaluated and acknowledged (a message delivered twice counts twice).
    public var messages = 0
    public var events = 0
    public var blank = 0
    public var malformed = 0
    /// Messages that came a second time or more (a member died or gave a batch up before
    /// acknowledging them).
    public var redelivered = 0
    /// Findings published, by enforcement, and evaluation errors among them.
    public var block = 0
    public var warn = 0
    public var audit = 0
    public var evaluationErrors = 0
    /// Publishes JetStream stored.
    public var stored = 0
    /// Publishes JetStream recognised by their message id as already stored (a redelivered
    /// message's findings).
    public var duplicates = 0
    /// Batches given up (a publish refused or unacknowledged): their messages are delivered again.
    public var batchesRetried = 0
    /// Messages of the consumer not delivered yet, as of the last message or look-up.
    public var lag: UInt64 = 0
    /// Messages delivered to any member and not acknowledged yet, as of the last look-up.
    public var ackPending: Int64 = 0
    /// Messages of this member decided and published, waiting for JetStream to store their
    /// findings before they are acknowledged (the batch in flight).
    public var inFlight = 0
    public var disconnects = 0
    public var reconnects = 0
    /// Why the member stopped by itself, when it did.
    public var failure: String?

    public init() {}

    /// Findings published, every enforcement.
    public var findings: Int { block + warn + audit }

    /// Adds a batch's counts of messages and findings.
    mutating func add(_ batch: MemberStats) {
        messages += batch.messages
        events += batch.events
        blank += batch.blank
        malformed += batch.malformed
        redelivered += batch.redelivered
        block += batch.block
        warn += batch.warn
        audit += batch.audit
        evaluationErrors += batch.evaluationErrors
    }

    /// One line for a log: `12000 messages (11990 events, 10 malformed), 5400 findings stored …`.
    public var summary: String {
        "\(messages) messages (\(events) events, \(blank) blank, \(malformed) malformed, \(redelivered) redelivered), "
            + "\(findings) findings (\(block) block, \(warn) warn, \(audit) audit), \(stored) stored, \(duplicates) duplicates, lag \(lag)"
    }
}
