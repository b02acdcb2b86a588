import Testing
@testable import BylawSource

@Suite("SourceFile positions")
struct SourceFileTests {
    @Test("line and column of ASCII text")
    func asciiPositions() {
        let file = SourceFile(path: "a.yaml", text: "policy: x\nrules:\n  - id: r\n")
        let location = file.location(ofByte: 14)  // "rules:" starts at 10, so byte 14 is 's'
        #expect(location.line == 2)
        #expect(location.column == 5)
        #expect(file.location(ofByte: 0) == SourceLocation(line: 1, column: 1, offset: 0))
    }

    @Test("columns count characters, not bytes, on lines with multi-byte text")
    func multiByteColumns() {
        // "é" is 2 bytes, "日本" 6 bytes, the family emoji 18 bytes but one character.
        let text = "title: é日本👩‍👩‍👧 x\n"
        let file = SourceFile(path: "m.yaml", text: text)
        let xOffset = Array(text.utf8).firstIndex(of: UInt8(ascii: "x")) ?? -1
        let location = file.location(ofByte: xOffset)
        #expect(location.line == 1)
        #expect(location.column == 13)  // "title: " (7) + é + 日 + 本 + family (4) + space = 12 before x
        #expect(location.scalarColumn == 17)  // the family emoji is 5 scalars (3 people + 2 joiners)
    }

    @Test("CRLF and lone CR end lines")
    func lineEndings() {
        let file = SourceFile(path: "c.yaml", text: "a: 1\r\nb: 2\rc: 3\n")
        #expect(file.lineCount == 4)
        #expect(file.lineText(0) == "a: 1")
        #expect(file.lineText(1) == "b: 2")
        #expect(file.location(ofByte: 11).line == 3)
        #expect(file.lineText(2) == "c: 3")
    }

    @Test("lines are found alike with and without carriage returns, in both line-break modes")
    func lineStartsByMode() {
        let plain = SourceFile(path: "p.yaml", text: "a\n\nbc\nd")
        #expect(plain.lineCount == 4)
        #expect((0..<4).map { plain.lineText($0) } == ["a", "", "bc", "d"])
        #expect(plain.location(ofByte: 4).line == 3)
        let stream = SourceFile(path: "s.ndjson", bytes: Array("{}\r{}\r\n{}\n".utf8), lineBreaks: .newline)
        #expect(stream.lineCount == 3)
        #expect(stream.location(ofByte: 3).line == 1)
        #expect(stream.location(ofByte: 7).line == 2)
        let yaml = SourceFile(path: "y.yaml", bytes: Array("{}\r{}\r\n{}\n".utf8))
        #expect(yaml.lineCount == 4)
        #expect(yaml.location(ofByte: 3).line == 2)
    }

    @Test("a byte-order mark is not a column")
    func byteOrderMark() {
        let file = SourceFile(path: "b.yaml", bytes: [0xEF, 0xBB, 0xBF] + Array("ab: 1".utf8))
        #expect(file.location(ofByte: 4).column == 2)
    }

    @Test("offsets past the end clamp to the last position")
    func clamping() {
        let file = SourceFile(path: "e.yaml", text: "ab")
        #expect(file.location(ofByte: 99).column == 3)
        #expect(file.location(ofByte: -4).column == 1)
        let empty = SourceFile(path: "empty.yaml", bytes: [])
        #expect(empty.location(ofByte: 0) == SourceLocation(line: 1, column: 1, offset: 0))
    }

    @Test("reading a missing file is a diagnostic naming the path")
    func unreadable() {
        #expect(throws: Diagnostic.self) { try SourceFile.read(path: "/nonexistent/bylaw.yaml") }
        do {
            _ = try SourceFile.read(path: "/nonexistent/bylaw.yaml")
        } catch {
            #expect(error.code == .inputUnreadable)
            #expect(error.path == "/nonexistent/bylaw.yaml")
        }
    }

    @Test("reading a directory is refused")
    func directory() {
        do {
            _ = try SourceFile.read(path: "/tmp")
            Issue.record("reading a directory should fail")
        } catch {
            #expect(error.message.contains("directory"))
        }
    }
}
