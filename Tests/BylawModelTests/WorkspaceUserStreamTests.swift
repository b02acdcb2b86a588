import BylawModel
import BylawSource
import BylawYAML
import Testing

/// A config loaded from its file decodes `users:` while the parser reads it; loaded from a
/// parsed tree, it decodes the same list afterwards. Both must find the same users and report
/// the same problems, at the same places.
@Suite struct WorkspaceUserStreamTests {
    static let header = """
        workspace: w
        billing: {mode: single, accounts: [{id: main, currency: EUR, owner: ada}]}
        orgs: [{id: hq}, {id: ops, parent: hq}]

        """

    /// Users sections that exercise every check of a user, and a few shapes of list.
    static let usersSections = [
        "users:\n  - {id: ada, email: ada@example.com, org: hq}\n  - {id: bo, org: ops, status: offboarded, offboarded_on: 2024-02-29}\n",
        "users:\n  - id: ada\n    email: \"ad\\u00e9@example.com\"\n    org: hq\n    labels: {team: red, tier: 1}\n",
        "users:\n  - {id: ada, org: hq}\n  - {id: ada, org: ops}\n  - {id: bo, org: hq}\n  - {id: bo, org: hq}\n",
        "users:\n  - {id: ada, org: hqq}\n  - {id: bo, org: nowhere}\n  - {id: cy, org: hqq}\n",
        "users:\n  - {id: '', org: hq}\n  - {id: [x], org: hq}\n  - {id: ~, org: ''}\n  - {id: dee, org: {a: b}}\n",
        "users:\n  - {idd: ada, org: hq}\n  - {email: x@y}\n  - just-a-string\n  - [a, list]\n",
        "users:\n  - {id: ada, org: hq, status: gone, offboarded_on: 2023-02-29, email: [a]}\n  - {id: bo, org: hq, labels: [x]}\n",
        "users: []\n",
        "users:\n",
        "users: {ada: hq}\n",
        "users:\n  - &a {id: ada, org: hq}\n  - *a\n",
        "users:\n  - {id: ada, org: hq}\napps:\n  - {id: x, kind: company, owner: adaa, provider: p}\nproviders: [{id: p, vendor: openai, custody: byos}]\n",
    ]

    /// Every diagnostic as one line (code, place, message, hint, notes).
    static func rendered(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { diagnostic in
            let notes = diagnostic.notes.map { "\($0.message)@\($0.span.map { "\($0.start.line):\($0.start.column)" } ?? "-")" }
            return "\(diagnostic.code) \(diagnostic.position) \(diagnostic.message) | \(diagnostic.hint ?? "") | \(notes)"
        }
    }

    /// Every user as one line of its fields and positions.
    static func rendered(_ workspace: Workspace?) -> [String] {
        guard let workspace else { return [] }
        return workspace.users.map { user in
            let spans = UserField.allCases.map { user.spans[$0] }.map { "\($0.start)-\($0.end)" }
            return "\(user.index) \(user.id) \(user.email) \(user.org.id) \(user.status) \(user.offboardedOn ?? "-") \(user.labels.sorted { $0.key < $1.key }) \(spans)"
        }
    }

    @Test func streamedAndTreeLoadsAgree() {
        for section in Self.usersSections {
            let file = SourceFile(path: "w.yaml", text: Self.header + section)
            let streamed = WorkspaceLoader.load(file)
            let yaml = YAMLLoader.load(file)
            let tree = WorkspaceLoader.load(documents: yaml.documents, file: file)
            #expect(Self.rendered(streamed.diagnostics) == Self.rendered(Diagnostic.sortedForDisplay(yaml.diagnostics + tree.diagnostics)), "\(section)")
            #expect(Self.rendered(streamed.workspace) == Self.rendered(tree.workspace), "\(section)")
            #expect((streamed.workspace == nil) == (tree.workspace == nil), "\(section)")
        }
    }

    /// The simple `users:` items read without libyaml give the same workspace and problems as
    /// libyaml alone, for each section after a run of simple users (so that the path applies).
    @Test func simpleItemsLoadAsLibYAMLReadsThem() {
        let simple = (0..<40).map { "  - {id: s\($0), email: s\($0)@example.com, org: hq}\n" }.joined()
            + (0..<40).map { "  - id: b\($0)\n    org: 'ops'\n    status: offboarded\n    offboarded_on: 2024-01-0\($0 % 9 + 1)\n" }.joined()
        for section in Self.usersSections where section.hasPrefix("users:\n") {
            let file = SourceFile(path: "w.yaml", text: Self.header + "users:\n" + simple + section.dropFirst("users:\n".count))
            let fast = WorkspaceLoader.load(file, limits: .default, simpleItems: true)
            let slow = WorkspaceLoader.load(file, limits: .default, simpleItems: false)
            #expect(Self.rendered(fast.diagnostics) == Self.rendered(slow.diagnostics), "\(section)")
            #expect(Self.rendered(fast.workspace) == Self.rendered(slow.workspace), "\(section)")
        }
    }

    @Test func usersKeepTheirFieldsAsWritten() throws {
        let workspace = try loadValid(Self.header + """
            users:
              - {id: ada, email: ada@example.com, org: hq, labels: {team: red}}
              - {id: bo, email: "b\\u00f8@example.com", org: ops, status: offboarded, offboarded_on: 0999-01-02}
              - {id: cy, org: hq}
            """)
        #expect(workspace.users.map(\.id) == ["ada", "bo", "cy"])
        #expect(workspace.users.map(\.email) == ["ada@example.com", "b\u{F8}@example.com", ""])
        #expect(workspace.users.map(\.org.id) == ["hq", "ops", "hq"])
        #expect(workspace.users.map(\.status) == [.active, .offboarded, .active])
        #expect(workspace.users.map(\.offboardedOn) == [nil, "0999-01-02", nil])
        #expect(workspace.users.map(\.labels) == [["team": "red"], [:], [:]])
        #expect(workspace.user("bo")?.index == 1)
        #expect(workspace.user("b") == nil)
        #expect(workspace.users(of: try #require(workspace.org("hq"))).map(\.id) == ["ada", "cy"])
    }

    @Test func theUnknownOrgOfEveryUserIsReported() {
        let config = MarkedConfig(Self.header + "users:\n  - {id: a, org: 1️⃣x}\n  - {id: b, org: hq}\n  - {id: c, org: 2️⃣x}\n")
        let unknown = config.load().diagnostics.filter { $0.code == .workspaceUnknownReference }
        #expect(unknown.map(\.message) == ["unknown org 'x'", "unknown org 'x'"])
        #expect(unknown.map(\.position) == [config.position("1"), config.position("2")])
    }
}
