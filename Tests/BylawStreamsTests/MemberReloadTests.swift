import BylawTestSupport
import Foundation
import Testing

@Suite("bylaw consume reloads its policies", .serialized, .enabled(if: StreamFixtures.runs, "nats-server is not installed"))
struct MemberReloadTests {
    @Test("SIGHUP reloads: a broken edit keeps the last good revision, the fix is taken")
    func hangUp() async throws {
        let folder = try ScratchFolder()
        let server = try await NATSServer(in: folder.url)
        let policies = folder.url.appendingPathComponent("Policies")
        try FileManager.default.copyItem(at: BylawRunner.root.appendingPathComponent("Policies"), to: policies)
        let events = try StreamFixtures.events(rounds: 1, in: folder)
        try StreamFixtures.publish(events, servers: [server.url])
        let member = try MemberProcess(servers: [server.url], in: folder.url, name: "member", ["--policies", policies.path])
        try await MemberFaultTests.wait("the member to start") { member.stderr.contains("member of consumer") }
        let file = policies.appendingPathComponent("client-data.yaml")
        let original = try String(contentsOf: file, encoding: .utf8)
        try original.replacingOccurrences(of: "classification in", with: "clasification in").write(to: file, atomically: true, encoding: .utf8)
        member.signal(SIGHUP)
        try await MemberFaultTests.wait("the failed reload") { member.stderr.contains("reload (signal) failed: the policies do not compile") }
        #expect(member.stderr.contains("undefined field 'clasification'"), "\(member.stderr)")
        try (original + "\n# edited\n").write(to: file, atomically: true, encoding: .utf8)
        member.signal(SIGHUP)
        try await MemberFaultTests.wait("the reload") { member.stderr.contains("reloaded (signal): now evaluating with revision") }
        _ = try await StreamFixtures.waitUntilDone([server.url])
        member.signal(SIGTERM)
        #expect(try await member.waitForExit() == 0, "\(member.stderr)")
        expectSameLines(try BylawRunner.readLines([server.url]), try BylawRunner.evalLines(events))
    }
}
