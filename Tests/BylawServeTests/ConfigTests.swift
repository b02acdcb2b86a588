import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import Foundation
import Testing

@Suite("POST /v1/lint and /v1/plan")
struct ConfigTests {
    /// The lint findings of a config as `bylaw lint --format json` makes them.
    static func lintFindings(_ path: String) throws -> [String] {
        let today = try #require(Fixtures.today)
        let set = try #require(PolicySetLoader.compile(paths: [Fixtures.policies], today: today).set)
        let workspace = try #require(WorkspaceLoader.load(path: path).workspace)
        var tally = RunTally()
        var findings: [String] = []
        WorkspaceEvaluator(rules: set.rules).evaluate(WorkspaceGraph(workspace), inputPath: path, tally: &tally) { finding in
            let location = finding.location.map { "\($0.start.line):\($0.start.column)" } ?? "-"
            findings.append("\(finding.rule.fullID) \(finding.message) \(location)")
        }
        return findings
    }

    static func describe(_ findings: [[String: Any]]) -> [String] {
        findings.map { finding in
            let location = finding["location"] as? [String: Any]
            let place = location.map { "\($0["line"] ?? "-"):\($0["column"] ?? "-")" } ?? "-"
            return "\(finding["rule"] ?? "") \(finding["message"] ?? "") \(place)"
        }
    }

    @Test("lint answers a config with the findings bylaw lint gives, at the same lines and columns", arguments: [
        "Examples/workspaces/violates-one-currency.yaml", "Examples/workspaces/violates-child-org-inherits-account.yaml",
        "Examples/workspaces/acme.yaml",
    ])
    func lint(example: String) async throws {
        let path = Fixtures.path(example)
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let reply = try await serve.client.request("POST", "/v1/lint", body: try Fixtures.bytes(path))
            #expect(reply.status == 200)
            let json = try reply.json()
            #expect(Set(json.keys) == ["findings", "diagnostics", "summary", "revision"])
            #expect(Self.describe(json["findings"] as? [[String: Any]] ?? []) == (try Self.lintFindings(path)))
            let summary = try #require(json["summary"] as? [String: Any])
            #expect(summary["findings"] as? Int == (try Self.lintFindings(path)).count)
        }
    }

    @Test("a config that does not load is a 422 with its diagnostics")
    func brokenConfig() async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let reply = try await serve.client.request("POST", "/v1/lint", body: try Fixtures.bytes(Fixtures.path("Examples/workspaces/broken-cycle.yaml")))
            #expect(reply.status == 422)
            let diagnostics = try #require(try reply.json()["diagnostics"] as? [[String: Any]])
            #expect(diagnostics.first?["code"] as? String == "workspace.org-cycle")
            let bad = try await serve.client.request("POST", "/v1/lint", text: "orgs: [unclosed\n")
            #expect(bad.status == 422)
        }
    }

    /// A plan request: the configs indented under `before:` and `after:`.
    static func planBody(before: String?, after: String) throws -> String {
        func indented(_ path: String) throws -> String {
            String(decoding: try Fixtures.bytes(Fixtures.path(path)), as: UTF8.self)
                .split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
        }
        var body = ""
        if let before { body += "before:\n" + (try indented(before)) + "\n" }
        return body + "after:\n" + (try indented(after)) + "\n"
    }

    @Test("plan answers a before/after pair with the added and fixed findings")
    func plan() async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let breaking = try Self.planBody(before: "Examples/workspaces/pooled.yaml", after: "Examples/workspaces/violates-one-currency.yaml")
            let json = try await serve.client.request("POST", "/v1/plan", text: breaking).json()
            let added = Self.describe(json["added"] as? [[String: Any]] ?? [])
            #expect(added.contains { $0.hasPrefix("billing-mode/one-currency ") })
            #expect(json["verdict"] is String && json["revision"] is String)
            let fixing = try Self.planBody(before: "Examples/workspaces/violates-one-currency.yaml", after: "Examples/workspaces/pooled.yaml")
            let fixed = try await serve.client.request("POST", "/v1/plan", text: fixing).json()
            #expect(Self.describe(fixed["fixed"] as? [[String: Any]] ?? []).contains { $0.hasPrefix("billing-mode/one-currency ") })
            #expect((fixed["added"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("without before:, the served workspace is the current config")
    func planAgainstServed() async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let same = try Self.planBody(before: nil, after: "Examples/workspaces/acme.yaml")
            let json = try await serve.client.request("POST", "/v1/plan", text: same).json()
            #expect((json["added"] as? [Any])?.isEmpty == true)
            #expect((json["fixed"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a plan request without after:, or with other keys, is a 422 saying what is expected", arguments: [
        "before: {}\n", "after: {}\nextra: 1\n", "- 1\n", "after: [\n",
    ])
    func badPlan(body: String) async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let reply = try await serve.client.request("POST", "/v1/plan", text: body)
            #expect(reply.status == 422, "\(reply)")
            let diagnostics = try #require(try reply.json()["diagnostics"] as? [[String: Any]])
            #expect(!diagnostics.isEmpty)
        }
    }
}
