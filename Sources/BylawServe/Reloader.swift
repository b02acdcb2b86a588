import BylawReload
import BylawSource
import Dispatch
import Logging
import ServiceLifecycle
import UnixSignals

/// Reloads the policies, the workspace and the token file: when the files change (they are
/// looked at every `watchInterval`), on SIGHUP, on `POST /v1/reload`, and when the date
/// changes (exceptions expire by date). Reloads run one at a time, on a thread of their own:
/// a compile never holds up a request. A reload that fails leaves the serving revision in
/// place and says why in the status, the metrics and the log.
final class Reloader: Service, Sendable {
    /// What one reload did.
    enum Outcome: Sendable {
        /// A new revision serves.
        case reloaded(PolicySnapshot)
        /// The files give the revision already serving.
        case unchanged(PolicySnapshot)
        case failed(ReloadFailure)
    }

    private struct Job: Sendable {
        let trigger: String
        let reply: CheckedContinuation<Outcome, Never>?
    }

    private let loader: RevisionLoader
    private let store: SnapshotStore
    private let metrics: ServeMetrics
    private let log: DecisionLog?
    private let logger: Logger
    private let fingerprint: @Sendable () -> SourceFingerprint
    private let firstFingerprint: SourceFingerprint
    private let jobs: AsyncStream<Job>
    private let submit: AsyncStream<Job>.Continuation
    private let queue = DispatchQueue(label: "bylaw.serve.reload")

    init(loader: RevisionLoader, store: SnapshotStore, metrics: ServeMetrics, log: DecisionLog?, logger: Logger, firstFingerprint: SourceFingerprint) {
        self.loader = loader
        self.store = store
        self.metrics = metrics
        self.log = log
        self.logger = logger
        let configuration = loader.configuration
        fingerprint = { configuration.fingerprint }
        self.firstFingerprint = firstFingerprint
        (jobs, submit) = AsyncStream.makeStream(of: Job.self, bufferingPolicy: .unbounded)
    }

    /// Reloads now and says how it went (`POST /v1/reload`). Waits behind a reload under way.
    func reload(trigger: String) async -> Outcome {
        await withCheckedContinuation { reply in
            if case .terminated = submit.yield(Job(trigger: trigger, reply: reply)) {
                reply.resume(returning: .unchanged(store.current))
            }
        }
    }

    func run() async throws {
        await withDiscardingTaskGroup { group in
            group.addTask { await self.performJobs() }
            group.addTask { await self.watch() }
            group.addTask { await self.trapHangUps() }
            try? await gracefulShutdown()
            submit.finish()
            group.cancelAll()
        }
    }

    private func performJobs() async {
        for await job in jobs {
            let outcome = await perform(trigger: job.trigger)
            job.reply?.resume(returning: outcome)
        }
    }

    private func watch() async {
        let configuration = loader.configuration
        let watch = ReloadWatch(interval: configuration.watchInterval, fixedToday: configuration.fixedToday, fingerprint: fingerprint)
        let store = self.store
        let submit = self.submit
        await watch.run(from: firstFingerprint, today: { store.current.today }) { trigger in
            submit.yield(Job(trigger: trigger, reply: nil))
        }
    }

    private func trapHangUps() async {
        for await _ in await UnixSignalsSequence(trapping: .sighup) {
            log?.reopen()
            submit.yield(Job(trigger: "signal", reply: nil))
        }
    }

    private func perform(trigger: String) async -> Outcome {
        let loader = self.loader
        let result = await withCheckedContinuation { continuation in
            queue.async { continuation.resume(returning: loader.load(trigger: trigger)) }
        }
        switch result {
        case .success(let loaded):
            metrics.reloadsSucceeded.increment()
            metrics.reloadFailing.set(to: 0)
            let current = store.current
            for warning in loaded.warnings { logger.warning("\(DiagnosticPrinter().render(warning))") }
            guard loaded.snapshot.revision != current.revision else {
                let recovered = store.reloads.lastFailure != nil
                store.confirm()
                if recovered {
                    // Back from a failed reload to the files of the serving revision: worth saying.
                    logger.info("reload (\(trigger)): the files give the serving revision \(current.revision) again")
                } else {
                    logger.debug("reload (\(trigger)): revision \(current.revision) unchanged")
                }
                return .unchanged(current)
            }
            store.install(loaded.snapshot)
            metrics.loadedAt.set(to: loaded.snapshot.loadedAt.unixSeconds)
            logger.info("reloaded (\(trigger)): now serving revision \(loaded.snapshot.revision), was \(current.revision)")
            return .reloaded(loaded.snapshot)
        case .failure(let failure):
            store.record(failure)
            metrics.reloadsFailed.increment()
            metrics.reloadFailing.set(to: 1)
            let details = failure.diagnostics.map { DiagnosticPrinter().render($0) }.joined()
            logger.error("reload (\(trigger)) failed: \(failure.message); still serving revision \(store.current.revision)\n\(details)")
            return .failed(failure)
        }
    }
}
