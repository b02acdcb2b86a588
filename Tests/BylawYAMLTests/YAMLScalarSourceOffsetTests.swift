import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLScalarSourceOffsetTests {
    /// Loads `source`, takes the value of key `v`, and returns the source text at the offset the
    /// scalar maps `needle`'s first text offset to.
    private func sourceAt(_ source: String, needle: String) throws -> (String, YAMLScalar, SourceFile) {
        let (file, result) = load(source)
        #expect(result.diagnostics.isEmpty)
        let scalar = try #require(result.documents.first?["v"]?.scalar)
        let textRange = try #require(scalar.text.range(of: needle))
        let utf8Offset = scalar.text.utf8.distance(from: scalar.text.startIndex, to: textRange.lowerBound)
        let offset = scalar.sourceOffset(ofTextOffset: utf8Offset, in: file)
        let rest = String(decoding: file.bytes[offset...], as: UTF8.self)
        return (rest, scalar, file)
    }

    @Test(arguments: [
        // (source, needle in the text, what the source must continue with there)
        ("v: é日本 + event.x\n", "event", "event.x"),
        ("v: first line\n  second é line\n\n  after 日本 gap\n", "after", "after 日本"),
        ("v: 'it''s é 🎉 event.x'\n", "event", "event.x"),
        ("v: 'one\n  two é\n\n  three'\n", "three", "three'"),
        ("v: \"tab\\t é\\u00e9 \\x41 \\U0001F389 event\"\n", "event", "event\""),
        ("v: \"a \\\"q\\\" \\\\ b\"\n", "b", "b\""),
        ("v: \"line one \\\n    continued é x\"\n", "x", "x\""),
        ("v: \"fold\n   here\n\n   para x\"\n", "x", "x\""),
        ("v: |\n  first é\n    indented 日本\n\n  last x\n", "x", "x\n"),
        ("v: |-\n  strip é x\n\n", "x", "x\n"),
        ("v: |+\n  keep\n\n", "keep", "keep\n"),
        ("v: >\n  folded é\n  joined x\n", "x", "x\n"),
        ("v: >\n  para one\n\n  para two\n    more-indented y\n  back z\n", "z", "z\n"),
        ("list:\n  - a\nv: |2\n    two extra x\n", "a x", "a x\n"),
        ("v:\r\n  crlf é\r\n  folded x\r\n", "x", "x\r\n"),
        ("v: |\r\n  crlf 日本\r\n  block x\r\n", "x", "x\r\n"),
    ])
    func mapsIntoEveryStyle(_ source: String, _ needle: String, _ expected: String) throws {
        let (rest, scalar, file) = try sourceAt(source, needle: needle)
        #expect(rest.hasPrefix(expected), "\(source.debugDescription): \(rest.debugDescription)")
        #expect(rebuiltText(scalar, in: file) == scalar.text)
    }

    @Test func everyTextByteOfAMultiByteScalarMapsToItsSourceByte() throws {
        let (file, result) = load("v: \"é日本👩‍👩‍👧\"\n")
        let scalar = try #require(result.documents.first?["v"]?.scalar)
        let offsets = scalar.sourceOffsets(in: file)
        #expect(offsets.count == scalar.text.utf8.count + 1)
        #expect(offsets == Array(4...(4 + scalar.text.utf8.count)))
        #expect(file.bytes[offsets[offsets.count - 1]] == UInt8(ascii: "\""))
    }

    @Test func foldedBreakMapsToTheLineBreak() throws {
        let (file, result) = load("v: ab\n  cd\n")
        let scalar = try #require(result.documents.first?["v"]?.scalar)
        #expect(scalar.text == "ab cd")
        #expect(scalar.sourceOffset(ofTextOffset: 2, in: file) == 5)
        #expect(file.bytes[scalar.sourceOffset(ofTextOffset: 3, in: file)] == UInt8(ascii: "c"))
        #expect(scalar.sourceOffset(ofTextOffset: 99, in: file) == 10)
    }

    @Test func textRangeMapsToASourceRange() throws {
        let (file, result) = load("v: 'x == ''é'' && y'\n")
        let scalar = try #require(result.documents.first?["v"]?.scalar)
        #expect(scalar.text == "x == 'é' && y")
        // `'é'` in the text is bytes 5..<9.
        #expect(file.text(of: scalar.sourceRange(ofTextRange: 5..<9, in: file)) == "''é''")
    }

    @Test func aliasedScalarsMapToTheAnchoredText() throws {
        let (file, result) = load("a: &e \"é x\"\nv: *e\n")
        let scalar = try #require(result.documents.first?["v"]?.scalar)
        #expect(position(scalar.sourceOffset(ofTextOffset: 3, in: file), in: file) == "1:10")
    }

    /// Every scalar of a mixed document rebuilds exactly from its source.
    @Test func everyScalarOfAMixedDocumentRebuilds() throws {
        let source = """
        plain: multi
          line  plain é
        'single key': 'it''s
          folded'
        "double": "esc \\" \\\\ \\/ \\N\\_\\L\\P \\0 \\e x\\
          y"
        lit: |+
          keep é

        fold: >2-
            indented
           less
        seq: [a b, 'c', "d\\te", {k: v}]
        ? complex
        : value
        empty: ""
        tagged: !!str 12
        """
        let (file, result) = load(source + "\n")
        #expect(result.diagnostics.isEmpty)
        let root = try #require(result.documents.first)
        for node in allScalars(root) {
            let scalar = try #require(node.scalar)
            #expect(rebuiltText(scalar, in: file) == scalar.text, "\(scalar.text.debugDescription)")
        }
    }
}
