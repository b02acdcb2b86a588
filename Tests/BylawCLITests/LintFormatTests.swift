import Foundation
import Testing

/// `bylaw lint` in the formats CI systems read, checked on the parsed output.
@Suite("bylaw lint formats")
struct LintFormatTests {
    static let inputs = [
        "Examples/workspaces/violates-child-org-inherits-account.yaml",
        "Examples/workspaces/violates-one-currency.yaml",
        "Examples/workspaces/broken-unknown-parent.yaml",
    ]

    @Test("SARIF: version 2.1.0, the workspace rules, results with rule ids and regions")
    func sarif() throws {
        let run = try Bylaw.run(["lint"] + Self.inputs + ["--format", "sarif"])
        #expect(run.status == 2)
        let log = try run.json()
        #expect(log["version"] as? String == "2.1.0")
        let sarifRun = try #require((log["runs"] as? [[String: Any]])?.first)
        let driver = try #require((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "bylaw")
        let ruleIDs = (driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(ruleIDs.contains("billing-mode/child-org-inherits-account"))
        #expect(ruleIDs.allSatisfy { $0.hasPrefix("billing-mode/") || $0.hasPrefix("apps/") })

        let results = try #require(sarifRun["results"] as? [[String: Any]])
        let described = results.map { result -> String in
            let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
            let uri = (location?["artifactLocation"] as? [String: Any])?["uri"] as? String ?? "?"
            let region = location?["region"] as? [String: Any] ?? [:]
            let numbers = ["startLine", "startColumn", "endLine", "endColumn"].map { (region[$0] as? NSNumber)?.intValue ?? 0 }
            let file = uri.split(separator: "/").last.map(String.init) ?? uri
            return "\(result["ruleId"] as? String ?? "?") \(result["level"] as? String ?? "?") \(file) \(numbers)"
        }
        #expect(described.sorted() == [
            // `billing_account: acct-eu`, line 22 columns 5–28 (end exclusive).
            "billing-mode/child-org-inherits-account error violates-child-org-inherits-account.yaml [22, 5, 22, 29]",
            // `currency: GBP`, line 10 columns 25–37.
            "billing-mode/one-currency error violates-one-currency.yaml [10, 25, 10, 38]",
            // `enginering` after `parent: `, line 10 columns 13–22: an input diagnostic.
            "workspace.unknown-reference error broken-unknown-parent.yaml [10, 13, 10, 23]",
        ])
        // The input diagnostic refers to the second tool component, never to a policy rule.
        let input = try #require(results.first { $0["ruleId"] as? String == "workspace.unknown-reference" })
        let reference = try #require(input["rule"] as? [String: Any])
        #expect((reference["toolComponent"] as? [String: Any])?["index"] as? NSNumber == 0)
        let extensions = try #require((sarifRun["tool"] as? [String: Any])?["extensions"] as? [[String: Any]])
        #expect(extensions.first?["name"] as? String == "bylaw-input")
    }

    @Test("GitHub annotations: one ::error per finding and diagnostic, then the count")
    func github() throws {
        let run = try Bylaw.run(["lint"] + Self.inputs + ["--format", "github"])
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix(
            "::error file=Examples/workspaces/violates-child-org-inherits-account.yaml,line=22,col=5,endLine=22,endColumn=29,"
                + "title=billing-mode/child-org-inherits-account%3A In assigned mode a child org never declares a different account::"
                + "child org us-marketing declares billing account acct-eu, but its silo us is billed to acct-us%0Ahint: "))
        #expect(lines[1].hasPrefix(
            "::error file=Examples/workspaces/violates-one-currency.yaml,line=10,col=25,endLine=10,endColumn=38,title=billing-mode/one-currency%3A "))
        #expect(lines[2] == "::error file=Examples/workspaces/broken-unknown-parent.yaml,line=10,col=13,endLine=10,endColumn=23,"
            + "title=workspace.unknown-reference::unknown parent org 'enginering'%0Ahint: did you mean 'engineering'?")
        #expect(lines[3] == "bylaw: 2 findings (2 block), 1 input diagnostic")
        try ExpectedOutput.expect(run.stdout, matches: "github/lint.txt")
    }

    @Test("clean configs: SARIF with no results, GitHub with only the count, exit 0")
    func clean() throws {
        let valid = ["single.yaml", "assigned.yaml", "pooled.yaml", "acme.yaml"].map { "Examples/workspaces/\($0)" }
        let sarif = try Bylaw.run(["lint"] + valid + ["--format", "sarif"])
        #expect(sarif.status == 0)
        let sarifRun = try #require((try sarif.json()["runs"] as? [[String: Any]])?.first)
        #expect((sarifRun["results"] as? [Any])?.isEmpty == true)
        let github = try Bylaw.run(["lint"] + valid + ["--format", "github"])
        #expect(github.status == 0)
        #expect(github.stdout == "bylaw: 0 findings\n")
    }

    @Test("JUnit: one test case per rule and file, a failure for each rule that fired")
    func junit() throws {
        let run = try Bylaw.run(["lint", "Examples/workspaces/violates-client-data-needs-byos.yaml", "--format", "junit"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"bylaw\" tests=\"11\" failures=\"1\""))
        let cases = run.stdout.components(separatedBy: "<testcase ").count - 1
        #expect(cases == 11)
        #expect(run.stdout.components(separatedBy: "<failure ").count - 1 == 1)
        #expect(run.stdout.contains(#"<testcase name="apps/client-data-needs-byos""#))
    }

    @Test("--strict does not change a clean run; block findings fail with or without it")
    func strict() throws {
        #expect(try Bylaw.run(["lint", "Examples/workspaces/single.yaml", "--strict"]).status == 0)
        #expect(try Bylaw.run(["lint", "Examples/workspaces/violates-one-currency.yaml", "--strict"]).status == 1)
    }
}
