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
        #expect(lines == [26, 49], "each at the edited line of the proposed config")
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

    @Test("text: each newly blocked event names its user, org and the rule's message; counts by user and rule; a verdict")
    func textForAdmins() throws {
        let run = try Bylaw.run(Self.arguments)
        #expect(run.status == 1)
        #expect(run.stdout.contains("""
              7 events newly blocked:
                line 2 (evt-0002), user bob, org us:
                  offboarding/offboarded-user-usage: usage by offboarded user bob (offboarded on 2026-11-30T00:00:00Z)
            """))
        #expect(run.stdout.contains("    by user: bob (7)\n    by rule: offboarding/offboarded-user-usage (7)\n"))
        #expect(run.stdout.hasSuffix("\nverdict: this change adds 2 findings (2 at block); newly blocks 7 events of 1 user\n"))
    }

    @Test("text: fixed findings print as fixed, never as errors")
    func fixedAreNotErrors() throws {
        let run = try Bylaw.run(["plan", "--before", "Examples/changes/acme-proposed.yaml", "--after", "Examples/workspaces/acme.yaml"])
        #expect(run.status == 0)
        #expect(!run.stdout.contains("error:"))
        #expect(run.stdout.contains("  fixed: Examples/changes/acme-proposed.yaml:26:48: child org us-legal declares billing account acme-eu"))
        #expect(run.stdout.hasSuffix("\nverdict: this change fixes 2 findings\n"))
    }

    @Test("json: newly blocked events carry user, org and reasons; counts by user and rule; the verdict")
    func jsonForScripts() throws {
        let plan = try Bylaw.run(Self.arguments + ["--format", "json"]).json()
        let usage = try #require(plan["usage"] as? [String: Any])
        let first = try #require((usage["newly_blocked"] as? [[String: Any]])?.first)
        #expect(first["user"] as? String == "bob")
        #expect(first["org"] as? String == "us")
        #expect(first["rules"] as? [String] == ["offboarding/offboarded-user-usage"])
        let reasons = try #require(first["reasons"] as? [[String: String]])
        #expect(reasons == [["rule": "offboarding/offboarded-user-usage", "message": "usage by offboarded user bob (offboarded on 2026-11-30T00:00:00Z)"]])
        #expect(usage["newly_blocked_users"] as? Int == 1)
        #expect((usage["newly_blocked_by_user"] as? [[String: Any]])?.first?["events"] as? Int == 7)
        #expect((usage["newly_blocked_by_rule"] as? [[String: Any]])?.first?["rule"] as? String == "offboarding/offboarded-user-usage")
        #expect((usage["new_findings"] as? [Any])?.isEmpty == true)
        #expect(plan["verdict"] as? String == "this change adds 2 findings (2 at block); newly blocks 7 events of 1 user")
    }

    @Test("github: added findings on the proposed config, newly blocked events on the usage stream, the verdict last")
    func github() throws {
        let run = try Bylaw.run(Self.arguments + ["--format", "github"])
        #expect(run.status == 1)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 + 7 + 1)
        #expect(lines.prefix(2).allSatisfy { $0.hasPrefix("::error file=Examples/changes/acme-proposed.yaml,line=") })
        #expect(lines[2] == "::error file=Examples/usage/examples.ndjson,line=2,title=newly blocked%3A offboarding/offboarded-user-usage"
            + "::newly blocked (user bob, org us, event evt-0002)%0Aoffboarding/offboarded-user-usage: usage by offboarded user bob (offboarded on 2026-11-30T00:00:00Z)")
        #expect(lines.last == "bylaw: this change adds 2 findings (2 at block); newly blocks 7 events of 1 user")
    }
}
