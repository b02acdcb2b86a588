import Synchronization

/// The publish acknowledgements JetStream sent back for one ``NATSPublishLane``, counted by the
/// lane's acknowledgement handler on the library's reply thread and read by the publishing
/// thread.
final class NATSPublishAcknowledgements: Sendable {
    /// Publishes JetStream stored.
    private let stored = Atomic<Int>(0)
    /// Publishes JetStream recognised as duplicates of a message id within its window (and did
    /// not store again).
    private let duplicates = Atomic<Int>(0)
    /// Publishes JetStream refused, or that no stream took.
    private let failed = Atomic<Int>(0)
    /// Why the last refused publish was refused.
    let lastFailure = Mutex<String?>(nil)

    func record(duplicate: Bool) {
        if duplicate {
            duplicates.add(1, ordering: .releasing)
        } else {
            stored.add(1, ordering: .releasing)
        }
    }

    func recordFailure(_ reason: String) {
        lastFailure.withLock { $0 = reason }
        failed.add(1, ordering: .releasing)
    }

    /// The counts so far, to tell one run of publishes' acknowledgements from another's.
    var counts: NATSPublishCounts {
        NATSPublishCounts(
            stored: stored.load(ordering: .acquiring), duplicates: duplicates.load(ordering: .acquiring),
            failed: failed.load(ordering: .acquiring))
    }
}

/// Publish acknowledgements counted since a lane opened.
struct NATSPublishCounts: Sendable, Equatable {
    var stored = 0
    var duplicates = 0
    var failed = 0

    /// Every acknowledgement, positive or not.
    var total: Int { stored + duplicates + failed }

    /// The acknowledgements between `earlier` and these.
    func since(_ earlier: NATSPublishCounts) -> NATSPublishCounts {
        NATSPublishCounts(stored: stored - earlier.stored, duplicates: duplicates - earlier.duplicates, failed: failed - earlier.failed)
    }
}
