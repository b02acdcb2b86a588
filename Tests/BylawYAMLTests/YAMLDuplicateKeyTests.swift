import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLDuplicateKeyTests {
    @Test func duplicateIsReportedAtTheDuplicateWithANoteAtTheFirst() throws {
        let (file, result) = load("rules:\n  - id: é日本\n    on: usage\n    id: other\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == "yaml.duplicate-key")
        #expect(position(diagnostic) == "4:5")
        #expect(diagnostic.notes.count == 1)
        #expect(diagnostic.notes.first?.span.map { position($0.range.start, in: file) } == "2:5")
        // The first value is kept, the duplicate pair dropped.
        let rule = try #require(result.documents.first?["rules"]?.sequence?.first)
        #expect(rule.mapping?.count == 2)
        #expect(rule["id"]?.scalar?.text == "é日本")
    }

    @Test func everyDuplicateOfAFileIsReported() {
        let (_, result) = load("a: 1\nb: 2\na: 3\nc: {x: 1, x: 2}\nb: 4\na: 5\n")
        #expect(result.diagnostics.map(\.code) == Array(repeating: "yaml.duplicate-key", count: 4))
        #expect(result.diagnostics.map(position) == ["3:1", "4:11", "5:1", "6:1"])
    }

    @Test func keysCompareByTextAndByResolvedValue() {
        let (_, result) = load("1: a\n\"1\": b\n0x1: c\n~: d\nnull: e\ntrue: f\n'true': g\nTrue: h\n")
        #expect(result.diagnostics.map(position) == ["2:1", "3:1", "5:1", "7:1", "8:1"])
    }

    @Test func distinctKeysAreNotDuplicates() {
        let (_, result) = load("a: 1\nA: 2\n'a ': 3\n1: x\n1.0: y\n")
        #expect(result.diagnostics.isEmpty)
    }

    @Test func largeMappingsAreCheckedThroughTheirIndex() throws {
        var text = ""
        for index in 0..<500 { text += "key\(index): \(index)\n" }
        text += "key7: again\nkey499: again\nkey500: new\n0x10: x\n16: y\n"
        let (_, result) = load(text)
        #expect(result.diagnostics.map(position) == ["501:1", "502:1", "505:1"])
        #expect(result.documents.first?.mapping?.count == 502)
        #expect(result.documents.first?["key7"]?.scalar?.value == .int(7))
    }

    /// Each open mapping keeps its own index: an inner large mapping neither hides nor
    /// inherits the outer one's keys.
    @Test func nestedLargeMappingsKeepTheirOwnIndexes() {
        var text = ""
        for index in 0..<40 { text += "outer\(index): \(index)\n" }
        text += "inner:\n"
        for index in 0..<40 { text += "  inner\(index): \(index)\n" }
        text += "  outer1: not a duplicate here\n  inner3: again\n"
        text += "outer2: again\ninner0: not a duplicate here\n"
        let (_, result) = load(text)
        #expect(result.diagnostics.map(position) == ["83:3", "84:1"])
        #expect(result.documents.first?["inner"]?.mapping?.count == 41)
        #expect(result.documents.first?.mapping?.count == 42)
    }

    @Test func mergeKeyIsAnOrdinaryKey() {
        let (_, result) = load("base: &b {x: 1}\nuse:\n  <<: *b\n  <<: *b\n")
        #expect(result.diagnostics.map(\.code) == ["yaml.duplicate-key"])
        #expect(result.documents.first?["use"]?["<<"]?["x"]?.scalar?.value == .int(1))
        #expect(result.documents.first?["use"]?["x"] == nil)
    }
}
