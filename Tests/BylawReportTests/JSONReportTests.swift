import BylawReport
import BylawSource
import Foundation
import Testing

@Suite("JSON and NDJSON reports")
struct JSONReportTests {
    @Test("json is one document with findings, diagnostics and the summary")
    func jsonDocument() throws {
        let document = try #require(ReportFixture.parse(ReportFixture.output(.json)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.count == 5)
        let first = findings[0]
        #expect(first["rule"] as? String == "billing/assigned-root")
        #expect(first["policy"] as? String == "billing")
        #expect(first["enforcement"] as? String == "block")
        #expect(first["kind"] as? String == "violation")
        #expect(first["hint"] as? String == "remove 'billing_account'")
        let location = try #require(first["location"] as? [String: Any])
        #expect(location["file"] as? String == "ws/acme.yaml")
        #expect(location["line"] as? Int == 5)
        #expect(location["column"] as? Int == 22)
        #expect(first["event"] == nil)

        // Columns count characters: the family emoji is one.
        let second = try #require(findings[1]["location"] as? [String: Any])
        #expect(second["line"] as? Int == 4 && second["column"] as? Int == 14)
        #expect(findings[1]["message"] as? String == "name \"Zürich\" <owner> & co's")
        #expect(findings[1]["hint"] is NSNull)
        #expect(findings[3]["kind"] as? String == "evaluation-error")

        let stream = findings[4]
        let event = try #require(stream["event"] as? [String: Any])
        #expect(event["line"] as? Int == 42 && event["id"] as? String == "evt-42")
        let streamLocation = try #require(stream["location"] as? [String: Any])
        #expect(streamLocation["file"] as? String == "logs/usage,day:1.ndjson" && streamLocation["line"] as? Int == 42)
        #expect(stream["message"] as? String == "50% of client data\nwent to chat, again")

        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["stream.invalid-json", "stream.unknown-enum"])
        #expect(diagnostics[1]["severity"] as? String == "warning")
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 5)
    }

    @Test("ndjson: one object per line in arrival order, the summary last")
    func ndjsonLines() throws {
        let text = ReportFixture.output(.ndjson)
        #expect(text.hasSuffix("\n"))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 8)
        let objects = try lines.map { line in try #require(ReportFixture.parse(String(line)) as? [String: Any]) }
        #expect(objects.prefix(4).map { $0["rule"] as? String }
            == ["billing/assigned-root", "apps/owner-active", "billing/assigned-root", "apps/provider-custody"])
        let diagnostic = try #require(objects[4]["diagnostic"] as? [String: Any])
        #expect(diagnostic["message"] as? String == "line 7: expected ':' <&\"'>\u{1}]]>")
        #expect(objects[5]["rule"] as? String == "data/consumer-chat")
        #expect(objects[6]["diagnostic"] != nil)
        let summary = try #require(objects[7]["summary"] as? [String: Any])
        #expect((summary["lines"] as? [String: Any])?["malformed"] as? Int == 2)
        #expect(objects.last?.keys.sorted() == ["summary"])
    }

    @Test("compile diagnostics alone: sorted, with error and warning counts")
    func diagnosticsJSON() throws {
        let file = SourceFile(path: "Policies/p.yaml", text: "policy: p\nrules: []\n")
        let diagnostics = [
            Diagnostic.warning(.policyUnusedList, "list 'x' is never used", in: file, at: SourceRange(start: 10, end: 15)),
            Diagnostic.error(.policyUnknownKey, "unknown key 'polcy'", in: file, at: SourceRange(start: 0, end: 6), hint: "did you mean 'policy'?"),
        ]
        let document = try #require(ReportFixture.parse(DiagnosticsReport.json(diagnostics)) as? [String: Any])
        let items = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(items.map { $0["code"] as? String } == ["policy.unknown-key", "policy.unused-list"])
        let location = try #require(items[1]["location"] as? [String: Any])
        #expect(location["line"] as? Int == 2 && location["column"] as? Int == 1)
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1 && summary["warnings"] as? Int == 1)
    }
}
