import BylawTestSupport
import Foundation
import Testing

/// The faults `bylaw consume` must survive, each against real `nats-server -js` processes started
/// here: after each, the findings read back are exactly what `bylaw eval` prints for the same
/// file, none missing, none doubled.
@Suite("bylaw consume survives faults", .serialized, .enabled(if: StreamFixtures.runs, "nats-server is not installed"))
struct MemberFaultTests {
    @Test("a member killed with SIGKILL mid-batch: its messages go to the other member; the findings are eval's, exactly")
    func killedMember() async throws {
        let (folder, server, events) = try await StreamFixtures.publishedStream(rounds: Self.rounds)
        let first = try MemberProcess(servers: [server.url], in: folder.url, name: "first", ["--batch", "200"])
        try await MidStream.stop([first], servers: [server.url], holding: true)
        try Self.expectMidStream([server.url])
        let second = try MemberProcess(servers: [server.url], in: folder.url, name: "second", ["--batch", "200"])
        first.signal(SIGKILL)
        _ = try await first.waitForExit()
        _ = try await StreamFixtures.waitUntilDone([server.url])
        second.signal(SIGTERM)
        #expect(try await second.waitForExit() == 0, "\(second.stderr)")
        #expect(Self.redelivered(second.stderr) > 0, "the killed member's batch went to the other:\n\(second.stderr)")
        let found = try BylawRunner.readLines([server.url])
        let expected = try BylawRunner.evalLines(events)
        expectSameLines(found, expected)
    }

    @Test("SIGTERM: the member finishes and acknowledges its batch, drains, exits 0; another member takes the rest")
    func terminatedMember() async throws {
        let (folder, server, events) = try await StreamFixtures.publishedStream(rounds: Self.rounds)
        let first = try MemberProcess(servers: [server.url], in: folder.url, name: "first", ["--batch", "20"])
        // Told to end while it holds a batch of an unfinished stream: on a busy machine the
        // member could otherwise finish the whole stream before a test task sends the signal.
        try await MidStream.signal(SIGTERM, to: first, servers: [server.url])
        #expect(try await first.waitForExit(limit: .seconds(15)) == 0, "\(first.stderr)")
        let connection = try StreamState(servers: [server.url])
        let consumer = try #require(try connection.consumer())
        #expect(consumer.ackPending == 0, "what the member held was acknowledged before it exited")
        #expect(consumer.pending > 0, "it stopped mid-stream")
        let second = try MemberProcess(servers: [server.url], in: folder.url, name: "second")
        _ = try await StreamFixtures.waitUntilDone([server.url])
        second.signal(SIGTERM)
        #expect(try await second.waitForExit() == 0)
        #expect(Self.redelivered(second.stderr) == 0, "nothing was left to deliver again:\n\(second.stderr)")
        expectSameLines(try BylawRunner.readLines([server.url]), try BylawRunner.evalLines(events))
    }

    @Test("the server restarted mid-stream (file storage): the member reconnects and goes on")
    func restartedServer() async throws {
        let (folder, server, events) = try await StreamFixtures.publishedStream(rounds: Self.rounds)
        let member = try MemberProcess(servers: [server.url], in: folder.url, name: "member", ["--batch", "10"])
        // The member stopped mid-stream while the server goes down and comes back.
        try await MidStream.stop([member], servers: [server.url], holding: false)
        try Self.expectMidStream([server.url])
        server.kill()
        MidStream.resume([member])
        try await Task.sleep(for: .milliseconds(300))
        try await server.start()
        _ = try await StreamFixtures.waitUntilDone([server.url])
        member.signal(SIGTERM)
        #expect(try await member.waitForExit() == 0, "\(member.stderr)")
        #expect(member.stderr.contains("reconnected to"), "\(member.stderr)")
        expectSameLines(try BylawRunner.readLines([server.url]), try BylawRunner.evalLines(events))
    }

    /// Usage streams of this many copies of the example stream (60 lines each): long enough
    /// that a fault lands in the middle.
    static let rounds = 150

    /// Records an issue unless the consumer still has messages to deliver.
    static func expectMidStream(_ servers: [String]) throws {
        let pending = try StreamState(servers: servers).consumer()?.pending ?? 0
        #expect(pending > 0, "the stream should not be done yet")
    }

    /// The redelivered count of a member's last progress or stop line.
    static func redelivered(_ stderr: String) -> Int {
        guard let line = stderr.split(separator: "\n").last(where: { $0.contains(" redelivered)") }),
              let end = line.range(of: " redelivered)")?.lowerBound
        else { return 0 }
        let before = line[..<end]
        return Int(before.reversed().prefix { $0.isNumber }.reversed().map(String.init).joined()) ?? 0
    }

    /// Waits (up to `limit`) until `condition` holds.
    static func wait(_ what: String, limit: Duration = .seconds(30), _ condition: () -> Bool) async throws {
        let start = ContinuousClock.now
        while !condition() {
            if ContinuousClock.now - start > limit { throw StreamTestError("timed out waiting for \(what)") }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
