import BylawEval
import BylawModel
import BylawPolicy
import CEL
import Testing

/// `label(object, name)`: a label's value, `""` when it is not written or the object is `null`.
@Suite("label(object, name)")
struct LabelFunctionTests {
    static let workspace = """
        workspace: w
        billing: {mode: single, accounts: [{id: main, currency: EUR, owner: finance, labels: {cost-center: "4711"}}]}
        orgs: [{id: emea, labels: {region: eu}}, {id: amer}]
        users:
          - {id: ben, email: ben@x.example, org: emea, status: active, labels: {employment: contractor}}
          - {id: cruz, email: cruz@x.example, org: amer, status: active}
        labels: {tier: gold}
        """

    static func value(_ expression: String) throws -> CELValue {
        var run = ExpressionRun()
        run.workspace = WorkspaceGraph(try #require(loadWorkspace(workspace)))
        switch run.run(expression) {
        case .value(let value): return value.value
        case .invalid(let diagnostics): return .error(CELError(diagnostics.map(\.message).joined(separator: "; ")))
        case .failed(let diagnostic): return .error(CELError(diagnostic.message))
        }
    }

    @Test("reads a written label, and \"\" for one that is not written or an object that is null", arguments: [
        (#"label(workspace.user("ben"), "employment")"#, "contractor"),
        (#"label(workspace.user("cruz"), "employment")"#, ""),
        (#"label(workspace.user("nobody"), "employment")"#, ""),
        (#"label(workspace.org("emea"), "region")"#, "eu"),
        (#"label(workspace.user("ben").org, "region")"#, "eu"),
        (#"label(workspace.account("main"), "cost-center")"#, "4711"),
        (#"label(workspace, "tier")"#, "gold"),
        (#"workspace.users.filter(u, label(u, "employment") == "contractor").map(u, u.id)[0]"#, "ben"),
    ])
    func reads(_ expression: String, _ expected: String) throws {
        let value = try Self.value(expression)
        guard case .string(let text) = value else {
            Issue.record("\(expression) is \(value)")
            return
        }
        #expect(text == expected)
    }

    @Test("the checker types it: a string, taken only by objects with labels")
    func typed() throws {
        guard case .bool(true) = try Self.value(#"label(workspace.user("ben"), "employment") == "contractor""#) else {
            Issue.record("not true")
            return
        }
        let run = ExpressionRun()
        guard case .invalid(let diagnostics) = run.run(#"label(event.tokens, "x")"#) else {
            Issue.record("Tokens have no labels, yet it compiled")
            return
        }
        #expect(diagnostics.first?.code == .celNoMatchingOverload)
        guard case .invalid = run.run(#"label(workspace.user("ben"), "a") > 1"#) else {
            Issue.record("a string compared with a number compiled")
            return
        }
    }
}
