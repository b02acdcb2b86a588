import BylawReload
import BylawSource
import Dispatch
import Synchronization

/// The revision a member evaluates with, reloaded as `bylaw serve` reloads: when the files
/// change (``ReloadWatch``), when the date does, and on SIGHUP. Reloads run one at a time on a
/// queue of their own; the member picks the new revision up between two batches, so a batch is
/// evaluated under one revision from start to end. A reload that fails keeps the last good
/// revision and says why.
public final class MemberRevisions: Sendable {
    private struct State {
        var current: LoadedRevision
        var succeeded = 0
        var failed = 0
        var failing = false
    }

    private let sources: PolicySources
    private let state: Mutex<State>
    private let queue = DispatchQueue(label: "bylaw.consume.reload")
    private let log: @Sendable (String) -> Void
    private let watcher = Mutex<Task<Void, Never>?>(nil)

    /// Starts from `first` (the start-up load); `log` gets one line a reload.
    public init(sources: PolicySources, first: LoadedRevision, log: @escaping @Sendable (String) -> Void) {
        self.sources = sources
        self.state = Mutex(State(current: first))
        self.log = log
    }

    /// The revision to evaluate with now.
    public var current: LoadedRevision { state.withLock { $0.current } }

    /// Reloads so far, and whether the last one failed.
    public var reloads: (succeeded: Int, failed: Int, failing: Bool) { state.withLock { ($0.succeeded, $0.failed, $0.failing) } }

    /// Watches the files every `interval` (nil: only the date) until ``stop()``.
    public func watch(interval: Duration?) {
        let watch = ReloadWatch(interval: interval, fixedToday: sources.fixedToday, fingerprint: { [sources] in sources.fingerprint() })
        let first = sources.fingerprint()
        let task = Task.detached { [self] in
            await watch.run(from: first, today: { self.current.today }) { trigger in self.reload(trigger: trigger) }
        }
        watcher.withLock { $0 = task }
    }

    /// Stops watching.
    public func stop() {
        watcher.withLock { $0?.cancel() }
    }

    /// Reloads in the background (SIGHUP, a change seen); `done` is called after.
    public func reload(trigger: String, done: (@Sendable () -> Void)? = nil) {
        queue.async { [self] in
            perform(trigger: trigger)
            done?()
        }
    }

    private func perform(trigger: String) {
        switch sources.load(trigger: trigger) {
        case .success(let loaded):
            for warning in loaded.warnings { log(DiagnosticPrinter().render(warning)) }
            let previous = state.withLock { state -> String? in
                state.succeeded += 1
                state.failing = false
                guard state.current.revision != loaded.revision else { return nil }
                let previous = state.current.revision
                state.current = loaded
                return previous
            }
            if let previous {
                log("reloaded (\(trigger)): now evaluating with revision \(loaded.revision), was \(previous)")
            }
        case .failure(let failure):
            let revision = state.withLock { state -> String in
                state.failed += 1
                state.failing = true
                return state.current.revision
            }
            let details = failure.diagnostics.map { DiagnosticPrinter().render($0) }.joined()
            log("reload (\(trigger)) failed: \(failure.message); still evaluating with revision \(revision)\n\(details)")
        }
    }
}
