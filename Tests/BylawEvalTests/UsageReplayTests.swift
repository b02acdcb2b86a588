import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Testing

/// `bylaw plan --usage`: what replaying past usage under two policy versions reports.
@Suite("Usage replay")
struct UsageReplayTests {
    static func policy(_ rules: String) -> String {
        """
        policy: chat
        title: Chat
        owner: legal@example.com
        handbook: Chat rules.
        rules:
        \(rules)
        """
    }

    static let blockPrompts = """
          - id: no-prompts
            title: No prompts
            on: usage
            forbid: event.kind == "prompt"
            message: "prompt by {event.user}"
        """

    static let auditEmails = """
          - id: emails-noted
            title: Emails are noted
            on: usage
            enforcement: audit
            forbid: event.kind == "email"
            message: "email by {event.user}"
        """

    static let stream = Array("""
        {"id": "e1", "kind": "prompt", "user": "alice", "org": "us", "scope": "org"}
        {"id": "e2", "kind": "email", "user": "bob", "org": "eu", "scope": "org"}
        {"id": "e3", "kind": "prompt", "user": "alice", "org": "us", "scope": "org"}
        {"id": "e4", "kind": "prompt", "user": "carol", "scope": "private"}

        """.utf8)

    static func replay(before: String, after: String) throws -> UsageReplay {
        let current = try #require(StreamTestSupport.policies(before).set)
        let proposed = try #require(StreamTestSupport.policies(after).set)
        let workspace = try #require(StreamTestSupport.acme())
        return try UsageReplay.replay(
            stream: { UsageStreamReader(bytes: stream, name: "u.ndjson", chunkSize: 4096) }, streamPath: "u.ndjson",
            before: StreamEvaluator(policies: current, workspace: workspace),
            after: StreamEvaluator(policies: proposed, workspace: workspace))
    }

    @Test("newly blocked events carry user, org and each rule's message, counted by user and by rule")
    func newlyBlocked() throws {
        let replay = try Self.replay(before: Self.policy(Self.auditEmails), after: Self.policy(Self.blockPrompts + "\n" + Self.auditEmails))
        #expect(replay.newlyBlocked.map(\.event.line) == [1, 3, 4])
        let first = try #require(replay.newlyBlocked.first)
        #expect(first.user == "alice")
        #expect(first.org == "us")
        #expect(first.reasons == [UsageReplay.Reason(rule: "chat/no-prompts", message: "prompt by alice")])
        #expect(replay.newlyBlocked.last?.org == nil)
        #expect(replay.newlyBlockedByUser == [.init(name: "alice", events: 2), .init(name: "carol", events: 1)])
        #expect(replay.newlyBlockedByRule == [.init(name: "chat/no-prompts", events: 3)])
        #expect(replay.newlyBlockedUsers == 2)
        #expect(replay.newFindings.isEmpty, "the audit rule fires in both versions")
    }

    @Test("warn and audit findings only the proposed version reports are listed as new")
    func newFindings() throws {
        let replay = try Self.replay(before: Self.policy(Self.blockPrompts), after: Self.policy(Self.blockPrompts + "\n" + Self.auditEmails))
        #expect(replay.newlyBlocked.isEmpty)
        #expect(replay.newFindings.map(\.message) == ["email by bob"])
        #expect(replay.newFindings.first?.event?.user == "bob")
        #expect(replay.newFindings.first?.enforcement == .audit)
    }

    @Test("an event the proposed version stops blocking names who made it")
    func noLongerBlocked() throws {
        let replay = try Self.replay(before: Self.policy(Self.blockPrompts), after: Self.policy(Self.auditEmails))
        #expect(replay.noLongerBlocked.map(\.event.line) == [1, 3, 4])
        #expect(replay.noLongerBlocked.map(\.user) == ["alice", "alice", "carol"])
        #expect(replay.newFindings.map(\.event?.line) == [2])
    }
}
