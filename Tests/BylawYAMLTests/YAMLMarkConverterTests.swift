import Testing
@testable import BylawYAML

/// libyaml's marks (character counts) to byte offsets, word at a time, against a plain walk.
@Suite struct YAMLMarkConverterTests {
    /// Byte offset of every character start, and the end.
    static func naiveOffsets(_ bytes: [UInt8], bomLength: Int) -> [Int] {
        var offsets: [Int] = []
        for index in bomLength..<bytes.count where bytes[index] & 0xC0 != 0x80 { offsets.append(index) }
        return offsets + [bytes.count]
    }

    @Test(arguments: [0, 3])
    func agreesWithAPlainWalk(bomLength: Int) {
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
            var converter = MarkConverter(bytes: buffer, isASCII: false, bomLength: bomLength)
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
}
