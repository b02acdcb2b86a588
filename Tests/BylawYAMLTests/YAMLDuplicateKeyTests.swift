import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLDuplicateKeyTests {
    @Test func duplicateIsReportedAtTheDuplicateWithANoteAtTheFirst() throws {
        let (file, result) = load("rules:\n  - id: é日本\n    on: usage\n    id: other\n")
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlDuplicateKey)
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
        #expect(result.diagnostics.map(\.code) == Array(repeating: DiagnosticCode.yamlDuplicateKey, count: 4))
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

    /// Keys are compared by their bytes, as lookups find them: `é` composed and decomposed are
    /// two keys (Swift's `==` on strings would take them as one), in a small mapping as in a
    /// large, indexed one.
    @Test(arguments: [0, 40])
    func keysOfOtherBytesAreDistinctAtAnySize(padding: Int) {
        var text = ""
        for index in 0..<padding { text += "pad\(index): \(index)\n" }
        text += "caf\u{E9}: composed\ncafe\u{301}: decomposed\nK: ascii\n\u{212A}: kelvin\n"
        let (_, result) = load(text)
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?["cafe\u{301}"]?.scalarText == "decomposed")
        #expect(result.documents.first?["\u{212A}"]?.scalarText == "kelvin")
    }

    /// Random keys from a pool of look-alikes (texts and values that compare equal or nearly):
    /// a mapping past the linear-scan limit, checked through its index, reports the same
    /// duplicates as a small one scanned key by key, each with the same first definition.
    @Test func theIndexAgreesWithTheLinearScan() {
        let pool = ["1", "0x1", "\"1\"", "'1'", "0o1", "01", "+1", "1.0", "1.00", "1.", "~", "null", "Null", "\"\"", "''",
                    "true", "True", "'true'", "-0.0", "0.0", ".nan", ".NaN", "caf\u{E9}", "cafe\u{301}", "\"caf\\u00e9\"",
                    "K", "\u{212A}", "abcdefgh", "\"abcdefgh\"", "abcdefghi", "ab", "\"a\\x62\"", "!!str 1", "!!int '1'", "[k]"]
        var seed: UInt64 = 0xD0B1E
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        /// Lines (1-based, among `keys`) of the keys reported as duplicates, and the lines of the
        /// first definitions their notes name.
        func duplicates(_ keys: [String], padding: Int) -> [String] {
            var text = ""
            for index in 0..<padding { text += "pad\(index): \(index)\n" }
            for key in keys { text += "\(key): v\n" }
            let (file, result) = load(text)
            return result.diagnostics.map { diagnostic in
                let line = (diagnostic.location?.line ?? 0) - padding
                let first = (diagnostic.notes.first?.span.map { file.location(ofByte: $0.range.start).line } ?? 0) - padding
                return "\(diagnostic.code) \(line) first \(first)"
            }
        }
        for _ in 0..<200 {
            let keys = (0..<(2 + next(28))).map { _ in pool[next(pool.count)] }
            let scanned = duplicates(keys, padding: 0)
            #expect(duplicates(keys, padding: 40) == scanned, "\(keys)")
            #expect(scanned.allSatisfy { $0.hasPrefix("yaml.duplicate-key") }, "\(keys)")
        }
    }

    /// `0x1` then `'1'` then `1`: the last repeats both, by value and by text; its note names the
    /// first of them, in a large mapping as in a small one.
    @Test(arguments: [0, 40])
    func theNoteNamesTheEarliestOfTwoEarlierKeys(padding: Int) throws {
        var text = ""
        for index in 0..<padding { text += "pad\(index): \(index)\n" }
        text += "0x1: a\n'1': b\n1: c\n"
        let (file, result) = load(text)
        let note = try #require(result.diagnostics.first?.notes.first?.span)
        #expect(position(note.range.start, in: file) == "\(padding + 1):1")
    }

    @Test func mergeKeyIsAnOrdinaryKey() {
        let (_, result) = load("base: &b {x: 1}\nuse:\n  <<: *b\n  <<: *b\n")
        #expect(result.diagnostics.map(\.code) == [.yamlDuplicateKey])
        #expect(result.documents.first?["use"]?["<<"]?["x"]?.scalar?.value == .int(1))
        #expect(result.documents.first?["use"]?["x"] == nil)
    }
}
