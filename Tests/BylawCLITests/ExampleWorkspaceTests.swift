import Foundation
import Testing

/// `bylaw lint` on every workspace in Examples/workspaces with the shipped policies.
@Suite("Example workspaces")
struct ExampleWorkspaceTests {
    @Test("text output matches Expected/lint/NAME.txt; exit code as catalogued", arguments: ExampleCatalog.workspaces)
    func text(example: ExampleCatalog.Workspace) throws {
        let run = try Bylaw.run(["lint", example.path])
        #expect(!run.crashed && !run.timedOut)
        #expect(run.status == example.exitCode)
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
        try ExpectedOutput.expect(run.stdout, matches: "lint/\(example.name).txt")
    }

    @Test("each finding is the catalogued rule at the catalogued line and column", arguments: ExampleCatalog.workspaces)
    func findingsByRuleAndPosition(example: ExampleCatalog.Workspace) throws {
        let run = try Bylaw.run(["lint", example.path, "--format", "json"])
        #expect(run.status == example.exitCode)
        let report = try ReportDocument(run)
        #expect(report.findingKeys.sorted() == example.findings.sorted())
        #expect(report.diagnosticKeys.sorted() == example.diagnostics.sorted())
        #expect(report.summaryInt("findings") == example.findings.count)
        #expect(report.summaryInt("invalid_inputs") == (example.exitCode == 2 ? 1 : 0))
    }

    @Test("the catalog lists every file in Examples/workspaces")
    func catalogIsComplete() throws {
        let directory = Bylaw.packageRoot.appendingPathComponent("Examples/workspaces")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".yaml") }
        #expect(Set(files) == Set(ExampleCatalog.workspaces.map(\.file)))
    }

    @Test("every workspace rule of the shipped policies fires in some example")
    func everyWorkspaceRuleIsShown() throws {
        // The SARIF driver lists the rules lint evaluated: exactly the `on: workspace` rules.
        let run = try Bylaw.run(["lint", "Examples/workspaces/single.yaml", "--format", "sarif"])
        let runs = try #require(try run.json()["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = Set((driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(rules.count == 11)
        let fired = Set(ExampleCatalog.workspaces.flatMap(\.findings).map { String($0.prefix { $0 != "@" }) })
        #expect(rules == fired)
        // And each such rule has an example named after it, which shows that rule alone.
        for rule in rules {
            let ruleID = rule.split(separator: "/").last.map(String.init) ?? rule
            let example = ExampleCatalog.workspaces.first { $0.file == "violates-\(ruleID).yaml" }
            #expect(example?.findings.allSatisfy { $0.hasPrefix(rule + "@") } == true, "violates-\(ruleID).yaml")
        }
    }

    @Test("several workspaces in one run: findings of each, exit code of the worst")
    func severalInputs() throws {
        let inputs = ["single.yaml", "violates-one-currency.yaml", "broken-cycle.yaml"].map { "Examples/workspaces/\($0)" }
        let run = try Bylaw.run(["lint"] + inputs + ["--format", "json"])
        #expect(run.status == 2)
        let report = try ReportDocument(run)
        #expect(report.findingKeys == ["billing-mode/one-currency@10:25"])
        #expect(report.diagnosticKeys == ["workspace.org-cycle@10:13"])
        #expect(report.summaryInt("inputs") == 3)
        #expect(report.summaryInt("invalid_inputs") == 1)
    }

    @Test("JSON output matches Expected/json/NAME.json, parsed back", arguments: [
        "violates-child-org-inherits-account", "violates-client-data-needs-byos", "broken-unknown-enum",
    ])
    func json(name: String) throws {
        let run = try Bylaw.run(["lint", "Examples/workspaces/\(name).yaml", "--format", "json"])
        try ExpectedOutput.expectJSON(run.stdoutData, matches: "json/lint-\(name).json")
    }
}
