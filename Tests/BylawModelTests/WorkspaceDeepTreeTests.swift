import BylawModel
import BylawSource
import Testing

/// A 100,000-deep org chain loads, resolves and is released without recursion.
@Suite struct WorkspaceDeepTreeTests {
    static let depth = 100_000

    /// The chain written leaf first, so building must follow parents, not declaration order.
    static func chainConfig() -> SourceFile {
        var text = "workspace: deep\nbilling:\n  mode: assigned\n  accounts: [{id: acct, currency: EUR}]\norgs:\n"
        text.reserveCapacity(depth * 40)
        for level in stride(from: depth - 1, through: 1, by: -1) {
            text += "  - {id: o\(level), parent: o\(level - 1)}\n"
        }
        text += "  - {id: o0, billing_account: acct}\n"
        return SourceFile(path: "deep.yaml", text: text)
    }

    @Test func aDeepChainResolvesRootDepthAndBilling() throws {
        let result = WorkspaceLoader.load(Self.chainConfig())
        #expect(result.diagnostics.isEmpty)
        let workspace = try #require(result.workspace)
        let leaf = try #require(workspace.org("o\(Self.depth - 1)"))
        let root = try #require(workspace.org("o0"))
        #expect(leaf.depth == Self.depth - 1)
        #expect(leaf.root === root)
        #expect(leaf.billing.silo == "o0")
        #expect(leaf.billing.accounts.map(\.id) == ["acct"])
        #expect(leaf.billing.provenance.decidedBy(for: leaf) === root)
        #expect(leaf.ancestors.count == Self.depth - 1)
        #expect(leaf.ancestors.last === root)
        #expect(leaf.isDescendant(of: root))
        #expect(!root.isDescendant(of: leaf))
        #expect(workspace.roots.map(\.id) == ["o0"])
        #expect(workspace.children(of: root).map(\.id) == ["o1"])
    }

    @Test func releasingADeepWorkspaceDoesNotRecurse() {
        // Loaded and dropped inside the test: a recursive release of 100,000 levels would
        // overflow the stack here.
        weak var released: Workspace?
        do {
            let workspace = WorkspaceLoader.load(Self.chainConfig()).workspace
            released = workspace
            #expect(workspace != nil)
        }
        #expect(released == nil)
    }

    @Test func aLeafKeptAfterItsWorkspaceStillAnswersAndIsReleasedFlat() throws {
        // The leaf holds its ancestors: the whole chain outlives the workspace, and goes,
        // without recursing, when the leaf does.
        weak var weakRoot: Org?
        do {
            var leaf: Org?
            do {
                let workspace = try #require(WorkspaceLoader.load(Self.chainConfig()).workspace)
                leaf = workspace.org("o\(Self.depth - 1)")
                weakRoot = workspace.org("o0")
            }
            #expect(leaf?.parent?.id == "o\(Self.depth - 2)")
            #expect(leaf?.root.id == "o0")
            #expect(leaf?.ancestors.count == Self.depth - 1)
            #expect(weakRoot != nil)
            leaf = nil
        }
        #expect(weakRoot == nil)
    }
}
