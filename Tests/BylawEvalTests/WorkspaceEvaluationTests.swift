import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Testing

@Suite("Workspace evaluation")
struct WorkspaceEvaluationTests {
    @Test("a finding points at the field that decided: the child's billing_account line")
    func decidingField() {
        let findings = lint("""
            policy: p
            rules:
              - id: inherit
                on: workspace
                for: org in workspace.orgs
                where: has(org.parent) && has(org.billing_account)
                forbid: org.billing_account.id != org.root.billing_account.id
                message: "{org.id} declares {org.billing_account.id}"
            """, assignedWorkspace)
        #expect(findings.count == 1)
        #expect(findings.first?.message == "us-legal declares eu-acct")
        #expect(findings.first?.location?.start.line == 13, "the `billing_account: eu-acct` line of us-legal")
        #expect(findings.first?.location?.start.column == 5)
    }

    @Test("without a source field, the finding points at the element")
    func elementFallback() {
        let findings = lint("""
            policy: p
            rules:
              - id: has-account
                on: workspace
                for: org in workspace.orgs
                require: has(org.parent) || org.name == "US"
            """, assignedWorkspace)
        #expect(findings.map(\.location?.start.line) == [9], "the eu org's mapping")
    }

    @Test("an evaluation error is a finding of its own kind, never a pass")
    func evaluationError() {
        let findings = lint("""
            policy: p
            rules:
              - id: parent-name
                on: workspace
                for: org in workspace.orgs
                require: org.parent.name != ""
            """, assignedWorkspace)
        #expect(findings.count == 2, "the two top-level orgs have no parent: selecting a field of null fails")
        #expect(findings.allSatisfy { $0.kind == .evaluationError })
        #expect(findings.first?.message.contains("p.yaml:6:") == true, "the message names the failing place in the policy")
        var tally = RunTally()
        findings.forEach { tally.count($0) }
        #expect(tally.fails(strict: false), "an error at block enforcement fails the run")
    }

    @Test("an exception in force suppresses exactly what its where covers")
    func exception() {
        let policy = """
            policy: p
            rules:
              - id: offboarded
                on: workspace
                for: user in workspace.users
                forbid: user.status == "offboarded"
            exceptions:
              - rule: offboarded
                where: user.id == "dave"
                reason: handover in progress
                expires: 2027-01-01
            """
        #expect(lint(policy, assignedWorkspace).isEmpty)
        let expired = policy.replacingOccurrences(of: "2027-01-01", with: "2026-01-01")
        #expect(lint(expired, assignedWorkspace).map(\.message) == ["offboarded"], "an expired exception stops applying (the message defaults to the title: here the rule id)")
    }

    @Test("lookups, ancestors, silos and the offboarding date")
    func navigation() {
        let findings = lint("""
            policy: p
            rules:
              - id: facts
                on: workspace
                forbid: "true"
                message: >-
                  {workspace.org('us-legal').ancestors.map(o, o.id)}
                  {workspace.org('us-legal').billing.silo}
                  {workspace.user('dave').offboarded_on}
                  {workspace.org('nope') == null}
                  {workspace.org('us').children.map(o, o.id)}
                  {workspace.user('alice').org.root.id}
            """, assignedWorkspace)
        #expect(findings.first?.message == "us us 2026-06-30 true us-legal us", "a date without a time prints as a date")
    }
}
