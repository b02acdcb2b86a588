#if canImport(Glibc)
import BylawReload
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawEval
import Dispatch
import Logging
import Synchronization

/// The decision log: one NDJSON line per decision, to a file or standard output.
///
/// A request only queues its record (a lock and an append); a thread of the log's own masks,
/// encodes and writes. The queue holds at most ``DecisionLogSettings/bufferBytes``: past it a
/// record is dropped and counted, so a slow or full sink costs records, never a stalled request
/// or unbounded memory. Write errors (a full disk) are counted, logged and shown in the
/// status; the log goes on with the next records.
final class DecisionLog: Sendable {
    /// What one decision leaves in the log.
    struct Record: Sendable {
        let id: DecisionID
        let time: WallTime
        let revision: String
        let eventID: String?
        let denies: Bool
        let findings: [Finding]
        /// The event as the request sent it.
        let event: [UInt8]

        /// What the record holds in memory, roughly, for the queue's bound.
        var cost: Int { 256 + event.count + findings.count * 256 }
    }

    /// What the status shows of the log.
    struct Health: Sendable {
        var written = 0
        var dropped = 0
        var writeErrors = 0
        var lastError: String?
        var lastErrorAt: WallTime?
    }

    private struct Queue {
        var records: [Record] = []
        var bytes = 0
        var closed = false
        var reopen = false
        var health = Health()
        var lastLoggedError: WallTime?
    }

    let settings: DecisionLogSettings
    private let metrics: ServeMetrics
    private let logger: Logger
    private let queue = Mutex(Queue())
    private let wake = DispatchSemaphore(value: 0)
    private let finished = DispatchSemaphore(value: 0)
    private let sink: DecisionLogSink

    /// Opens the log (a file is created if needed and appended to) and starts its writer.
    init(settings: DecisionLogSettings, metrics: ServeMetrics, logger: Logger) throws(DecisionLogSink.OpenError) {
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
        sink = try DecisionLogSink(path: settings.path)
        let thread = DispatchQueue(label: "bylaw.serve.decision-log")
        thread.async { self.writeUntilClosed() }
    }

    /// Queues a decision's record (or counts it dropped when the queue is full).
    func append(_ record: Record) {
        if settings.dropAllows, !record.denies { return }
        let (accepted, wasEmpty) = queue.withLock { queue -> (Bool, Bool) in
            guard !queue.closed, queue.bytes + record.cost <= settings.bufferBytes else {
                queue.health.dropped += 1
                return (false, false)
            }
            queue.records.append(record)
            queue.bytes += record.cost
            return (true, queue.records.count == 1)
        }
        if !accepted {
            metrics.logDropped.increment()
        } else if wasEmpty {
            wake.signal()
        }
    }

    /// Reopens a log file (after it was rotated away); standard output stays as it is.
    func reopen() {
        queue.withLock { $0.reopen = true }
        wake.signal()
    }

    var health: Health { queue.withLock { $0.health } }

    /// Writes what is queued and stops, waiting at most `timeout` for a slow sink.
    func close(timeout: Duration) async {
        queue.withLock { $0.closed = true }
        wake.signal()
        let finished = self.finished
        let flushed = await withCheckedContinuation { continuation in
            DispatchQueue.global().async {
                let nanoseconds = timeout.components.seconds * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000
                continuation.resume(returning: finished.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .success)
            }
        }
        if !flushed {
            let waiting = queue.withLock { $0.records.count }
            logger.error("decision log: the sink did not take the last records within \(timeout); \(waiting) records were not written")
        }
    }

    private func writeUntilClosed() {
        var encoder = DecisionLogEncoder(masks: settings.masks)
        var buffer: [UInt8] = []
        while true {
            wake.wait()
            let (records, closed, reopen) = queue.withLock { queue in
                defer {
                    queue.records.removeAll()
                    queue.bytes = 0
                    queue.reopen = false
                }
                return (queue.records, queue.closed, queue.reopen)
            }
            if reopen, let problem = sink.reopen() { note(problem) }
            if !records.isEmpty {
                buffer.removeAll(keepingCapacity: true)
                for record in records { encoder.encode(record, to: &buffer) }
                if let problem = sink.write(buffer) {
                    queue.withLock { $0.health.dropped += records.count }
                    metrics.logDropped.increment(by: Int64(records.count))
                    note(problem)
                } else {
                    queue.withLock { $0.health.written += records.count }
                    metrics.logWritten.increment(by: Int64(records.count))
                }
            }
            if closed, queue.withLock({ $0.records.isEmpty }) { break }
        }
        finished.signal()
    }

    /// Counts a write error and logs it (the first of a run of them, then at most once a minute).
    private func note(_ problem: String) {
        metrics.logWriteErrors.increment()
        let now = WallTime.now
        let shouldLog = queue.withLock { queue -> Bool in
            queue.health.writeErrors += 1
            queue.health.lastError = problem
            queue.health.lastErrorAt = now
            guard queue.lastLoggedError.map({ now.seconds - $0.seconds >= 60 }) ?? true else { return false }
            queue.lastLoggedError = now
            return true
        }
        if shouldLog { logger.error("decision log: \(problem); records are dropped until writes succeed again") }
    }
}
