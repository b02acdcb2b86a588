#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// SIGTERM and SIGINT ask a long-running command to stop after what it is doing; SIGHUP
/// asks it to reload. The signals are taken from their default action (which ends the process)
/// and delivered on a queue of their own.
public final class ProcessSignals: @unchecked Sendable {
    // @unchecked: the sources are set once, in init, and only cancelled after.
    private var sources: [DispatchSourceSignal] = []
    private let stopping = Atomic<Bool>(false)
    private let queue = DispatchQueue(label: "bylaw.signals")

    /// Starts catching SIGTERM and SIGINT (and SIGHUP, calling `hangUp`).
    public init(hangUp: (@Sendable () -> Void)? = nil) {
        var caught: [(Int32, @Sendable () -> Void)] = [(SIGTERM, { [weak self] in self?.requestStop() }), (SIGINT, { [weak self] in self?.requestStop() })]
        if let hangUp { caught.append((SIGHUP, hangUp)) }
        for (number, handler) in caught {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler(handler: handler)
            source.resume()
            sources.append(source)
        }
    }

    deinit {
        for source in sources { source.cancel() }
    }

    /// Whether SIGTERM or SIGINT came (or ``requestStop()`` was called).
    public var stopRequested: Bool { stopping.load(ordering: .acquiring) }

    /// Asks to stop, as SIGTERM does.
    public func requestStop() { stopping.store(true, ordering: .releasing) }
}
