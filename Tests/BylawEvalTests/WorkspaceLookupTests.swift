import BylawEval
import BylawModel
import BylawPolicy
import CEL
import Testing

/// `workspace.user(id)` and friends answer from a memo of the last ids looked up, and an org's
/// ancestors, children and users are built once per graph: the answers must be those of the
/// workspace's index whatever the memo holds, and the graph must still be freed.
@Suite("workspace lookups and navigation")
struct WorkspaceLookupTests {
    /// 3,000 users (more than the memo has slots, so ids share slots and push one another out),
    /// an org tree three deep, ids that differ only in their bytes' encoding.
    static let workspace: String = {
        var text = """
            workspace: w
            billing: {mode: single, accounts: [{id: main, currency: EUR, owner: finance}]}
            orgs:
              - {id: root}
              - {id: mid, parent: root}
              - {id: leaf, parent: mid}
              - {id: "caf\u{E9}", parent: root}
            users:

            """
        for index in 0..<3_000 { text += "  - {id: u\(index), email: u\(index)@x.example, org: \(["root", "mid", "leaf"][index % 3]), status: active}\n" }
        return text
    }()

    static func values(_ expressions: [String], graph: WorkspaceGraph) -> [String] {
        var run = ExpressionRun()
        run.workspace = graph
        return expressions.map { expression in
            switch run.run(expression) {
            case .value(let value): return Self.text(value.value)
            case .invalid(let diagnostics): return "invalid: \(diagnostics.map(\.message))"
            case .failed(let diagnostic): return "failed: \(diagnostic.message)"
            }
        }
    }

    /// Strings bare, lists joined with ",", other values as Swift prints them.
    static func text(_ value: CELValue) -> String {
        switch value {
        case .string(let text): return text
        case .bool(let flag): return "\(flag)"
        case .int(let number): return "\(number)"
        case .list(let items): return items.map(text).joined(separator: ",")
        default: return "\(value)"
        }
    }

    @Test("every id is found, and only ids written with exactly its bytes, however often ids are looked up again")
    func lookups() throws {
        let graph = WorkspaceGraph(try #require(loadWorkspace(Self.workspace)))
        // Twice over, in two orders: the second pass reads from the memo where the first filled it.
        let ids = (0..<3_000).map { "u\($0)" } + ["nobody", "u3000", "U1"]
        let all = ids + ids.reversed()
        // 500 ids an expression: compiling one expression per id would take seconds.
        let expressions = stride(from: 0, to: all.count, by: 500).map { start in
            let list = all[start..<min(start + 500, all.count)].map { "\"\($0)\"" }.joined(separator: ", ")
            return #"[\#(list)].map(i, workspace.user(i) == null ? "none" : workspace.user(i).org.id)"#
        }
        let found = Self.values(expressions, graph: graph).flatMap { $0.split(separator: ",").map(String.init) }
        let expected = all.map { id -> String in
            guard id.hasPrefix("u"), let number = Int(id.dropFirst()), number < 3_000 else { return "none" }
            return ["root", "mid", "leaf"][number % 3]
        }
        // Compared by count of differences: printing two lists of 6,000 on failure helps no one.
        let wrong = zip(found, expected).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(found.count == expected.count)
        #expect(wrong.isEmpty, "\(wrong.count) wrong, the first: \(wrong.prefix(3).map { "\(all[$0.offset]) → \($0.element.0)" })")
        // "café" written precomposed; the decomposed spelling is another id.
        #expect(Self.values([#"workspace.org("caf\u00e9") != null"#, #"workspace.org("cafe\u0301") != null"#], graph: graph) == ["true", "false"])
    }

    @Test("an org's ancestors, children and users read twice are the same lists")
    func navigation() throws {
        let graph = WorkspaceGraph(try #require(loadWorkspace(Self.workspace)))
        let expressions = [
            #"workspace.org("leaf").ancestors.map(o, o.id)"#, #"workspace.org("root").children.map(o, o.id)"#,
            #"workspace.org("leaf").users.size()"#,
        ]
        let first = Self.values(expressions, graph: graph)
        #expect(first == ["mid,root", "mid,café", "1000"])
        #expect(Self.values(expressions, graph: graph) == first)
    }

    @Test("a graph whose orgs' lists were read is freed with its objects")
    func freed() throws {
        weak var freedGraph: WorkspaceGraph?
        weak var freedOrg: AnyObject?
        do {
            let graph = WorkspaceGraph(try #require(loadWorkspace(Self.workspace)))
            freedGraph = graph
            _ = Self.values([#"workspace.org("leaf").ancestors.size()"#, #"workspace.org("root").children.size()"#], graph: graph)
            var run = ExpressionRun()
            run.workspace = graph
            guard case .value(let value) = run.run(#"workspace.org("mid")"#), case .object(let org) = value.value else {
                Issue.record("no org")
                return
            }
            freedOrg = org
        }
        #expect(freedGraph == nil)
        #expect(freedOrg == nil, "an org that is both a parent and a child was kept alive by the lists")
    }
}
