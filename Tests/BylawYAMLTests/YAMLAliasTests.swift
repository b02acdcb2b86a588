import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLAliasTests {
    @Test func aliasesExpandAndPointAtTheAlias() throws {
        let (file, result) = load("defaults: &d\n  kind: company\n  owner: é\napp:\n  settings: *d\n")
        #expect(result.diagnostics.isEmpty)
        let settings = try #require(result.documents.first?["app"]?["settings"])
        #expect(settings["owner"]?.scalar?.text == "é")
        #expect(file.text(of: settings.range) == "*d")
        // What the alias contains keeps the anchored node's ranges.
        #expect(position(settings["kind"]?.range.start ?? 0, in: file) == "2:9")
    }

    @Test func undefinedAliasIsAnErrorAtTheAlias() {
        let (_, result) = load("a: 1\nb: [x, *nope]\n")
        #expect(result.diagnostics.map(\.code) == [.yamlUndefinedAlias])
        #expect(position(result.diagnostics.first) == "2:8")
    }

    @Test func aliasToAnEnclosingNodeIsAnError() {
        let (_, result) = load("a: &loop\n  b: *loop\n")
        #expect(result.diagnostics.map(\.code) == [.yamlUndefinedAlias])
        #expect(result.diagnostics.first?.message.contains("contains it") == true)
    }

    @Test func anchorsAreScopedToTheirDocument() {
        let (_, result) = load("a: &x 1\n---\nb: *x\n")
        #expect(result.diagnostics.map(\.code) == [.yamlUndefinedAlias])
        #expect(position(result.diagnostics.first) == "3:4")
    }

    /// The "billion laughs": 9 levels of 9 aliases would make 9^9 nodes.
    static let aliasBomb: String = {
        var lines = ["a0: &a0 [lol]"]
        for level in 1...9 {
            let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
            lines.append("a\(level): &a\(level) [\(refs)]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func aliasBombFailsFastAtTheAliasThatCrossesTheBudget() throws {
        let (file, result) = load(Self.aliasBomb)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .yamlAliasBudget)
        let marked = file.text(of: try #require(diagnostic.span).range)
        #expect(marked.hasPrefix("*a"))
        #expect(diagnostic.location?.line == 5)
        #expect(result.documents.isEmpty)
    }

    @Test func reuseWithinTheBudgetIsAllowed() {
        var text = "base: &b {a: 1, b: 2, c: [1, 2, 3]}\nuses:\n"
        for _ in 0..<1_000 { text += "  - *b\n" }
        let (_, result) = load(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?["uses"]?.sequence?.count == 1_000)
    }
}
