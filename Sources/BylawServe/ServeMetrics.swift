import BylawEval
import Prometheus

/// A finding counter of the metrics (one per rule, enforcement and kind).
typealias FindingCounter = Counter

/// The server's Prometheus metrics (`GET /metrics`): decisions, findings by rule and
/// enforcement, request latency by route, request errors, reloads, and the decision log.
/// Every counter is an atomic, so counting costs no lock on the request path.
final class ServeMetrics: Sendable {
    let registry = PrometheusCollectorRegistry()
    let allowed: Counter
    let denied: Counter
    let reloadsSucceeded: Counter
    let reloadsFailed: Counter
    /// 1 while the last reload failed (the previous revision still serving), else 0.
    let reloadFailing: Gauge
    let loadedAt: Gauge
    let logWritten: Counter
    let logDropped: Counter
    let logWriteErrors: Counter
    private let latency: [ServeRoute: DurationHistogram]

    /// Request latencies from 25 µs to 10 s.
    static let buckets: [Duration] = [
        .microseconds(25), .microseconds(50), .microseconds(100), .microseconds(250), .microseconds(500),
        .milliseconds(1), .milliseconds(2.5), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(100),
        .milliseconds(250), .seconds(1), .seconds(10),
    ]

    init() {
        let registry = self.registry
        func counter(_ name: String, _ help: String, _ labels: [(String, String)] = []) -> Counter {
            registry.makeCounter(descriptor: .init(namespace: "bylaw", metricName: name, unitName: "total", helpText: help), labels: labels)
        }
        let decisions = "Decisions made, by decision (batch events included)."
        allowed = counter("decisions", decisions, [("decision", "allow")])
        denied = counter("decisions", decisions, [("decision", "deny")])
        let reloads = "Reloads of the policies and workspace, by result."
        reloadsSucceeded = counter("reloads", reloads, [("result", "success")])
        reloadsFailed = counter("reloads", reloads, [("result", "failure")])
        reloadFailing = registry.makeGauge(descriptor: .init(
            namespace: "bylaw", metricName: "reload_failing", unitName: "", helpText: "1 while the last reload failed and the previous revision serves."))
        loadedAt = registry.makeGauge(descriptor: .init(
            namespace: "bylaw", metricName: "revision_loaded", unitName: "timestamp_seconds", helpText: "When the serving revision was loaded."))
        let log = "Decision log records, by outcome."
        logWritten = counter("decision_log_records", log, [("outcome", "written")])
        logDropped = counter("decision_log_records", log, [("outcome", "dropped")])
        logWriteErrors = registry.makeCounter(descriptor: .init(
            namespace: "bylaw", metricName: "decision_log_write_errors", unitName: "total", helpText: "Failed writes to the decision log."))
        var latency: [ServeRoute: DurationHistogram] = [:]
        for route in ServeRoute.allCases where route.isTimed {
            latency[route] = registry.makeDurationHistogram(
                descriptor: .init(
                    namespace: "bylaw", metricName: "request_duration", unitName: "seconds",
                    helpText: "Time from a request's arrival at its route to its response, by route."),
                labels: [("route", route.path)], buckets: Self.buckets)
        }
        self.latency = latency
    }

    /// Counts a decision.
    func count(denies: Bool) {
        (denies ? denied : allowed).increment()
    }

    /// The counter of a rule's findings at an enforcement and kind (created on first use).
    func findingCounter(_ finding: Finding) -> FindingCounter {
        registry.makeCounter(
            descriptor: .init(
                namespace: "bylaw", metricName: "findings", unitName: "total", helpText: "Findings of decisions, by rule, enforcement and kind."),
            labels: [("rule", finding.rule.fullID), ("enforcement", finding.enforcement.rawValue), ("kind", finding.kind.rawValue)])
    }

    /// Records how long a request of `route` took.
    func record(_ route: ServeRoute, since start: ContinuousClock.Instant) {
        latency[route]?.record(ContinuousClock.now - start)
    }

    /// Counts a request answered with an error status.
    func countError(route: String, status: Int) {
        registry.makeCounter(
            descriptor: .init(namespace: "bylaw", metricName: "request_errors", unitName: "total", helpText: "Requests answered with an error, by route and status."),
            labels: [("route", route), ("status", String(status))]
        ).increment()
    }

    /// The Prometheus text exposition.
    func exposition() -> [UInt8] {
        var buffer: [UInt8] = []
        registry.emit(into: &buffer)
        return buffer
    }
}
