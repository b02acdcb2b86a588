import Foundation
import Testing

@Suite("SARIF output")
struct SARIFOutputTests {
    static let cases: [(name: String, arguments: [String], status: Int32)] = [
        ("check-constant-bomb", ["check", "Examples/hostile/constant-bomb.yaml"], 2),
        ("eval-broken", ["eval", "Examples/usage/broken.ndjson", "--workspace", "Examples/workspaces/acme.yaml"], 0),
        ("lint-broken-unknown-enum", ["lint", "Examples/workspaces/broken-unknown-enum.yaml"], 2),
    ]

    @Test("SARIF output matches Expected/sarif/NAME.json, parsed back, Bylaw's version aside", arguments: cases)
    func matchesExpected(name: String, arguments: [String], status: Int32) throws {
        let run = try Bylaw.run(arguments + ["--format", "sarif"])
        #expect(run.status == status)
        let log = try run.json()
        try ExpectedOutput.expectJSON(
            try JSONSerialization.data(withJSONObject: Self.withoutVersion(log)), matches: "sarif/\(name).json")
    }

    @Test("a diagnostic code's rule carries its summary and help")
    func codeRules() throws {
        let run = try Bylaw.run(["lint", "Examples/workspaces/broken-cycle.yaml", "--format", "sarif"])
        let tool = try #require((try run.json()["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])
        let rules = try #require((tool["extensions"] as? [[String: Any]])?.first?["rules"] as? [[String: Any]])
        let cycle = try #require(rules.first { $0["id"] as? String == "workspace.org-cycle" })
        #expect((cycle["shortDescription"] as? [String: Any])?["text"] as? String == "The org tree has a cycle")
        #expect(((cycle["help"] as? [String: Any])?["text"] as? String)?.hasPrefix("the org tree has a cycle") == true)
        #expect((cycle["defaultConfiguration"] as? [String: Any])?["level"] as? String == "error")
    }

    /// The log with every `version` and `semanticVersion` of its tool components replaced, so a
    /// release does not make the expected files stale.
    static func withoutVersion(_ log: [String: Any]) -> [String: Any] {
        var log = log
        guard var runs = log["runs"] as? [[String: Any]] else { return log }
        for index in runs.indices {
            guard var tool = runs[index]["tool"] as? [String: Any] else { continue }
            if let driver = tool["driver"] as? [String: Any] { tool["driver"] = unversioned(driver) }
            if let extensions = tool["extensions"] as? [[String: Any]] { tool["extensions"] = extensions.map(unversioned) }
            runs[index]["tool"] = tool
        }
        log["runs"] = runs
        return log
    }

    private static func unversioned(_ component: [String: Any]) -> [String: Any] {
        var component = component
        for key in ["version", "semanticVersion"] where component[key] != nil { component[key] = "VERSION" }
        return component
    }
}
