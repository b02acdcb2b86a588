import Testing
@testable import BylawYAML

/// libyaml's marks (character counts) to byte offsets, by the input check's table of
/// multi-byte runs and by the word-at-a-time walk, each against a plain walk.
@Suite struct YAMLMarkConverterTests {
    /// The runs table the input check builds for `bytes`.
    static func runs(_ bytes: [UInt8], bomLength: Int) -> YAMLMultibyteRuns {
        var runs = YAMLMultibyteRuns(byteCount: bytes.count)
        var index = bomLength
        while index < bytes.count {
            let byte = bytes[index]
            let width = byte < 0x80 ? 1 : byte < 0xE0 ? 2 : byte < 0xF0 ? 3 : 4
            if width > 1 { runs.record(width: width, atByte: index - bomLength) }
            index += width
        }
        return runs
    }

    /// Byte offset of every character start, and the end.
    static func naiveOffsets(_ bytes: [UInt8], bomLength: Int) -> [Int] {
        var offsets: [Int] = []
        for index in bomLength..<bytes.count where bytes[index] & 0xC0 != 0x80 { offsets.append(index) }
        return offsets + [bytes.count]
    }

    @Test(arguments: [0, 3], [false, true])
    func agreesWithAPlainWalk(bomLength: Int, usingRuns: Bool) {
        let pieces = ["a", "bc", "é", "日本", "😀", "key: value\n", "  - ", "Données", "x😀y", "12345678901234567"]
        var seed: UInt64 = 7
        func next() -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int(seed >> 33)
        }
        var text = ""
        for _ in 0..<400 { text += pieces[next() % pieces.count] }
        let bytes = (bomLength > 0 ? [0xEF, 0xBB, 0xBF] : []) + Array(text.utf8)
        let expected = Self.naiveOffsets(bytes, bomLength: bomLength)
        bytes.withUnsafeBufferPointer { buffer in
            let table = Self.runs(bytes, bomLength: bomLength)
            #expect(!table.gaveUp)
            #expect(table.runs.count > 10)
            var converter = MarkConverter(
                bytes: buffer, isASCII: false, bomLength: bomLength, multibyte: usingRuns ? table : nil)
            var index = 0
            for step in 0..<2_000 {
                // Mostly forward, by short and long strides, sometimes back a little.
                let stride = step % 7 == 0 ? -(next() % 5) : next() % (step % 3 == 0 ? 40 : 9)
                index = max(0, min(expected.count - 1, index + stride))
                let got = converter.offset(of: index)
                #expect(got == expected[index], "character \(index)")
                if got != expected[index] { return }
            }
            #expect(converter.offset(of: expected.count - 1) == bytes.count)
            #expect(converter.offset(of: 0) == bomLength)
        }
    }

    /// Runs merge consecutive characters of one width and keep the extra bytes before them.
    @Test func runsMergeCharactersOfOneWidth() {
        let bytes = Array("aéé日本😀b日".utf8)
        let table = Self.runs(bytes, bomLength: 0)
        let shape = table.runs.map { [$0.start, $0.count, $0.extraPerCharacter, $0.extraBefore] }
        #expect(shape == [[1, 2, 1, 0], [3, 2, 2, 2], [5, 1, 3, 6], [7, 1, 2, 9]])
        #expect(table.extraBytes == 11)
    }

    /// Text that alternates ASCII and multi-byte characters throughout would make a table larger
    /// than its file: the table is dropped, and the walk still converts every mark.
    @Test func aTableTooLargeIsGivenUp() {
        let bytes = Array(String(repeating: "aé", count: 20_000).utf8)
        let table = Self.runs(bytes, bomLength: 0)
        #expect(table.gaveUp)
        #expect(table.runs.isEmpty)
        let expected = Self.naiveOffsets(bytes, bomLength: 0)
        bytes.withUnsafeBufferPointer { buffer in
            var converter = MarkConverter(bytes: buffer, isASCII: false, bomLength: 0, multibyte: table)
            for index in stride(from: 0, to: expected.count, by: 7) {
                #expect(converter.offset(of: index) == expected[index])
            }
        }
    }
}
