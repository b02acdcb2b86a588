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

/// The Swift side of the C callbacks of one connection: its events, and the counts of the
/// publish acknowledgements JetStream sent back for asynchronous publishes.
///
/// The library calls back on its own threads, possibly after the connection object is gone,
/// so the connection hands the library a retained reference that is never released: one
/// small object per connection, for the life of the process.
final class NATSCallbacks: Sendable {
    private let handler: @Sendable (NATSConnectionEvent) -> Void
    /// Set when the connection is being closed on purpose: its events are not reported.
    let closing = Atomic<Bool>(false)
    /// Publishes JetStream stored.
    let stored = Atomic<Int>(0)
    /// Publishes JetStream recognised as duplicates of a message id within its window (and did
    /// not store again).
    let duplicates = Atomic<Int>(0)
    /// Publishes JetStream refused, or that no stream took.
    let failed = Atomic<Int>(0)
    /// Why the last refused publish was refused.
    let lastFailure = Mutex<String?>(nil)
    init(events: @escaping @Sendable (NATSConnectionEvent) -> Void) {
        handler = events
    }

    /// Reports an event, unless the connection is being closed on purpose.
    func events(_ event: NATSConnectionEvent) {
        guard !closing.load(ordering: .acquiring) else { return }
        handler(event)
    }

    /// The counts so far, to tell one batch's acknowledgements from another's.
    var acknowledgements: NATSPublishCounts {
        NATSPublishCounts(
            stored: stored.load(ordering: .acquiring), duplicates: duplicates.load(ordering: .acquiring),
            failed: failed.load(ordering: .acquiring))
    }
}

/// Publish acknowledgements counted since a connection opened.
public struct NATSPublishCounts: Sendable, Equatable {
    public var stored = 0
    public var duplicates = 0
    public var failed = 0

    /// The acknowledgements between `earlier` and these.
    public func since(_ earlier: NATSPublishCounts) -> NATSPublishCounts {
        NATSPublishCounts(stored: stored - earlier.stored, duplicates: duplicates - earlier.duplicates, failed: failed - earlier.failed)
    }
}
