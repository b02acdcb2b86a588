import BylawModel
import BylawSource
import Testing

/// A workspace and its objects are freed when the last reference to them goes, whatever the
/// references between the objects (found by `fuzz-workspace` as a leak of the whole model).
@Suite struct WorkspaceLifetimeTests {
    /// An app listing the org of the user who owns it: org → users → owned apps → orgs.
    static let ownerInAppOrg = """
        workspace: northwind
        billing:
          mode: single
          accounts:
            - {id: main, currency: EUR}
        orgs:
          - id: advisory
          - id: tax
            parent: advisory
        users:
          - {id: anna, email: anna@example.com, org: advisory}
        providers:
          - {id: openai, vendor: openai, custody: byos, training_opt_out: true}
        apps:
          - {id: assistant, kind: company, owner: anna, provider: openai, orgs: [advisory, tax], data: [internal]}
        """

    @Test func theModelIsFreedWithItsWorkspace() throws {
        weak var workspace: Workspace?
        weak var org: Org?
        weak var app: App?
        do {
            let loaded = try loadValid(Self.ownerInAppOrg)
            workspace = loaded
            org = loaded.org("advisory")
            app = loaded.apps.first
            // Users are rows of the workspace's table, not objects: nothing to outlive it.
            let user = try #require(loaded.users.first)
            #expect(org != nil && app != nil)
            #expect(loaded.apps(ownedBy: user).first === app)
        }
        let freed = (workspace: workspace == nil, org: org == nil, app: app == nil)
        #expect(freed.workspace, "the workspace outlived its last reference")
        #expect(freed.org, "the org outlived its workspace")
        #expect(freed.app, "the app outlived its workspace")
    }

    @Test func objectsKeptAfterTheirWorkspaceStillAnswer() throws {
        var app: App?
        var user: User?
        weak var workspace: Workspace?
        do {
            let loaded = try loadValid(Self.ownerInAppOrg)
            workspace = loaded
            app = loaded.apps.first
            user = loaded.users.first
        }
        #expect(workspace == nil, "the workspace outlived its last reference")
        // Every link an app holds reaches objects it keeps alive: no trap, the same answers.
        #expect(app?.owner?.org.id == "advisory")
        #expect(app?.provider.vendor == "openai")
        #expect(app?.orgs.map(\.id) == ["advisory", "tax"])
        #expect(app?.orgs.last?.parent?.root.id == "advisory")
        #expect(user?.email == "anna@example.com" && user?.org.id == "advisory")
    }
}
