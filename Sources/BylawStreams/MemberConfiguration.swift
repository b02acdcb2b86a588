import BylawReload

/// Everything `bylaw consume` is told: where the stream is, which durable consumer to share,
/// what to load, where findings go, and how it batches.
public struct MemberConfiguration: Sendable {
    /// `nats://HOST:PORT` URLs: the first that answers is used, the rest (and any server the
    /// cluster names) serve for reconnecting.
    public var servers: [String]
    /// The stream of usage events.
    public var stream: String
    /// The durable pull consumer the members share (created on first use).
    public var consumer: String
    /// What each revision is loaded from.
    public var sources: PolicySources
    /// Findings go to `PREFIX.block`, `PREFIX.warn`, `PREFIX.audit`; malformed messages to
    /// `PREFIX.malformed`.
    public var findingsSubject = "bylaw.findings"
    /// The stream created for the findings when no stream captures `PREFIX.>` yet.
    public var findingsStream = "BYLAW_FINDINGS"
    /// The subjects of the stream the consumer takes, when it is created (all by default).
    public var filterSubject: String?
    /// The most messages fetched, evaluated and acknowledged together.
    public var batchSize = 256
    /// How long a delivered message waits for its acknowledgement before JetStream delivers it
    /// again (to any member), when the consumer is created.
    public var ackWait: Duration = .seconds(30)
    /// The most messages delivered and not acknowledged, across members, when the consumer is
    /// created; 0 picks 16 batches.
    public var maxAckPending = 0
    /// The duplicate window of the findings stream, when it is created.
    public var duplicateWindow: Duration = .seconds(120)
    /// The longest message evaluated, as `bylaw eval` limits lines (1 MiB): a longer one is
    /// malformed (`stream.line-too-long`).
    public var maxLineLength = 1 << 20
    /// How long a fetch waits for messages when there are none (and so how soon an idle member
    /// notices SIGTERM).
    public var fetchWait: Duration = .milliseconds(500)
    /// How long a batch waits for its findings' publish acknowledgements before it gives up
    /// and leaves its messages to be delivered again.
    public var publishTimeout: Duration = .seconds(10)
    /// How often the files are checked for changes; nil turns watching off (SIGHUP still
    /// reloads).
    public var watchInterval: Duration? = .seconds(1)
    /// The name the NATS server shows for the connection.
    public var clientName = "bylaw consume"

    public init(servers: [String], stream: String, consumer: String, sources: PolicySources) {
        self.servers = servers
        self.stream = stream
        self.consumer = consumer
        self.sources = sources
    }

    /// The most findings of one batch awaiting their acknowledgement; past it publishing waits.
    var maxPendingPublishes: Int64 { Int64(max(8192, batchSize * 16)) }

    /// The `max_ack_pending` a created consumer gets.
    var effectiveMaxAckPending: Int { maxAckPending > 0 ? maxAckPending : max(1000, batchSize * 16) }
}

extension Duration {
    /// Whole milliseconds, as the NATS client takes them.
    var milliseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }

    /// Whole nanoseconds, as JetStream's configurations take them.
    var nanoseconds: Int64 {
        let (seconds, attoseconds) = components
        return seconds * 1_000_000_000 + attoseconds / 1_000_000_000
    }
}
