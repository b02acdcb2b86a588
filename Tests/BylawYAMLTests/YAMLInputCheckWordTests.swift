import BylawSource
import Testing
@testable import BylawYAML

/// The input check reads eight bytes at a time; a control character is found at its exact
/// offset wherever it sits in a word, between line feeds (which the fast path accepts).
@Suite struct YAMLInputCheckWordTests {
    static let controls: [UInt8] = {
        var bytes: [UInt8] = [0x7F]
        for byte: UInt8 in 0..<0x20 where byte != 0x09 && byte != 0x0A && byte != 0x0D { bytes.append(byte) }
        return bytes
    }()

    @Test(arguments: controls)
    func controlCharacterFoundInEveryLane(byte: UInt8) {
        for lane in 0..<8 {
            var bytes = Array("a: b\nc: dddddddd\n\ne: ffffffffffff\n".utf8)
            let offset = 16 + lane
            bytes.insert(byte, at: offset)
            let (_, result) = load(bytes: bytes)
            let problem = result.diagnostics.first
            #expect(problem?.code == .yamlControlCharacter, "byte \(byte) at \(offset)")
            #expect(problem?.span?.range == SourceRange(start: offset, end: offset + 1), "byte \(byte) at \(offset)")
        }
    }

    @Test func lineFeedsAndPrintableTextPass() {
        let (_, result) = load("a: b\n\n\n\nccccccc: d\ne: \"~ \\u007E\"\n")
        #expect(result.diagnostics.isEmpty)
        #expect(result.documents.first?["e"]?.scalarText == "~ ~")
    }

    /// Control characters are left to libyaml while a file parses; a file that fails or stops
    /// for another reason still reports its first encoding problem, as the only diagnostic.
    @Test(arguments: [
        "a: [1, 2\nb: x\u{01}y\n",            // a syntax error before the control character
        "a: " + String(repeating: "[", count: 300) + "\u{7F}\n",  // nesting past the limit first
        "a: \u{1B}\nb: [\n",                   // the control character before a syntax error
    ])
    func controlCharacterWinsOverOtherErrors(text: String) {
        let (_, result) = load(text)
        #expect(result.diagnostics.map(\.code) == [.yamlControlCharacter])
        #expect(result.documents.isEmpty)
    }

    /// A cap on diagnostics that records none still lets the control character be found: the
    /// syntax error libyaml raises for it is dropped by the cap, but the parse still failed.
    @Test func controlCharacterFoundWhenTheCapDropsTheSyntaxError() {
        var limits = YAMLLimits.default
        limits.maxDiagnostics = 0
        let (_, result) = load("a: 1\n---\nb: x\u{01}y\n", limits: limits)
        #expect(result.diagnostics.map(\.code) == [.yamlControlCharacter])
        #expect(result.documents.isEmpty)
    }

    /// Invalid UTF-8 found before parsing is still reported after an earlier control character.
    @Test func theFirstProblemInFileOrderIsReported() {
        let bytes = Array("a: \u{02}\nb: ".utf8) + [0xFF] + Array("\n".utf8)
        let (_, result) = load(bytes: bytes)
        #expect(result.diagnostics.map(\.code) == [.yamlControlCharacter])
        #expect(result.diagnostics.first?.span?.range == SourceRange(start: 3, end: 4))
    }
}
