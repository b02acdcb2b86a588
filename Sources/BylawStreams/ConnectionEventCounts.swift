import Synchronization

/// Counts a connection's disconnects and reconnects (its callbacks run on the library's threads)
/// and logs each.
final class ConnectionEventCounts: Sendable {
    private let state = Mutex<(disconnects: Int, reconnects: Int)>((0, 0))

    func record(_ event: NATSConnectionEvent, log: @Sendable (String) -> Void) {
        switch event {
        case .disconnected:
            state.withLock { $0.disconnects += 1 }
            log("disconnected from the NATS server; reconnecting")
        case .reconnected(let server):
            state.withLock { $0.reconnects += 1 }
            log("reconnected to \(server)")
        case .closed:
            break
        case .error(let text):
            log("NATS: \(text)")
        }
    }

    var counts: (disconnects: Int, reconnects: Int) { state.withLock { ($0.disconnects, $0.reconnects) } }
}
