import BylawPolicy
import BylawSource
import CEL
import Testing

/// A compiled condition laid out as written: the combinators over the balanced tree the
/// compiler built, each leaf with what it reads, macros expanded where they are written.
@Suite struct ConditionOutlineTests {
    /// The first rule of the source, and its policy's macros.
    static func rule(_ source: MarkedSource) throws -> (rule: CompiledRule, macros: [String: CompiledMacro]) {
        let (set, diagnostics) = compile(source)
        let policy = try #require(set?.policies.first, "\(diagnostics.map(\.message))")
        return (try #require(policy.rules.first), policy.macros)
    }

    @Test func theCombinatorsAreTheYAMLsWhateverTheTreesShape() throws {
        let source = MarkedSource("""
            policy: p
            macros:
              big: event.tokens.input > 1000
            rules:
              - id: r
                on: usage
                forbid:
                  1️⃣all:
                    - event.kind == "upload"
                    - 2️⃣any:
                        - event.app == "a"
                        - event.app == "b"
                        - 3️⃣not: event.app == "c"
                    - big
                    - has(event.artifact.classification)
                    - event.user in ["x", "y"]
            """)
        let (rule, macros) = try Self.rule(source)
        let outline = rule.condition.outline(macros: macros)
        #expect(outline.kind == .all)
        #expect(outline.span.start.line == source.location("1️⃣")?.line)
        #expect(outline.children.map(\.kind) == [.leaf, .any, .macro("big"), .leaf, .leaf])
        let any = outline.children[1]
        #expect(any.span.start.line == source.location("2️⃣")?.line)
        #expect(any.children.map(\.text) == [#"event.app == "a""#, #"event.app == "b""#, "not"])
        #expect(any.children[2].children.map(\.text) == [#"event.app == "c""#])
        #expect(any.children[2].span.start.column == source.location("3️⃣")?.column)
        // The macro's own condition, from its own line.
        #expect(outline.children[2].children.map(\.text) == ["event.tokens.input > 1000"])
        #expect(outline.children[2].children.first?.span.start.line == 3)
        #expect(outline.children[2].children.first?.reads.map(\.text) == ["event.tokens.input"])
        // `has(x.f)` reads `x.f`; a list literal is not a read.
        #expect(outline.children[3].reads.map(\.text) == ["event.artifact.classification"])
        #expect(outline.children[4].reads.map(\.text) == ["event.user"])
        #expect(outline.omitted == 0)
    }

    @Test func navigationsAndTheirArgumentsAreReadsAndLocalsAreNot() throws {
        let source = MarkedSource("""
            policy: p
            lists:
              vips: [alice]
            rules:
              - id: r
                on: usage
                forbid: workspace.user(event.user).status == "offboarded" && workspace.users.exists(u, u.id in vips)
            """)
        let (rule, macros) = try Self.rule(source)
        let outline = rule.condition.outline(macros: macros)
        #expect(outline.kind == .leaf)
        #expect(outline.reads.map(\.text) == ["workspace.user(event.user).status", "event.user", "workspace.users", "vips"])
    }

    @Test func aWideConditionIsCutAtTheLimitAndSaysHowMuch() throws {
        let leaves = (0..<600).map { "  - \"event.app != 'app-\($0)'\"" }.joined(separator: "\n")
        let source = MarkedSource.rule(forbid: "all:\n" + leaves)
        let (rule, macros) = try Self.rule(source)
        let outline = rule.condition.outline(macros: macros, limit: 50)
        #expect(outline.children.count < 50)
        #expect(outline.children.count + outline.omitted == 600)
        #expect(outline.children.last?.text == "event.app != 'app-\(outline.children.count - 1)'")
        let whole = rule.condition.outline(macros: macros, limit: 10_000)
        #expect(whole.children.count == 600 && whole.omitted == 0)
    }
}
