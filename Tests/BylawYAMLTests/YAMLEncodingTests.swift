import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLEncodingTests {
    @Test func invalidUTF8IsReportedAtTheExactByte() throws {
        let bytes = Array("name: ok\nnote: é日本 ".utf8) + [0xC3, 0x28] + Array(" end\n".utf8)
        let (file, result) = load(bytes: bytes)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .yamlInvalidUTF8)
        #expect(position(diagnostic) == "2:11")
        #expect(diagnostic.span?.range.start == bytes.lastIndex(of: 0xC3))
        #expect(file.bytes[diagnostic.span?.range.start ?? 0] == 0xC3)
    }

    @Test(arguments: [
        [0xFF] as [UInt8], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
        [0xE6, 0x97], [0x80],
    ])
    func malformedSequencesAreRefused(_ sequence: [UInt8]) {
        let (_, result) = load(bytes: Array("a: ".utf8) + sequence + Array("\n".utf8))
        #expect(result.diagnostics.map(\.code) == [.yamlInvalidUTF8])
        #expect(position(result.diagnostics.first) == "1:4")
    }

    @Test(arguments: [
        ([0xFF, 0xFE, 0x61, 0x00] as [UInt8], "UTF-16LE"), ([0xFE, 0xFF, 0x00, 0x61], "UTF-16BE"),
        ([0x61, 0x00, 0x3A, 0x00], "UTF-16LE"), ([0x00, 0x61, 0x00, 0x3A], "UTF-16BE"),
        ([0x00, 0x00, 0xFE, 0xFF], "UTF-32BE"), ([0xFF, 0xFE, 0x00, 0x00], "UTF-32LE"),
    ])
    func wideEncodingsAreRefusedClearly(_ bytes: [UInt8], _ name: String) {
        let (_, result) = load(bytes: bytes)
        #expect(result.diagnostics.map(\.code) == [.yamlUnsupportedEncoding])
        #expect(result.diagnostics.first?.message.contains(name) == true)
    }

    @Test(arguments: [(0x00 as UInt8, "NUL"), (0x07, "U+0007"), (0x1B, "U+001B"), (0x7F, "U+007F")])
    func controlCharactersAreRefused(_ byte: UInt8, _ name: String) {
        let (_, result) = load(bytes: Array("a: 1\nb: x".utf8) + [byte] + Array("y\n".utf8))
        #expect(result.diagnostics.map(\.code) == [.yamlControlCharacter])
        #expect(result.diagnostics.first?.message.contains(name) == true)
        #expect(position(result.diagnostics.first) == "2:5")
    }

    /// The check reads eight ASCII bytes at a time: a bad byte must be found at every offset
    /// inside such a word, and near the end where fewer than eight bytes remain.
    @Test(arguments: [0x01 as UInt8, 0x1F, 0x7F, 0x80, 0xFF])
    func badBytesAreFoundAtEveryOffsetOfALongLine(_ byte: UInt8) {
        for offset in 0..<20 {
            let prefix = Array("key: abcdefghijklmnopqrstu".utf8)
            var bytes = prefix + Array("vwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ\n".utf8)
            bytes[prefix.count + offset] = byte
            let (_, result) = load(bytes: bytes)
            #expect(result.diagnostics.first?.span?.range.start == prefix.count + offset, "byte \(byte) at \(offset)")
        }
    }

    @Test func tabsOutsideIndentationAreFine() {
        let (_, result) = load("a:\tvalue\nb: \"x\ty\"\nc: |\n  x\n  \tindented tab in content\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?["b"]?.scalar?.text == "x\ty")
    }
}
