import BylawReload
import BylawSource
import Synchronization

/// The revision being served and the history of reloads, shared by every request and the
/// reloader. A request reads ``current`` once and keeps that snapshot to the end; a reload
/// replaces it in one step, so no request ever sees half of a reload.
final class SnapshotStore: Sendable {
    private struct State {
        var current: PolicySnapshot
        var succeeded = 0
        var failed = 0
        var lastFailure: ReloadFailure?
        var lastAttempt: WallTime?
        var draining = false
    }

    private let state: Mutex<State>

    init(_ first: PolicySnapshot) {
        state = Mutex(State(current: first))
    }

    /// The revision serving now.
    var current: PolicySnapshot { state.withLock { $0.current } }

    /// Ready while a valid revision is loaded and the server is not shutting down.
    var isReady: Bool { state.withLock { !$0.draining } }

    /// Marks the server as shutting down: `/health/ready` answers 503 from now on.
    func drain() { state.withLock { $0.draining = true } }

    /// Serves `snapshot` from now on.
    func install(_ snapshot: PolicySnapshot) {
        state.withLock { state in
            state.current = snapshot
            state.succeeded += 1
            state.lastFailure = nil
            state.lastAttempt = snapshot.loadedAt
        }
    }

    /// Records a reload that gave the revision already serving.
    func confirm() {
        state.withLock { state in
            state.succeeded += 1
            state.lastFailure = nil
            state.lastAttempt = WallTime.now
        }
    }

    /// Records a failed reload; the current revision keeps serving.
    func record(_ failure: ReloadFailure) {
        state.withLock { state in
            state.failed += 1
            state.lastFailure = failure
            state.lastAttempt = failure.at
        }
    }

    /// What the status reports about reloads.
    var reloads: (succeeded: Int, failed: Int, lastAttempt: WallTime?, lastFailure: ReloadFailure?) {
        state.withLock { ($0.succeeded, $0.failed, $0.lastAttempt, $0.lastFailure) }
    }
}
