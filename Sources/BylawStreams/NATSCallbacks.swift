import Synchronization

/// What happens to a connection, as its callbacks report it.
public enum NATSConnectionEvent: Sendable {
    case disconnected
    /// Connected again, to this server.
    case reconnected(String)
    /// Closed for good (after a drain, or when reconnecting gave up).
    case closed
    /// An asynchronous error the library reported (a slow consumer, a permissions violation).
    case error(String)
}

/// The Swift side of a connection's C callbacks: its events.
///
/// The library calls back on its own threads, possibly after the connection object is gone,
/// so the connection hands the library a retained reference that is never released: one
/// small object per connection, for the life of the process.
final class NATSCallbacks: Sendable {
    private let handler: @Sendable (NATSConnectionEvent) -> Void
    /// Set when the connection is being closed on purpose: its events are not reported.
    let closing = Atomic<Bool>(false)

    init(events: @escaping @Sendable (NATSConnectionEvent) -> Void) {
        handler = events
    }

    /// Reports an event, unless the connection is being closed on purpose.
    func events(_ event: NATSConnectionEvent) {
        guard !closing.load(ordering: .acquiring) else { return }
        handler(event)
    }
}
