#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// How a long-running member is told to stop (SIGTERM, SIGINT) or to reload (SIGHUP): two flags
/// the member looks at between batches.
///
/// ``installSignalHandlers()`` points the process's signals at ``process``: the handlers only
/// store into an atomic, which is safe in a signal handler, and they are installed before
/// anything else starts, so a signal that comes early (during start-up) is kept, not lost.
public final class MemberControl: Sendable {
    private let stopping = Atomic<Bool>(false)
    private let hangUps = Atomic<Bool>(false)

    public init() {}

    /// The control the process's signals reach.
    public static let process = MemberControl()

    /// Catches SIGTERM and SIGINT (stop) and SIGHUP (reload) for ``process``.
    public static func installSignalHandlers() {
        // Initialised here, not in a handler: a global's first use is not safe in one.
        _ = process.stopRequested
        signal(SIGTERM) { _ in MemberControl.process.requestStop() }
        signal(SIGINT) { _ in MemberControl.process.requestStop() }
        signal(SIGHUP) { _ in MemberControl.process.requestReload() }
        // A parent may have started us with these blocked (a test runner's threads do, and
        // children inherit the mask): unblocked here, before any other thread starts, so every
        // thread after inherits the unblocked mask.
        var caught = sigset_t()
        sigemptyset(&caught)
        for number in [SIGTERM, SIGINT, SIGHUP] { sigaddset(&caught, number) }
        pthread_sigmask(SIG_UNBLOCK, &caught, nil)
    }

    /// Whether a stop was asked for.
    public var stopRequested: Bool { stopping.load(ordering: .acquiring) }

    /// Asks to stop after the batch in hand, as SIGTERM does.
    public func requestStop() { stopping.store(true, ordering: .releasing) }

    /// Asks for a reload, as SIGHUP does.
    public func requestReload() { hangUps.store(true, ordering: .releasing) }

    /// Whether a reload was asked for since the last look (and forgets it).
    public func takeReloadRequest() -> Bool { hangUps.exchange(false, ordering: .acquiringAndReleasing) }
}
