import BylawTestSupport
import Foundation
import Testing

/// A three-node JetStream cluster on loopback, a stream of three replicas, one node killed
/// mid-stream: nothing lost, nothing doubled.
@Suite("bylaw consume on a three-node cluster", .serialized, .enabled(if: StreamFixtures.runs, "nats-server is not installed"))
struct ClusterTests {
    @Test("the stream's leader killed mid-stream: the members go on through the others; the findings are eval's, exactly")
    func nodeKilled() async throws {
        let folder = try ScratchFolder()
        let routes = try (0..<3).map { _ in try FreePort.take() }
        var nodes: [NATSServer] = []
        for (index, port) in routes.enumerated() {
            nodes.append(try await NATSServer(
                name: "n\(index + 1)", in: folder.url, cluster: (name: "bylaw", port: port, routes: routes.filter { $0 != port })))
        }
        let servers = nodes.map(\.url)
        let events = try StreamFixtures.events(rounds: MemberFaultTests.rounds, in: folder)
        // The cluster elects its JetStream leader a few seconds after the nodes start.
        try await Self.publishWhenReady(events, servers: servers)
        // One message a fetch: a round trip through the replicas for each, so the stream lasts
        // long after both members are under way, however fast the machine.
        let first = try MemberProcess(servers: servers, in: folder.url, name: "first", ["--batch", "1"])
        // The second starts once the first has created the findings stream: two members creating
        // and looking up a three-replica stream at the same moment can time out in start-up.
        try await MemberFaultTests.wait("the first member to start", limit: .seconds(60)) { first.stderr.contains("member of consumer") }
        let second = try MemberProcess(servers: servers, in: folder.url, name: "second", ["--batch", "1"])
        // Both members started before the kill (one still starting would look the streams up
        // through a cluster electing a leader), and both stopped mid-stream while it happens.
        do {
            try await MemberFaultTests.wait("both members to start", limit: .seconds(60)) {
                first.stderr.contains("member of consumer") && second.stderr.contains("member of consumer")
            }
        } catch {
            Issue.record("a member did not start:\nfirst:\n\(first.stderr)\nsecond:\n\(second.stderr)")
            throw error
        }
        try await MemberFaultTests.wait("both members to make progress", limit: .seconds(60)) { first.messages > 0 && second.messages > 0 }
        // Both stopped while the leader is killed: the kill lands mid-stream however fast they are.
        first.signal(SIGSTOP)
        second.signal(SIGSTOP)
        try MemberFaultTests.expectMidStream(servers)
        // The node leading the stream: JetStream must elect another from the two left.
        let leader = try StreamState(servers: servers).leader()
        let victim = nodes.firstIndex { $0.name == leader } ?? 0
        nodes[victim].kill()
        MidStream.resume([first, second])
        let survivors = servers.enumerated().filter { $0.offset != victim }.map(\.element)
        _ = try await StreamFixtures.waitUntilDone(survivors, limit: .seconds(180))
        first.signal(SIGTERM)
        second.signal(SIGTERM)
        #expect(try await first.waitForExit() == 0, "\(first.stderr)")
        #expect(try await second.waitForExit() == 0, "\(second.stderr)")
        let found = try BylawRunner.readLines(survivors)
        let expected = try BylawRunner.evalLines(events)
        expectSameLines(found, expected)
    }

    static func publishWhenReady(_ file: String, servers: [String]) async throws {
        let start = ContinuousClock.now
        while true {
            let result = try BylawRunner.run([
                "publish", file, "--server", servers.joined(separator: ","), "--subject", "usage.acme", "--stream", "USAGE", "--replicas", "3",
            ])
            if result.status == 0 { return }
            if ContinuousClock.now - start > .seconds(30) {
                Issue.record("the cluster never took the stream: \(result.stderr)")
                throw StreamTestError("cluster not ready")
            }
            try await Task.sleep(for: .milliseconds(500))
        }
    }
}
