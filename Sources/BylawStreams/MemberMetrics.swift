import BylawReload

/// The member's figures in the Prometheus text format, written to a file (`--metrics FILE`)
/// that node_exporter's textfile collector or a sidecar serves: a member runs no HTTP server.
public enum MemberMetrics {
    /// The exposition of `stats`; `rate` is events/s over the last interval.
    public static func exposition(_ stats: MemberStats, rate: Double, reloads: (succeeded: Int, failed: Int, failing: Bool), revision: LoadedRevision) -> String {
        var out = ""
        func metric(_ name: String, _ type: String, _ help: String, _ samples: [(String, String)]) {
            out += "# HELP \(name) \(help)\n# TYPE \(name) \(type)\n"
            for (labels, value) in samples { out += "\(name)\(labels) \(value)\n" }
        }
        metric("bylaw_consume_messages_total", "counter", "Messages evaluated and acknowledged, by what they were.", [
            ("{outcome=\"event\"}", "\(stats.events)"), ("{outcome=\"blank\"}", "\(stats.blank)"), ("{outcome=\"malformed\"}", "\(stats.malformed)"),
        ])
        metric("bylaw_consume_redelivered_total", "counter", "Messages that came again (a member stopped or gave a batch up before acknowledging).",
               [("", "\(stats.redelivered)")])
        metric("bylaw_consume_findings_total", "counter", "Findings published, by enforcement.", [
            ("{enforcement=\"block\"}", "\(stats.block)"), ("{enforcement=\"warn\"}", "\(stats.warn)"), ("{enforcement=\"audit\"}", "\(stats.audit)"),
        ])
        metric("bylaw_consume_evaluation_errors_total", "counter", "Findings that are evaluation errors.", [("", "\(stats.evaluationErrors)")])
        metric("bylaw_consume_published_total", "counter", "Findings and malformed reports acknowledged by JetStream, by result.", [
            ("{result=\"stored\"}", "\(stats.stored)"), ("{result=\"duplicate\"}", "\(stats.duplicates)"),
        ])
        metric("bylaw_consume_batches_retried_total", "counter", "Batches left to be delivered again (a publish refused or unacknowledged).",
               [("", "\(stats.batchesRetried)")])
        metric("bylaw_consume_lag_messages", "gauge", "Messages of the consumer not delivered yet (all members).", [("", "\(stats.lag)")])
        metric("bylaw_consume_ack_pending_messages", "gauge", "Messages delivered and not acknowledged yet (all members).", [("", "\(stats.ackPending)")])
        metric("bylaw_consume_in_flight_messages", "gauge", "Messages of this member decided and published, waiting for their findings to be stored.",
               [("", "\(stats.inFlight)")])
        metric("bylaw_consume_events_per_second", "gauge", "Events evaluated per second over the last interval.", [("", String(Int(rate.rounded())))])
        metric("bylaw_consume_disconnects_total", "counter", "Times the connection to NATS was lost.", [("", "\(stats.disconnects)")])
        metric("bylaw_reloads_total", "counter", "Reloads of the policies and workspace, by result.", [
            ("{result=\"success\"}", "\(reloads.succeeded)"), ("{result=\"failure\"}", "\(reloads.failed)"),
        ])
        metric("bylaw_reload_failing", "gauge", "1 while the last reload failed and the previous revision evaluates.", [("", reloads.failing ? "1" : "0")])
        metric("bylaw_revision_loaded_timestamp_seconds", "gauge", "When the revision evaluating was loaded.", [("", "\(revision.loadedAt.seconds)")])
        return out
    }
}
