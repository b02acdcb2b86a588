import BylawSource
import Testing
@testable import BylawYAML

/// The arena-backed node: the non-allocating accessors agree with the compatibility API.
@Suite struct YAMLNodeAccessTests {
    static let text = """
        name: "Données \\u00e9"
        plain: hello world
        folded: a
          b
        count: 12
        empty:
        list: [x, 'y', "z"]
        block: |
          line one
          line two
        """

    @Test func pairsAndItemsReadInPlace() throws {
        let (_, result) = load(Self.text)
        let root = try #require(result.documents.first)
        #expect(root.isMapping && !root.isSequence && !root.isScalar)
        let pairs = try #require(root.pairs)
        #expect(pairs.count == 7 && root.childCount == 7)
        #expect(pairs.map { $0.key.scalarText ?? "" } == ["name", "plain", "folded", "count", "empty", "list", "block"])
        let list = try #require(root["list"]?.items)
        #expect(list.map { $0.scalarText ?? "" } == ["x", "y", "z"])
        #expect(root["list"]?.sequence?.count == 3)
        #expect(root.mapping?.count == 7)
    }

    @Test func scalarTextsMatchTheirYAMLScalar() throws {
        let (_, result) = load(Self.text)
        let root = try #require(result.documents.first)
        // Verbatim (points into the source), escaped, folded and block texts.
        #expect(root["plain"]?.scalarText == "hello world")
        #expect(root["name"]?.scalarText == "Données é")
        #expect(root["folded"]?.scalarText == "a b")
        #expect(root["block"]?.scalarText == "line one\nline two")
        for pair in try #require(root.pairs) {
            if let scalar = pair.value.scalar {
                #expect(pair.value.scalarText == scalar.text)
                #expect(pair.value.scalarValue == scalar.value)
            }
        }
        #expect(root["name"]?.scalarText(equals: "Données é") == true)
        #expect(root["name"]?.scalarText(equals: "Données") == false)
        #expect(root["count"]?.scalarValue == .int(12))
        #expect(root["empty"]?.isNull == true)
        #expect(root["plain"]?.isNull == false)
        #expect(root["list"]?.scalarText == nil)
    }

    @Test func aliasesShareTheAnchoredChildren() throws {
        let (file, result) = load("base: &b {k: v, n: 1}\nuse: *b\n")
        let root = try #require(result.documents.first)
        let use = try #require(root["use"])
        #expect(file.text(of: use.range) == "*b")
        #expect(use.pairs?.map { $0.key.scalarText ?? "" } == ["k", "n"])
        #expect(use["k"]?.range == root["base"]?["k"]?.range)
    }

    @Test func handBuiltNodesCopyTheirChildren() throws {
        let (_, result) = load("a: [1, two]\nb: !custom x\n")
        let root = try #require(result.documents.first)
        let a = try #require(root.pair("a"))
        let b = try #require(root.pair("b"))
        let scalar = YAMLScalar(text: "k", style: .plain, value: .string("k"), contentStart: 0)
        let key = YAMLNode(kind: .scalar(scalar), range: SourceRange(start: 0, end: 1))
        let built = YAMLNode(
            kind: .mapping([YAMLPair(key: key, value: a.value), b]), range: SourceRange(start: 0, end: 5), tag: "!t")
        #expect(built.tag == "!t")
        #expect(built.pairs?.map { $0.key.scalarText ?? "" } == ["k", "b"])
        #expect(built["k"]?.items?.map { $0.scalarValue } == [.int(1), .string("two")])
        #expect(built["b"]?.tag == "!custom")
        #expect(built["k"]?.range == a.value.range)
    }
}
