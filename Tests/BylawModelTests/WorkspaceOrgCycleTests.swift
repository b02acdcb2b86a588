import BylawModel
import BylawSource
import Testing

/// Cycles in the org tree are named, reported once at one member's `parent` field, with notes
/// at the other members' `parent` fields.
@Suite struct WorkspaceOrgCycleTests {
    @Test func aThreeOrgCycleIsNamedFromItsFirstDeclaredMember() throws {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: single}
            orgs:
              - {id: root}
              - {id: b, parent: 2️⃣c}
              - {id: a, parent: 1️⃣b}
              - {id: c, parent: 3️⃣a}
              - {id: under, parent: a}
            """)
        let diagnostic = try onlyDiagnostic(config)
        #expect(diagnostic.code == .workspaceOrgCycle)
        #expect(diagnostic.message == "org cycle: b → c → a → b")
        #expect(diagnostic.position == config.position("2"))
        #expect(diagnostic.notes.map(\.message) == ["org 'c' has parent 'a' here", "org 'a' has parent 'b' here"])
        #expect(diagnostic.notes.map { $0.span?.range.start } == [config.offset("3"), config.offset("1")])
    }

    @Test func aSelfParentIsACycleOfOne() throws {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: single}
            orgs:
              - id: loop
                parent: 1️⃣loop
            """)
        let diagnostic = try onlyDiagnostic(config)
        #expect(diagnostic.code == .workspaceOrgCycle)
        #expect(diagnostic.message == "org cycle: loop → loop (org 'loop' is its own parent)")
        #expect(diagnostic.position == "5:13")
        #expect(diagnostic.position == config.position("1"))
        #expect(diagnostic.notes.isEmpty)
    }

    @Test func twoSeparateCyclesAreTwoErrors() {
        let config = MarkedConfig("""
            workspace: acme
            billing: {mode: single}
            orgs:
              - {id: a, parent: b}
              - {id: b, parent: a}
              - {id: x, parent: y}
              - {id: y, parent: x}
            """)
        let messages = config.load().diagnostics.map(\.message)
        #expect(messages == ["org cycle: a → b → a", "org cycle: x → y → x"])
    }

    @Test func aLongCycleIsAbbreviatedAndFoundWithoutRecursion() throws {
        let count = 50_000
        var text = "workspace: acme\nbilling: {mode: single}\norgs:\n"
        for index in 0..<count {
            text += "  - {id: o\(index), parent: o\((index + 1) % count)}\n"
        }
        let result = WorkspaceLoader.load(SourceFile(path: "long.yaml", text: text))
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .workspaceOrgCycle)
        #expect(diagnostic.message == "org cycle: o0 → o1 → o2 → o3 → o4 → o5 → o6 → o7 → o8 → o9 → … (49989 more) → o49999 → o0")
        #expect(diagnostic.position == "4:22")
        #expect(diagnostic.notes.count == 12)
    }
}
