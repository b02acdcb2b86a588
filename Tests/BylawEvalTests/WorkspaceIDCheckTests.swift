import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Testing

/// Literals naming no id of the workspaces a run has (lint's configs, the tests' workspaces), and
/// the inputs of policy tests checked where they are written.
@Suite("Workspace ids and test inputs")
struct WorkspaceIDCheckTests {
    /// Line and column of a diagnostic, as "line:column".
    private func place(_ diagnostic: Diagnostic?) -> String? {
        diagnostic?.location.map { "\($0.line):\($0.column)" }
    }

    @Test("lint: a workspace rule's literal naming no org of the configs, not a usage rule's")
    func lintWarnsForWorkspaceRules() throws {
        let set = try #require(compilePolicy("""
            policy: p
            rules:
              - id: w
                on: workspace
                for: org in workspace.orgs
                forbid: org.id == "us-legl" && org.depth > 5
              - id: u
                on: usage
                forbid: event.org == "nowhere"
            """))
        let result = LintRun(policies: set).run([.file(SourceFile(path: "w.yaml", text: assignedWorkspace))], into: FindingCollector())
        #expect(result.policyWarnings.map(\.code) == [.policyNoSuchID])
        #expect(place(result.policyWarnings.first) == "6:23")
        #expect(result.policyWarnings.first?.message == "no org has the id 'us-legl' in w.yaml")
        #expect(result.policyWarnings.first?.hint == "did you mean 'us-legal'?")
        #expect(result.status == .clean, "a warning about the policies does not fail the run")
    }

    @Test("test: a literal naming no user of the policy's test workspaces; none when the tests load no workspace")
    func testWarnsAgainstTestWorkspaces() throws {
        let rules = """
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.user == "alcie"
            tests:
              - name: t
                event: {kind: prompt, user: bob}
            """
        let withWorkspace = try #require(compilePolicy(rules + """

                workspace:
                  workspace: small
                  billing: {mode: single, accounts: [{id: main, currency: EUR}]}
                  orgs: [{id: emea}]
                  users: [{id: alice, org: emea}, {id: bob, org: emea}]
                expect: allow
            """))
        let warnings = PolicyTestRun(policies: withWorkspace).run().policyWarnings
        #expect(warnings.map(\.code) == [.policyNoSuchID])
        #expect(place(warnings.first) == "5:27")
        #expect(warnings.first?.hint == "did you mean 'alice'?")
        let alone = try #require(compilePolicy(rules + "\n    expect: allow\n"))
        #expect(PolicyTestRun(policies: alone).run().policyWarnings.isEmpty)
    }

    @Test("a test's inline workspace is decoded as a config: an unknown key and a wrong type at their line and column")
    func testWorkspaceFragments() throws {
        let set = try #require(compilePolicy("""
            policy: p
            rules:
              - id: r
                on: workspace
                forbid: size(workspace.orgs) > 3
            tests:
              - name: t
                workspace:
                  workspace: small
                  billing: {mode: single, acounts: []}
                  orgs: [{id: emea, name: [EMEA]}]
                expect: allow
            """))
        let result = try #require(PolicyTestRun(policies: set).run().results.first)
        guard case .invalid(let diagnostics) = result.outcome else {
            Issue.record("the test ran: \(result.outcome)")
            return
        }
        #expect(diagnostics.map(\.code) == [.workspaceUnknownKey, .workspaceWrongType])
        #expect(diagnostics.map { place($0) } == ["10:31", "11:31"])
        #expect(diagnostics.first?.hint == "did you mean 'accounts'?")
    }

    @Test("an event value the scanner rejects is pointed at, not the whole event")
    func scannerIssueAtValue() throws {
        let set = try #require(compilePolicy("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.kind == "share"
            tests:
              - name: t
                event: {kind: share, time: "yesterday"}
                expect: [r]
            """))
        let result = try #require(PolicyTestRun(policies: set).run().results.first)
        guard case .invalid(let diagnostics) = result.outcome else {
            Issue.record("the test ran: \(result.outcome)")
            return
        }
        #expect(diagnostics.map(\.code) == [.policyInvalidTestEvent])
        #expect(place(diagnostics.first) == "8:32")
    }
}
