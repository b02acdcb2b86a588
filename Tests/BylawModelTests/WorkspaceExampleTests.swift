import BylawModel
import BylawSource
import Testing

/// The shipped `Examples/workspaces/` files: the valid ones load cleanly, the broken ones give
/// exactly the load errors their comments announce.
@Suite struct WorkspaceExampleTests {
    static let directory: String = {
        // Tests/BylawModelTests/<this file> → the package root.
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/") + "/Examples/workspaces/"
    }()

    static func load(_ name: String) -> WorkspaceLoadResult {
        WorkspaceLoader.load(path: directory + name)
    }

    @Test(arguments: ["single.yaml", "assigned.yaml", "pooled.yaml"])
    func validExamplesLoadWithoutDiagnostics(name: String) throws {
        let result = Self.load(name)
        #expect(result.diagnostics.map(\.message) == [])
        let workspace = try #require(result.workspace)
        #expect(workspace.orgs.count >= 4)
        #expect(workspace.users.contains { $0.status == .offboarded })
        #expect(Set(workspace.providers.map(\.custody)) == Set(Custody.allCases))
        #expect(Set(workspace.apps.map(\.kind)) == Set(AppKind.allCases))
        #expect(workspace.mode.rawValue + ".yaml" == name)
    }

    @Test func theAcmeExampleLoads() throws {
        let result = Self.load("acme.yaml")
        #expect(result.diagnostics.isEmpty)
        let workspace = try #require(result.workspace)
        #expect(workspace.org("eu-research")?.billing.account?.currency == "EUR")
    }

    @Test func assignedExampleBillsEachSiloOnItsRootAccount() throws {
        let workspace = try #require(Self.load("assigned.yaml").workspace)
        let research = try #require(workspace.org("us-clinical-research"))
        #expect(research.billing.accounts.map(\.currency) == ["USD"])
        #expect(research.billing.silo == "us")
        #expect(research.billing.provenance.describe(for: research).hasSuffix("assigned.yaml:17)"))
        #expect(research.billing.provenance.describe(for: research).hasPrefix("inherited from org `us` ("))
        #expect(workspace.org("eu-sales")?.billing.silo == "eu")
    }

    @Test(arguments: [
        ("broken-cycle.yaml", ["workspace.org-cycle@10:13"]),
        ("broken-unknown-parent.yaml", ["workspace.unknown-reference@10:13"]),
        ("broken-duplicate-id.yaml", ["workspace.duplicate-id@11:10"]),
        ("broken-unknown-enum.yaml", [
            "workspace.unknown-enum@5:9", "workspace.unknown-enum@10:43", "workspace.unknown-enum@12:22",
            "workspace.unknown-enum@12:62",
        ]),
        ("broken-unknown-reference.yaml", [
            "workspace.unknown-reference@8:26", "workspace.unknown-reference@12:22", "workspace.unknown-reference@16:38",
            "workspace.unknown-reference@16:55",
        ]),
    ])
    func brokenExamplesReportTheirLoadErrors(name: String, expected: [String]) {
        let result = Self.load(name)
        #expect(result.workspace == nil)
        #expect(result.diagnostics.map { "\($0.code)@\($0.position)" } == expected)
        #expect(result.diagnostics.allSatisfy { $0.path == Self.directory + name })
    }

    @Test func cycleExampleNamesTheCycle() {
        let message = Self.load("broken-cycle.yaml").diagnostics.first?.message
        #expect(message == "org cycle: ops → sre → infra → ops")
    }

    @Test func aMissingFileIsUnreadable() {
        let result = Self.load("no-such-file.yaml")
        #expect(result.diagnostics.map(\.code) == [.inputUnreadable])
    }
}
