import BylawModel
import BylawSource
import Testing

/// Ids are matched by their bytes, as CEL's `==` compares strings: an id written with a
/// combining accent is not the same id as one written precomposed.
@Suite struct WorkspaceIDBytesTests {
    @Test func referenceResolvesOnlyToTheIDWithItsBytes() {
        let result = MarkedConfig("""
            workspace: w
            billing:
              mode: single
              accounts: [{id: a, currency: USD}]
            orgs:
              - {id: "caf\\u00e9"}
            users:
              - {id: u, org: 1️⃣"cafe\\u0301"}
            """).load()
        #expect(result.workspace == nil)
        let unknown = result.diagnostics.filter { $0.code == .workspaceUnknownReference }
        #expect(unknown.count == 1)
        // Shown the look-alike it was probably meant to be.
        #expect(unknown.first?.hint == "did you mean 'caf\u{E9}'?")
    }

    @Test func idsDifferingOnlyInNormalisationAreTwoObjects() throws {
        let result = MarkedConfig("""
            workspace: w
            billing:
              mode: single
              accounts: [{id: a, currency: USD}]
            orgs:
              - {id: "caf\\u00e9"}
              - {id: "cafe\\u0301"}
            users:
              - {id: u, org: "cafe\\u0301"}
            """).load()
        #expect(!result.diagnostics.contains { $0.severity == .error }, "\(result.diagnostics.map(\.message))")
        let workspace = try #require(result.workspace)
        #expect(workspace.orgs.count == 2)
        #expect(workspace.org("cafe\u{301}")?.id.utf8.elementsEqual("cafe\u{301}".utf8) == true)
        #expect(workspace.org("caf\u{E9}")?.id.utf8.elementsEqual("caf\u{E9}".utf8) == true)
        #expect(workspace.user("u")?.org.id.utf8.elementsEqual("cafe\u{301}".utf8) == true)
    }
}
