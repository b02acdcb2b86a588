import Foundation

/// Stops members (SIGSTOP) at a moment the stream is known to be unfinished, so a fault can be
/// made to land mid-stream however fast the members and however busy the machine.
///
/// The server is watched on a thread of its own, every millisecond, from the members' start:
/// a test task can wait seconds for its turn on a busy machine, long enough for a member to
/// get through the whole stream, and a member's progress lines come at intervals.
enum MidStream {
    /// Stops `members` once the consumer has messages left to deliver and, with `holding`, some
    /// delivered but not yet acknowledged (a member holds a batch). Checked again after the stop
    /// (once in-flight acknowledgements have landed), else the members go on and it tries again.
    static func stop(_ members: [MemberProcess], servers: [String], holding: Bool) async throws {
        let pids = members.map(\.process.processIdentifier)
        let stopped = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            Thread.detachNewThread {
                continuation.resume(returning: stopWhenMidStream(pids: pids, servers: servers, holding: holding))
            }
        }
        if !stopped {
            throw StreamTestError(holding ? "no member held an unacknowledged batch while the stream was unfinished" : "the stream was never seen unfinished")
        }
    }

    /// Sends `number` to the member once it holds a batch of an unfinished stream, without
    /// stopping it first: a member stopped in the middle of a fetch finds the fetch's time up
    /// when it goes on, which is not the moment a signal usually comes.
    static func signal(_ number: Int32, to member: MemberProcess, servers: [String]) async throws {
        let pid = member.process.processIdentifier
        let sent = await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            Thread.detachNewThread {
                guard let state = try? StreamState(servers: servers) else { return continuation.resume(returning: false) }
                let start = ContinuousClock.now
                while ContinuousClock.now - start < .seconds(60) {
                    if let consumer = try? state.consumer(), consumer.pending > 0, consumer.ackPending > 0 {
                        kill(pid, number)
                        return continuation.resume(returning: true)
                    }
                    usleep(1_000)
                }
                continuation.resume(returning: false)
            }
        }
        if !sent { throw StreamTestError("the member never held a batch of an unfinished stream") }
    }

    /// Lets stopped members go on (SIGCONT).
    static func resume(_ members: [MemberProcess]) {
        for member in members { member.signal(SIGCONT) }
    }

    private static func stopWhenMidStream(pids: [Int32], servers: [String], holding: Bool) -> Bool {
        guard let state = try? StreamState(servers: servers) else { return false }
        func midStream() -> Bool {
            guard let consumer = try? state.consumer() else { return false }
            return consumer.pending > 0 && (!holding || consumer.ackPending > 0)
        }
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(60) {
            if midStream() {
                for pid in pids { kill(pid, SIGSTOP) }
                usleep(50_000)
                if midStream() { return true }
                for pid in pids { kill(pid, SIGCONT) }
            }
            usleep(1_000)
        }
        return false
    }
}
