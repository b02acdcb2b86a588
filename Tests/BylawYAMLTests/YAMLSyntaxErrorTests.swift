import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLSyntaxErrorTests {
    @Test(arguments: [
        ("a: 1\nb:\n\tc: 2\n", "3:1"),
        ("items:\n\t- x\n", "2:1"),
        ("a: 1\n  \tb: 2\n", "2:3"),
        ("é: 日本\n\tb: 2\n", "2:1"),
    ])
    func tabIndentationIsAClearError(_ text: String, _ expected: String) {
        let (_, result) = load(text)
        #expect(result.diagnostics.map(\.code) == [.yamlTabIndent])
        #expect(result.diagnostics.first?.message == "tabs are not allowed for indentation; use spaces")
        #expect(position(result.diagnostics.first) == expected)
    }

    @Test func syntaxErrorIsAtTheRightPlaceOnAMultiByteLine() throws {
        let (_, result) = load("名前: \"日本 é\nnext: 1\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(position(diagnostic) == "3:1")
        #expect(diagnostic.notes.first.map { position($0.span?.range.start ?? 0, in: $0.span?.file ?? SourceFile(path: "", text: "")) } == "1:5")
    }

    @Test func badIndentationIsReworded() throws {
        let (_, result) = load("rules:\n  - id: x\n    on: usage\n   bad: 1\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlIndentation)
        #expect(position(diagnostic) == "4:4")
        #expect(diagnostic.message == "wrong indentation: 'bad:' is indented 1 space less than 'on:' on line 3")
    }

    @Test func colonInPlainValueIsExplained() throws {
        let (_, result) = load("title: a: b\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(position(diagnostic) == "1:9")
        #expect(diagnostic.hint?.contains("quote") == true)
    }

    @Test func documentsBeforeASyntaxErrorAreKept() {
        let (_, result) = load("a: 1\n---\nb: [1, 2\n")
        #expect(result.documents.count == 1)
        #expect(result.diagnostics.map(\.code) == [.yamlSyntax])
    }
}
