import BylawSource
import Testing
@testable import BylawYAML

/// Indentation slips are named as such, and only where the lines show one: text in block
/// scalars, flow collections spanning lines and continued plain values are not structure.
@Suite struct YAMLIndentationTests {
    @Test("a slip is measured against the lines that are structure", arguments: [
        // After a block scalar, whose text is indented as it likes.
        ("rules:\n  - id: x\n    message: |\n      some text: with a colon\n   bad: 1\n", "5:4", "'bad:' is indented 1 space less than 'message:' on line 3"),
        // After a flow mapping that spans two lines.
        ("tests:\n  - name: t\n    event: {kind: upload,\n            user: alice}\n     expect: allow\n", "5:6",
         "'expect:' is indented 1 space more than 'event:' on line 3"),
        // After a plain value continued on a deeper line.
        ("rule:\n  forbid: a &&\n    b\n  on: usage\n   title: x\n", "5:4", "'title:' is indented 1 space more than 'on:' on line 4"),
        // A list item at the level of the mapping's keys.
        ("forbid:\n  all:\n    - a\n  - b\n", "4:3", "'- b' is indented 2 spaces less than '- a' on line 3"),
    ])
    func measured(_ text: String, _ expected: String, _ message: String) throws {
        let (_, result) = load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlIndentation, "\(diagnostic.message)")
        #expect(position(diagnostic) == expected)
        #expect(diagnostic.message == "wrong indentation: " + message)
    }

    @Test("a colon inside a continued value is not a key: libyaml's error stands", arguments: [
        "rule:\n  forbid: a &&\n    event.x == \"a: b\"\n",
        "title: a: b\n",
    ])
    func notIndentation(_ text: String) throws {
        let (_, result) = load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlSyntax)
        #expect(diagnostic.hint?.contains("quote") == true)
    }

    @Test("valid YAML with deep continuation lines and flow collections has no diagnostic")
    func validLayouts() {
        let (_, result) = load("a:\n  b: one\n    two\n  c: [1,\n   2]\n  d: |\n     text\n  e: 1\n")
        #expect(result.diagnostics.isEmpty)
    }
}
