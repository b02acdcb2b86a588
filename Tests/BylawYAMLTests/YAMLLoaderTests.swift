import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLLoaderTests {
    @Test func composesMappingsSequencesAndScalarsWithRanges() throws {
        let (file, result) = load("name: Bylaw\nitems:\n  - one\n  - {a: 1, b: [x, y]}\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.documents.first)
        #expect(root["name"]?.scalar?.text == "Bylaw")
        let items = try #require(root["items"]?.sequence)
        #expect(items.count == 2)
        #expect(file.text(of: items[1].range) == "{a: 1, b: [x, y]}")
        #expect(file.text(of: root["items"]?.range ?? .at(0)) == "- one\n  - {a: 1, b: [x, y]}")
        #expect(position(items[1]["b"]?.range.start ?? 0, in: file) == "4:15")
    }

    @Test func positionsCountCharactersOnMultiByteLines() throws {
        let (file, result) = load("é: 日本\n日本語: [é, \"👩‍👩‍👧\", x]\nk: 🎉 ok\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.documents.first)
        let list = try #require(root["日本語"]?.sequence)
        #expect(position(list[0].range.start, in: file) == "2:7")
        #expect(position(list[1].range.start, in: file) == "2:10")
        #expect(position(list[2].range.start, in: file) == "2:15")
        #expect(file.text(of: list[1].range) == "\"👩‍👩‍👧\"")
        #expect(root["k"]?.scalar?.text == "🎉 ok")
        #expect(position(root["k"]?.range.start ?? 0, in: file) == "3:4")
    }

    @Test func allDocumentsOfAStreamAreReturned() {
        let (_, result) = load("a: 1\n---\nb: 2\n---\n- 3\n...\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.count == 3)
        #expect(result.documents[2].sequence?.first?.scalar?.value == .int(3))
    }

    @Test(arguments: ["", "# only a comment\n", "   \n\n", "\u{FEFF}"])
    func emptyFileIsAnError(_ text: String) {
        let (_, result) = load(text)
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.map(\.code) == [.yamlEmptyFile])
        #expect(position(result.diagnostics.first) == "1:1")
    }

    @Test func emptyFileIsAllowedWhenTheCallerSaysSo() {
        var limits = YAMLLimits.default
        limits.requireDocument = false
        let (_, result) = load("# nothing\n", limits: limits)
        #expect(result.documents.isEmpty)
        #expect(result.diagnostics.isEmpty)
    }

    @Test func byteOrderMarkIsSkippedAndPositionsStayRight() throws {
        let (file, result) = load(bytes: [0xEF, 0xBB, 0xBF] + Array("a: é\nb: [1, 2, 3]\n".utf8))
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.documents.first)
        #expect(root["a"]?.scalar?.text == "é")
        #expect(root.mapping?.first?.key.range.start == 3)
        #expect(position(root["a"]?.range.start ?? 0, in: file) == "1:4")
        #expect(position(root["b"]?.sequence?[2].range.start ?? 0, in: file) == "2:11")
    }

    @Test func crlfLineEndsKeepPositionsRight() throws {
        let (file, result) = load("a: 1\r\nb: é\r\nc:\r\n  - x\r\nd: dup\r\nd: 2\r\n")
        let root = try #require(result.documents.first)
        #expect(root["b"]?.scalar?.text == "é")
        #expect(position(root["c"]?.sequence?.first?.range.start ?? 0, in: file) == "4:5")
        #expect(result.diagnostics.map(\.code) == [.yamlDuplicateKey])
        #expect(position(result.diagnostics.first) == "6:1")
    }

    @Test func blockScalarRangeEndsAtItsLastCharacter() throws {
        let (file, result) = load("text: |\n  one\n  two\n\n\nnext: 1\n")
        let node = try #require(result.documents.first?["text"])
        #expect(file.text(of: node.range) == "|\n  one\n  two")
        #expect(node.scalar?.text == "one\ntwo\n")
        #expect(node.scalar?.contentStart == 8)
    }

    @Test func propertiesAreNotPartOfAScalarsRange() throws {
        let (file, result) = load("a: &x !!str 12\nb: !custom 'q'\n")
        let root = try #require(result.documents.first)
        #expect(file.text(of: root["a"]?.range ?? .at(0)) == "12")
        #expect(file.text(of: root["b"]?.range ?? .at(0)) == "'q'")
        #expect(root["b"]?.tag == "!custom")
    }
}
