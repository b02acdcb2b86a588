import BylawModel
import BylawPolicy
import BylawReport
import BylawSource
import Foundation
import Testing

@Suite("SARIF report")
struct SARIFReportTests {
    @Test(
        "the log is valid against the official SARIF 2.1.0 schema",
        .enabled(if: SchemaValidator.isAvailable, "needs ../shared/conformance/sarif and python3 with jsonschema"))
    func validAgainstSchema() throws {
        let errors = try SchemaValidator.errors(in: ReportFixture.output(.sarif))
        #expect(errors == [])
    }

    @Test(
        "the validator does reject a broken log",
        .enabled(if: SchemaValidator.isAvailable, "needs ../shared/conformance/sarif and python3 with jsonschema"))
    func validatorRejects() throws {
        let broken = ReportFixture.output(.sarif).replacingOccurrences(of: "\"startLine\": 5", with: "\"startLine\": 0")
        #expect(try !SchemaValidator.errors(in: broken).isEmpty)
    }

    @Test(
        "compile diagnostics alone make a valid log",
        .enabled(if: SchemaValidator.isAvailable, "needs ../shared/conformance/sarif and python3 with jsonschema"))
    func diagnosticsValid() throws {
        let file = SourceFile(path: "Policies/my policy#1.yaml", text: "policy: p\nrules:\n  - id: r\n  - id: r\n")
        let diagnostic = Diagnostic.error(
            .policyDuplicateID, "rule id 'r' is used twice", in: file, at: SourceRange(start: 34, end: 35),
            notes: [DiagnosticNote("first 'r' is here", at: SourceSpan(file: file, range: SourceRange(start: 24, end: 25)))])
        let unreadable = Diagnostic(code: .inputUnreadable, message: "cannot read", path: "/abs/missing.yaml")
        let text = DiagnosticsReport.sarif([diagnostic, unreadable], exitCode: 2)
        #expect(try SchemaValidator.errors(in: text) == [])

        let log = try #require(ReportFixture.parse(text) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["input.unreadable", "policy.duplicate-id"])
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleIndex"] as? Int } == [0, 1])
        let uris = (run["artifacts"] as? [[String: Any]])?.compactMap { ($0["location"] as? [String: Any])?["uri"] as? String }
        #expect(uris == ["file:///abs/missing.yaml", "Policies/my%20policy%231.yaml"])
        #expect(((run["invocations"] as? [[String: Any]])?.first?["exitCode"] as? Int) == 2)
        #expect((results[1]["relatedLocations"] as? [[String: Any]])?.count == 1)
    }

    @Test("rules carry title, handbook help and level; results point at them")
    func rulesAndResults() throws {
        let log = try #require(ReportFixture.parse(ReportFixture.output(.sarif)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        let tool = try #require(run["tool"] as? [String: Any])
        let driver = try #require(tool["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "bylaw" && driver["version"] as? String == BylawVersion.current)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String }
            == ["billing/assigned-root", "apps/owner-active", "apps/provider-custody", "data/consumer-chat"])
        #expect((rules[0]["shortDescription"] as? [String: Any])?["text"] as? String == "Child orgs inherit the root's account")
        #expect(((rules[0]["help"] as? [String: Any])?["markdown"] as? String)?.hasPrefix("## Billing") == true)
        #expect((rules[3]["defaultConfiguration"] as? [String: Any])?["level"] as? String == "note")
        #expect(rules[1]["help"] == nil)

        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.count == 7)
        for result in results where result["ruleIndex"] != nil {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        #expect(results.map { $0["level"] as? String } == ["error", "warning", "error", "error", "error", "note", "warning"])

        // Columns in code points: the family emoji is five scalars, so "Zürich" starts at 18.
        let region = try #require(Self.region(results[1]))
        #expect(region["startLine"] as? Int == 4 && region["startColumn"] as? Int == 18)
        #expect(region["endLine"] as? Int == 4 && region["endColumn"] as? Int == 24)

        // A stream finding: the event's line, its id as a logical location.
        let stream = results[5]
        #expect(Self.region(stream)?["startLine"] as? Int == 42)
        let logical = ((stream["locations"] as? [[String: Any]])?.first?["logicalLocations"] as? [[String: Any]])?.first
        #expect(logical?["name"] as? String == "evt-42")

        // Input diagnostics live in a second tool component.
        let extensions = try #require(tool["extensions"] as? [[String: Any]])
        #expect(extensions.first?["name"] as? String == "bylaw-input")
        let codes = try #require(extensions.first?["rules"] as? [[String: Any]])
        #expect(codes.map { ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String } == ["error", "warning"])
        // A catalogued code is described by its registry entry; another by its id alone.
        #expect(Self.text(codes[0], "shortDescription") == DiagnosticCode.streamInvalidJSON.summary.description)
        #expect(Self.text(codes[0], "help") == DiagnosticCode.streamInvalidJSON.help.description)
        #expect(Self.text(codes[1], "shortDescription") == "stream.unknown-enum")
        #expect(codes[1]["help"] == nil && codes.allSatisfy { $0["helpUri"] == nil })
        let diagnosticRule = try #require(results[4]["rule"] as? [String: Any])
        #expect(diagnosticRule["id"] as? String == "stream.invalid-json")
        #expect((diagnosticRule["toolComponent"] as? [String: Any])?["index"] as? Int == 0)
        let uris = (run["artifacts"] as? [[String: Any]])?.compactMap { ($0["location"] as? [String: Any])?["uri"] as? String }
        #expect(uris == ["ws/acme.yaml", "logs/usage%2Cday%3A1.ndjson"])
    }

    @Test(
        "code rules carry summary, help and, given the docs' address, a link to the code's anchor",
        .enabled(if: SchemaValidator.isAvailable, "needs ../shared/conformance/sarif and python3 with jsonschema"))
    func codeRulesDescribed() throws {
        let file = SourceFile(path: "p.yaml", text: "policy: p\nx: 1\n")
        let diagnostics = [
            Diagnostic.error(.policyUnknownKey, "unknown key 'x' in the policy", in: file, at: SourceRange(start: 10, end: 11)),
            // A warning here, an error elsewhere: the level is that of the first seen.
            Diagnostic.warning(.policyUnknownRule, "the exception names rule 'r'", in: file, at: SourceRange(start: 0, end: 6)),
        ]
        let text = DiagnosticsReport.sarif(diagnostics, documentationURI: "https://example.com/bylaw/docs")
        #expect(try SchemaValidator.errors(in: text) == [])
        let log = try #require(ReportFixture.parse(text) as? [String: Any])
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["policy.unknown-rule", "policy.unknown-key"])
        #expect(Self.text(rules[1], "shortDescription") == "A key the policy language does not have")
        #expect(Self.text(rules[1], "fullDescription") == DiagnosticCode.policyUnknownKey.help.description)
        #expect(Self.text(rules[1], "help") == DiagnosticCode.policyUnknownKey.help.description)
        #expect(rules[1]["helpUri"] as? String == "https://example.com/bylaw/docs/diagnostics.md#policy.unknown-key")
        #expect(rules.map { ($0["defaultConfiguration"] as? [String: Any])?["level"] as? String } == ["warning", "error"])
    }

    private static func text(_ rule: [String: Any], _ key: String) -> String? {
        (rule[key] as? [String: Any])?["text"] as? String
    }

    private static func region(_ result: [String: Any]) -> [String: Any]? {
        let location = (result["locations"] as? [[String: Any]])?.first
        return (location?["physicalLocation"] as? [String: Any])?["region"] as? [String: Any]
    }
}
