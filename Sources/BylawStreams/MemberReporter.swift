#if canImport(Glibc)
import Glibc
#endif

/// What a member shows while it runs: a progress line on a terminal (messages, events/s, lag),
/// a log line every interval otherwise, and the metrics file every interval. The lag comes from
/// the messages themselves and, every interval, from a look-up of the consumer (which also
/// gives the messages awaiting acknowledgement across members).
public final class MemberReporter {
    public struct Settings: Sendable {
        /// Draw a progress line (stderr is a terminal).
        public var progress = false
        /// How often to log a line (when not drawing) and write the metrics.
        public var interval: Duration = .seconds(10)
        /// Where to write the metrics; nil writes none.
        public var metricsPath: String?

        public init() {}
    }

    private let settings: Settings
    private let member: StreamMember
    private let revisions: MemberRevisions
    private let draw: (String) -> Void
    private let log: (String) -> Void
    private var lastDraw = 0.0
    private var lastInterval: Double
    private var eventsAtInterval = 0
    private var rate = 0.0
    private var logged = -1
    private var drawn = false

    public init(settings: Settings, member: StreamMember, revisions: MemberRevisions, draw: @escaping (String) -> Void, log: @escaping (String) -> Void) {
        self.settings = settings
        self.member = member
        self.revisions = revisions
        self.draw = draw
        self.log = log
        lastInterval = Self.now()
    }

    /// Called after every batch and every empty fetch.
    public func update(_ stats: MemberStats) {
        let now = Self.now()
        let seconds = settings.interval.seconds
        if now - lastInterval >= seconds {
            rate = Double(stats.events - eventsAtInterval) / (now - lastInterval)
            eventsAtInterval = stats.events
            lastInterval = now
            member.refreshLag()
            if !settings.progress, stats.messages != logged {
                logged = stats.messages
                log("\(stats.summary), \(Int(rate)) events/s")
            }
            writeMetrics(stats)
        }
        guard settings.progress, now - lastDraw >= 0.2 else { return }
        lastDraw = now
        draw("\r\u{1B}[K\(stats.messages) messages, \(Int(rate)) events/s, \(stats.findings) findings, lag \(stats.lag)"
            + (stats.redelivered > 0 ? ", \(stats.redelivered) redelivered" : ""))
        drawn = true
    }

    /// Clears the progress line and writes the metrics one last time.
    public func finish(_ stats: MemberStats) {
        if drawn { draw("\r\u{1B}[K") }
        writeMetrics(stats)
    }

    private func writeMetrics(_ stats: MemberStats) {
        guard let path = settings.metricsPath else { return }
        let text = MemberMetrics.exposition(stats, rate: rate, reloads: revisions.reloads, revision: revisions.current)
        // Written beside and renamed over, so a reader never sees half a file.
        let temporary = path + ".tmp"
        guard let file = fopen(temporary, "w") else { return }
        let written = fputs(text, file) >= 0
        fclose(file)
        if written { rename(temporary, path) } else { unlink(temporary) }
    }

    private static func now() -> Double {
        var spec = timespec()
        clock_gettime(CLOCK_MONOTONIC, &spec)
        return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
    }
}

extension Duration {
    /// Seconds as a `Double`.
    var seconds: Double {
        let (seconds, attoseconds) = components
        return Double(seconds) + Double(attoseconds) / 1e18
    }
}
