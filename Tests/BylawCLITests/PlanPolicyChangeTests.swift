import Foundation
import Testing

/// `bylaw plan --policies-after`: the same config, the proposed policies of
/// `Examples/changes/policies-proposed` (Policies/ with three edits, listed at the top of each
/// edited file).
@Suite("bylaw plan, a policy change")
struct PlanPolicyChangeTests {
    static let proposed = "Examples/changes/policies-proposed"
    static let arguments = [
        "plan", "--before", "Examples/workspaces/acme.yaml", "--after", "Examples/workspaces/acme.yaml",
        "--policies-after", proposed, "--usage", "Examples/usage/examples.ndjson",
    ]

    /// The files of the proposed set that differ from Policies/ by more than the paths of the
    /// tests' workspace and of the schema.
    static let edited: Set<String> = ["apps.yaml", "client-data.yaml", "offboarding.yaml"]

    @Test("text output matches Expected/plan/policies-proposed.txt; exit code 1, since an event is newly blocked")
    func text() throws {
        let run = try Bylaw.run(Self.arguments)
        #expect(!run.crashed && !run.timedOut)
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
        try ExpectedOutput.expect(run.stdout, matches: "plan/policies-proposed.txt")
    }

    @Test("the new rule adds a warning; org-scope internal data is newly blocked; dave's pre-departure prompt no longer is")
    func proposedPolicies() throws {
        let run = try Bylaw.run(Self.arguments + ["--format", "json"])
        #expect(run.status == 1, "the change newly blocks an event (its added finding is only at warn)")
        try ExpectedOutput.expectJSON(run.stdoutData, matches: "json/plan-policies-proposed.json")
        let plan = try run.json()
        // chat-free accepts internal data on groq-shared, which trains: reported at its `provider:`.
        #expect(Self.findings(plan["added"]) == ["apps/internal-data-needs-training-opt-out@50:5 warn"])
        #expect(Self.findings(plan["fixed"]).isEmpty, "acme.yaml has no finding under the current policies")
        #expect(plan["unchanged"] as? Int == 0)
        let usage = try #require(plan["usage"] as? [String: Any])
        #expect(usage["events"] as? Int == 40)
        // Line 29 (bob's internal upload to notes-pro) also breaks the new rule but was already
        // blocked (unknown app), so only line 14 is newly blocked.
        #expect(Self.events(usage["newly_blocked"]) == ["14 evt-0014: client-data/no-org-internal-data-in-consumer-chat"])
        // Line 24 (dave's client PDF into consumer chat, the same day) stays blocked by other rules.
        #expect(Self.events(usage["no_longer_blocked"]) == ["23 evt-0023: offboarding/offboarded-user-usage"])
        // Both show as still blocked, each with what the change adds or drops.
        #expect(Self.reblocks(usage["blocked_by_other_rules"]) == [
            "24 evt-0024: app-use/app-accepts-classification client-data/no-client-data-in-consumer-chat offboarding/offboarded-user-usage"
                + " → app-use/app-accepts-classification client-data/no-client-data-in-consumer-chat",
            "29 evt-0029: app-use/app-known → app-use/app-known client-data/no-org-internal-data-in-consumer-chat",
        ])
    }

    @Test("the reverse change, back to the shipped policies, fixes the warning and swaps the two events")
    func reverse() throws {
        let run = try Bylaw.run([
            "plan", "--before", "Examples/workspaces/acme.yaml", "--after", "Examples/workspaces/acme.yaml",
            "--policies", Self.proposed, "--policies-after", "Policies", "--usage", "Examples/usage/examples.ndjson",
            "--format", "json",
        ])
        #expect(run.status == 1, "the shipped policies block dave's prompt of March 16")
        let plan = try run.json()
        #expect(Self.findings(plan["added"]).isEmpty)
        #expect(Self.findings(plan["fixed"]) == ["apps/internal-data-needs-training-opt-out@50:5 warn"])
        let usage = try #require(plan["usage"] as? [String: Any])
        #expect(Self.events(usage["newly_blocked"]) == ["23 evt-0023: offboarding/offboarded-user-usage"])
        #expect(Self.events(usage["no_longer_blocked"]) == ["14 evt-0014: client-data/no-org-internal-data-in-consumer-chat"])
    }

    @Test("the proposed policies compile, and their own tests pass and cover every rule")
    func proposedPoliciesAreSound() throws {
        let check = try Bylaw.run(["check", Self.proposed])
        #expect(check.status == 0)
        #expect(check.stderr.contains("7 files, 24 rules compiled, 0 warnings"), "stderr: \(check.stderr)")
        let test = try Bylaw.run(["test", Self.proposed, "--strict"])
        #expect(test.status == 0)
        #expect(test.stdout.hasSuffix("\n50 passed, 0 failed\n"), "stdout: \(test.stdout)")
    }

    @Test("besides the edited files, the proposed set is Policies/ with the tests' workspace path and the schema's moved")
    func copiesStayInStep() throws {
        let shipped = Bylaw.packageRoot.appendingPathComponent("Policies")
        let proposed = Bylaw.packageRoot.appendingPathComponent(Self.proposed)
        let files = try FileManager.default.contentsOfDirectory(atPath: proposed.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(try FileManager.default.contentsOfDirectory(atPath: shipped.path).filter { $0.hasSuffix(".yaml") }))
        for file in files {
            let original = try String(contentsOf: shipped.appendingPathComponent(file), encoding: .utf8)
                .replacingOccurrences(of: "../Examples/workspaces/", with: "../../workspaces/")
                .replacingOccurrences(of: "$schema=../schemas/", with: "$schema=../../../schemas/")
            let copy = try String(contentsOf: proposed.appendingPathComponent(file), encoding: .utf8)
            #expect((copy == original) == !Self.edited.contains(file), "\(file)")
        }
    }

    /// `RULE@LINE:COLUMN ENFORCEMENT` for each finding of a plan's `added` or `fixed` list.
    static func findings(_ list: Any?) -> [String] {
        (list as? [[String: Any]] ?? []).map { finding in
            let location = finding["location"] as? [String: Any] ?? [:]
            let line = location["line"] as? Int ?? 0
            let column = location["column"] as? Int ?? 0
            return "\(finding["rule"] as? String ?? "?")@\(line):\(column) \(finding["enforcement"] as? String ?? "?")"
        }
    }

    /// `LINE ID: RULES BEFORE → RULES AFTER` for each event of a plan's `blocked_by_other_rules`.
    static func reblocks(_ list: Any?) -> [String] {
        (list as? [[String: Any]] ?? []).map { event in
            let before = (event["rules_before"] as? [String] ?? []).joined(separator: " ")
            let after = (event["rules_after"] as? [String] ?? []).joined(separator: " ")
            return "\(event["line"] as? Int ?? 0) \(event["id"] as? String ?? "?"): \(before) → \(after)"
        }
    }

    /// `LINE ID: RULE, RULE` for each event of a plan's `newly_blocked` or `no_longer_blocked` list.
    static func events(_ list: Any?) -> [String] {
        (list as? [[String: Any]] ?? []).map { event in
            let rules = (event["rules"] as? [String] ?? []).joined(separator: ", ")
            return "\(event["line"] as? Int ?? 0) \(event["id"] as? String ?? "?"): \(rules)"
        }
    }
}
