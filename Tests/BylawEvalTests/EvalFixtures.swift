import BylawEval
import BylawModel
import BylawPolicy
import BylawSource

/// Compiles one policy text; nil (with the diagnostics in the failure message) when it does not compile.
func compilePolicy(_ text: String) -> PolicySet? {
    var loaded = PolicySetLoader.Result()
    PolicySetLoader.load(file: SourceFile(path: "p.yaml", text: text), into: &loaded)
    guard let today = CalendarDate(year: 2026, month: 11, day: 22) else { return nil }
    return PolicyCompiler(today: today).compile(loaded.documents).set
}

func loadWorkspace(_ text: String, path: String = "w.yaml") -> Workspace? {
    WorkspaceLoader.load(SourceFile(path: path, text: text)).workspace
}

/// Lints a workspace text with a policy text; the findings in order.
func lint(_ policy: String, _ workspace: String) -> [Finding] {
    guard let set = compilePolicy(policy), let model = loadWorkspace(workspace) else { return [] }
    var findings: [Finding] = []
    var tally = RunTally()
    WorkspaceEvaluator(rules: set.rules).evaluate(WorkspaceGraph(model), inputPath: "w.yaml", tally: &tally) { findings.append($0) }
    return findings
}

let assignedWorkspace = """
    workspace: acme
    billing:
      mode: assigned
      accounts:
        - {id: us-acct, currency: USD, owner: f}
        - {id: eu-acct, currency: EUR, owner: f}
    orgs:
      - {id: us, name: US, billing_account: us-acct}
      - {id: eu, name: EU, billing_account: eu-acct}
      - id: us-legal
        name: US Legal
        parent: us
        billing_account: eu-acct
    users:
      - {id: alice, email: a@x, org: us-legal}
      - {id: dave, email: d@x, org: us, status: offboarded, offboarded_on: 2026-06-30}
    """
