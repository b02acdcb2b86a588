import Foundation
import Testing

/// `bylaw eval` on every usage stream in Examples/usage with the shipped policies.
@Suite("Example usage streams")
struct ExampleStreamTests {
    @Test("text output matches Expected/eval/NAME.txt; exit code as catalogued", arguments: ExampleCatalog.streams)
    func text(example: ExampleCatalog.Stream) throws {
        let run = try Bylaw.run(["eval", example.path, "--workspace", example.workspacePath])
        #expect(!run.crashed && !run.timedOut)
        #expect(run.status == example.exitCode)
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr)")
        try ExpectedOutput.expect(run.stdout, matches: "eval/\(example.name).txt")
    }

    @Test("findings and malformed lines as catalogued; every line accounted for", arguments: ExampleCatalog.streams)
    func findingsAndLines(example: ExampleCatalog.Stream) throws {
        let run = try Bylaw.run(["eval", example.path, "--workspace", example.workspacePath, "--format", "json"])
        #expect(run.status == example.exitCode)
        let report = try ReportDocument(run)
        #expect(report.findingKeys.sorted() == example.findings.sorted())
        #expect(report.diagnosticKeys.sorted() == example.diagnostics.sorted())
        #expect(report.summaryInt("lines", "read") == example.lines.read)
        #expect(report.summaryInt("lines", "evaluated") == example.lines.evaluated)
        #expect(report.summaryInt("lines", "blank") == example.lines.blank)
        #expect(report.summaryInt("lines", "malformed") == example.lines.malformed)
        #expect(report.summaryInt("excepted") == example.excepted)
        // The file's own line count, independent of the tool.
        #expect(try EvalStreamTests.lines(of: example.path).count == example.lines.read)
    }

    @Test("the catalog lists every file in Examples/usage")
    func catalogIsComplete() throws {
        let directory = Bylaw.packageRoot.appendingPathComponent("Examples/usage")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".ndjson") }
        #expect(Set(files) == Set(ExampleCatalog.streams.map(\.file)))
    }

    @Test("every usage rule of the shipped policies fires in some example stream")
    func everyUsageRuleIsExercised() throws {
        let run = try Bylaw.run([
            "eval", "Examples/usage/unbilled.ndjson", "--workspace", "Examples/workspaces/acme.yaml", "--format", "sarif",
        ])
        let runs = try #require(try run.json()["runs"] as? [[String: Any]])
        let driver = try #require((runs.first?["tool"] as? [String: Any])?["driver"] as? [String: Any])
        let rules = Set((driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        #expect(rules.count == 11)
        let fired = Set(ExampleCatalog.streams.flatMap(\.findings).map { String($0.prefix { $0 != "@" }) })
        #expect(rules == fired)
    }

    @Test("JSON output matches Expected/json/NAME.json, parsed back", arguments: ["unbilled", "broken"])
    func json(name: String) throws {
        let example = try #require(ExampleCatalog.streams.first { $0.name == name })
        let run = try Bylaw.run(["eval", example.path, "--workspace", example.workspacePath, "--format", "json"])
        try ExpectedOutput.expectJSON(run.stdoutData, matches: "json/eval-\(name).json")
    }

    @Test("the redaction bot's exception holds until it expires on 2027-03-31")
    func exceptionExpiry() throws {
        let arguments = ["eval", "Examples/usage/redaction-bot.ndjson", "--workspace", "Examples/workspaces/acme.yaml", "--format", "json"]
        let before = try ReportDocument(try Bylaw.run(arguments, environment: ["BYLAW_TODAY": "2027-03-31"]))
        #expect(!before.findingKeys.contains("client-data/no-client-data-in-consumer-chat@1"))
        #expect(before.summaryInt("excepted") == 1)

        let afterRun = try Bylaw.run(arguments, environment: ["BYLAW_TODAY": "2027-04-01"])
        let after = try ReportDocument(afterRun)
        #expect(after.findingKeys.contains("client-data/no-client-data-in-consumer-chat@1"))
        #expect(after.summaryInt("excepted") == 0)
        #expect(afterRun.stderr.contains("[policy.expired-exception]"))
    }

    @Test("--summary attributes events and spend to billing accounts")
    func attribution() throws {
        let run = try Bylaw.run([
            "eval", "Examples/usage/unbilled.ndjson", "--workspace", "Examples/workspaces/violates-top-level-org-has-account.yaml",
            "--format", "json", "--summary",
        ])
        let attribution = try #require(try ReportDocument(run).summary["attribution"] as? [String: Any])
        let byAccount = try #require(attribution["by_account"] as? [String: [String: Any]])
        // priya's events (lines 1, 3: 0.0081 + 0.0111 USD) are billed to acct-clinics; tomas's
        // org `lab` has no account (lines 2, 4: 0.0134 + 0.0068 USD). Sums are exact decimals.
        #expect((byAccount["acct-clinics"]?["events"] as? NSNumber)?.intValue == 2)
        #expect((byAccount["acct-clinics"]?["spend"] as? [String: String])?["USD"] == "0.0192")
        #expect((byAccount["unattributed"]?["events"] as? NSNumber)?.intValue == 2)
        #expect((byAccount["unattributed"]?["spend"] as? [String: String])?["USD"] == "0.0202")
        let byOrg = try #require(attribution["by_org"] as? [String: [String: Any]])
        #expect(Set(byOrg.keys) == ["clinics", "clinics-cardiology", "lab", "lab-genomics"])
    }
}
