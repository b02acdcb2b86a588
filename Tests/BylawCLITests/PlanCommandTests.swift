import Foundation
import Testing

@Suite("bylaw plan")
struct PlanCommandTests {
    static let arguments = [
        "plan", "--before", "Examples/workspaces/acme.yaml", "--after", "Examples/changes/acme-proposed.yaml",
        "--usage", "Examples/usage/examples.ndjson",
    ]

    @Test("a change that breaks two rules and offboards a user: the findings it adds and the events it would block")
    func proposedChange() throws {
        let run = try Bylaw.run(Self.arguments + ["--format", "json"])
        #expect(run.status == 1, "the change introduces findings at block")
        let plan = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        let added = try #require(plan["added"] as? [[String: Any]])
        let addedRules = added.compactMap { $0["rule"] as? String }.sorted()
        #expect(addedRules == ["apps/client-data-needs-byos", "billing-mode/child-org-inherits-account"])
        let lines = added.compactMap { ($0["location"] as? [String: Any])?["line"] as? Int }.sorted()
        #expect(lines == [25, 48], "each at the edited line of the proposed config")
        #expect((plan["fixed"] as? [Any])?.isEmpty == true)
        let usage = try #require(plan["usage"] as? [String: Any])
        let newlyBlocked = try #require(usage["newly_blocked"] as? [[String: Any]])
        #expect(newlyBlocked.count == 7, "bob's seven events")
        #expect(newlyBlocked.allSatisfy { ($0["rules"] as? [String]) == ["offboarding/offboarded-user-usage"] })
        // Bob's other six events were blocked already; the offboarding rule now blocks them too.
        let reblocked = try #require(usage["blocked_by_other_rules"] as? [[String: Any]])
        #expect(reblocked.compactMap { $0["line"] as? Int } == [12, 18, 21, 22, 26, 29])
        #expect(reblocked.allSatisfy { event in
            let before = event["rules_before"] as? [String] ?? []
            let after = event["rules_after"] as? [String] ?? []
            return !before.contains("offboarding/offboarded-user-usage") && after.contains("offboarding/offboarded-user-usage")
        })
        #expect(usage["events"] as? Int == 40)
    }

    @Test("the reverse change fixes what the change broke and blocks nothing new")
    func reverseChange() throws {
        let run = try Bylaw.run([
            "plan", "--before", "Examples/changes/acme-proposed.yaml", "--after", "Examples/workspaces/acme.yaml",
            "--usage", "Examples/usage/examples.ndjson", "--format", "json",
        ])
        #expect(run.status == 0, "fixing findings and unblocking events fails nothing")
        let plan = try #require(try JSONSerialization.jsonObject(with: run.stdoutData) as? [String: Any])
        #expect((plan["added"] as? [Any])?.isEmpty == true)
        #expect((plan["fixed"] as? [Any])?.count == 2)
        let usage = try #require(plan["usage"] as? [String: Any])
        #expect((usage["newly_blocked"] as? [Any])?.isEmpty == true)
        #expect((usage["no_longer_blocked"] as? [Any])?.count == 7)
    }

    @Test("usage piped on standard input is replayed under both versions, as from a file")
    func usageFromAPipe() throws {
        let fromFile = try Bylaw.run(Self.arguments + ["--format", "json"])
        let piped = try Bylaw.shell(
            "cat Examples/usage/examples.ndjson | \"$BYLAW\" plan --before Examples/workspaces/acme.yaml"
                + " --after Examples/changes/acme-proposed.yaml --usage - --format json")
        #expect(piped.status == 1)
        #expect(piped.stdout == fromFile.stdout, "a pipe can be read once: the second pass must not see an empty stream")
        let plan = try #require(try JSONSerialization.jsonObject(with: piped.stdoutData) as? [String: Any])
        let usage = try #require(plan["usage"] as? [String: Any])
        #expect((usage["no_longer_blocked"] as? [Any])?.isEmpty == true)
        #expect((usage["newly_blocked"] as? [Any])?.count == 7)
    }

    @Test("an unreadable config is invalid input")
    func unreadable() throws {
        let run = try Bylaw.run(["plan", "--before", "Examples/workspaces/acme.yaml", "--after", "nope.yaml"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("nope.yaml"))
    }
}
