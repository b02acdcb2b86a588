@testable import BylawStreams
import Testing

/// Members started together on a cluster that is still electing its leaders see JetStream
/// look-ups time out: a setup step is tried again on a timeout, and only on a timeout.
@Suite struct MemberSetupRetryTests {
    struct Refused: Error {}

    @Test func aTimeoutIsTriedAgainUntilTheStepSucceeds() throws {
        var calls = 0
        var pauses: [Int] = []
        var logged: [String] = []
        let value = try MemberSetup.retryingTimeouts("looking up stream 'USAGE'", log: { logged.append($0) }, pause: { pauses.append($0) }) {
            calls += 1
            if calls < 3 { throw NATSError.timedOut("cannot look up stream 'USAGE'") }
            return 7
        }
        #expect(value == 7)
        #expect(calls == 3)
        #expect(pauses == [1, 2])
        #expect(logged.count == 2)
        #expect(logged.first?.hasPrefix("looking up stream 'USAGE': ") == true)
        #expect(logged.last?.hasSuffix("(attempt 3 of \(MemberSetup.attempts))") == true)
    }

    @Test func theLastTimeoutIsThrown() {
        var calls = 0
        #expect(throws: NATSError.self) {
            try MemberSetup.retryingTimeouts("setting up consumer 'bylaw'", log: { _ in }, pause: { _ in }) { () throws -> Int in
                calls += 1
                throw NATSError.timedOut("cannot look up consumer 'bylaw'")
            }
        }
        #expect(calls == MemberSetup.attempts)
    }

    @Test func otherErrorsAreNotTriedAgain() {
        var calls = 0
        #expect(throws: Refused.self) {
            try MemberSetup.retryingTimeouts("setting up stream 'FINDINGS'", log: { _ in }, pause: { _ in }) { () throws -> Int in
                calls += 1
                throw Refused()
            }
        }
        #expect(calls == 1)
        #expect(throws: NATSError.self) {
            try MemberSetup.retryingTimeouts("setting up stream 'FINDINGS'", log: { _ in }, pause: { _ in }) { () throws -> Int in
                calls += 1
                throw NATSError(context: "cannot create stream 'FINDINGS'", message: "permissions violation")
            }
        }
        #expect(calls == 2)
    }
}
