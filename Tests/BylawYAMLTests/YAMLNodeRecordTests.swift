import BylawSource
import Testing
@testable import BylawYAML

/// The compact node record: what it derives (content starts) and what waits in the extras
/// (block scalars' content start and indentation, tags past 16 bits) survives aliases and
/// hand-built trees.
@Suite struct YAMLNodeRecordTests {
    @Test func recordStaysSmall() {
        #expect(MemoryLayout<YAMLNodeRecord>.stride <= 28)
    }

    @Test func packedFieldsRoundTrip() {
        var record = YAMLNodeRecord(kind: .sequence, start: 1, end: 2, first: 3, count: 4, shortTag: 5)
        for style in [YAMLScalarStyle.plain, .singleQuoted, .doubleQuoted, .literal, .folded] {
            record.style = style
            record.valueKind = .float
            record.kind = .scalar
            record.valueBits = 0x0123_4567_89AB_CDEF
            record.textInSource = true
            record.hasExtra = false
            #expect(record.style == style && record.valueKind == .float && record.kind == .scalar)
            #expect(record.valueBits == 0x0123_4567_89AB_CDEF && record.textInSource && !record.hasExtra)
        }
    }

    @Test func contentStartsOfEveryStyle() throws {
        let text = "a: plain\nb: 'it''s'\nc: \"q\\n\"\nd: |2  # header comment\n    kept\ne: >\n  folded\n  text\nf: ''\n"
        let (file, result) = load(text)
        let root = try #require(result.documents.first)
        func start(_ key: String) -> Int? { root[key]?.scalar?.contentStart }
        let bytes = file.bytes
        func offset(of needle: String) -> Int? {
            let wanted = Array(needle.utf8)
            return (0...(bytes.count - wanted.count)).first { Array(bytes[$0..<($0 + wanted.count)]) == wanted }
        }
        #expect(start("a") == offset(of: "plain"))
        #expect(start("b") == offset(of: "it''s"))
        #expect(start("c") == offset(of: "q\\n"))
        #expect(start("d") == offset(of: "    kept"))
        #expect(root["d"]?.scalar?.blockIndentation == 2)
        #expect(root["d"]?.scalarText == "  kept\n")
        #expect(start("e") == offset(of: "  folded"))
        #expect(root["e"]?.scalar?.blockIndentation == 2)
        #expect(start("f") == offset(of: "''\n").map { $0 + 1 })
        #expect(root["a"]?.scalar?.blockIndentation == nil)
    }

    @Test func aliasOfBlockScalarKeepsItsExtras() throws {
        let (_, result) = load("a: &x |\n   three\nb: *x\n")
        let root = try #require(result.documents.first)
        let original = try #require(root["a"]?.scalar)
        let alias = try #require(root["b"]?.scalar)
        #expect(alias.text == "three\n" && alias.blockIndentation == 3)
        #expect(alias.contentStart == original.contentStart)
        #expect(root["b"]?.range != root["a"]?.range)
    }

    @Test func tagsPastSixteenBitsAreKept() throws {
        let count = Int(UInt16.max) + 10
        var text = ""
        text.reserveCapacity(count * 12)
        for index in 0..<count { text += "- !t\(index) v\n" }
        let (_, result) = load(text)
        #expect(result.diagnostics.isEmpty)
        let items = try #require(result.documents.first?.items)
        let all = Array(items)
        #expect(all.count == count)
        #expect(all.first?.tag == "!t0")
        #expect(all[count - 2].tag == "!t\(count - 2)")
        #expect(all.last?.tag == "!t\(count - 1)")
        #expect(all.last?.scalarText == "v")
        // A hand-built tree adopting the nodes keeps their tags and extras.
        let built = YAMLNode(kind: .sequence([all[count - 1], all[0]]), range: SourceRange(start: 0, end: 1), tag: "!outer")
        #expect(built.tag == "!outer")
        #expect(built.sequence?.map { $0.tag ?? "" } == ["!t\(count - 1)", "!t0"])
    }

    @Test func handBuiltBlockScalarKeepsIndentation() {
        let scalar = YAMLScalar(text: "x\n", style: .literal, value: .string("x\n"), contentStart: 70_000, blockIndentation: 4)
        let node = YAMLNode(kind: .scalar(scalar), range: SourceRange(start: 3, end: 9))
        let copy = YAMLNode(kind: .sequence([node]), range: SourceRange(start: 0, end: 10)).sequence?.first?.scalar
        #expect(node.scalar?.contentStart == 70_000 && node.scalar?.blockIndentation == 4)
        #expect(copy?.contentStart == 70_000 && copy?.blockIndentation == 4 && copy?.text == "x\n")
    }
}
