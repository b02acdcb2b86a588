import Foundation

/// Makes a fault land mid-stream however fast the members and however busy the machine: the
/// consumer is watched on a thread of its own, every millisecond, from the members' start (a
/// test task can wait seconds for its turn on a busy machine, long enough for a member to get
/// through the whole stream, and a member's progress lines come at intervals).
enum MidStream {
    /// Stops `members` (SIGSTOP) once the consumer has messages left to deliver and, with
    /// `holding`, some delivered but not yet acknowledged (a member holds a batch). Checked again
    /// after the stop (once in-flight acknowledgements have landed), else the members go on and
    /// it tries again.
    static func stop(_ members: [MemberProcess], servers: [String], holding: Bool) async throws {
        let pids = members.map(\.process.processIdentifier)
        let stopped = await watch(servers: servers, holding: holding) { midStream in
            for pid in pids { kill(pid, SIGSTOP) }
            usleep(50_000)
            if midStream() { return true }
            for pid in pids { kill(pid, SIGCONT) }
            return false
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
        let sent = await watch(servers: servers, holding: true) { _ in
            kill(pid, number)
            return true
        }
        if !sent { throw StreamTestError("the member never held a batch of an unfinished stream") }
    }

    /// Lets stopped members go on (SIGCONT).
    static func resume(_ members: [MemberProcess]) {
        for member in members { member.signal(SIGCONT) }
    }

    /// On a thread of its own, for up to a minute: each time the stream is mid-stream (see
    /// ``stop(_:servers:holding:)``), calls `act` with that check; true when `act` returned true.
    private static func watch(servers: [String], holding: Bool, act: @escaping @Sendable (_ midStream: () -> Bool) -> Bool) async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            Thread.detachNewThread {
                guard let state = try? StreamState(servers: servers) else { return continuation.resume(returning: false) }
                func midStream() -> Bool {
                    guard let consumer = try? state.consumer() else { return false }
                    return consumer.pending > 0 && (!holding || consumer.ackPending > 0)
                }
                let start = ContinuousClock.now
                while ContinuousClock.now - start < .seconds(60) {
                    if midStream(), act(midStream) { return continuation.resume(returning: true) }
                    usleep(1_000)
                }
                continuation.resume(returning: false)
            }
        }
    }
}
