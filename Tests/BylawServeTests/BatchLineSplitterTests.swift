import BylawModel
@testable import BylawServe
import Testing

@Suite("BatchLineSplitter")
struct BatchLineSplitterTests {
    /// What the stream reader makes of `bytes`: (number, text, too long) per line.
    static func reader(_ bytes: [UInt8], maxLineLength: Int) throws -> [String] {
        var lines: [String] = []
        try UsageStreamReader(bytes: bytes, maxLineLength: maxLineLength, chunkSize: 3).forEachLine { line in
            lines.append("\(line.number) \(line.isTooLong) \(line.text)")
        }
        return lines
    }

    /// What the splitter makes of `bytes` fed in pieces of the given sizes (cycled).
    static func splitter(_ bytes: [UInt8], maxLineLength: Int, pieces: [Int]) -> [String] {
        var splitter = BatchLineSplitter(maxLineLength: maxLineLength)
        var lines: [String] = []
        var index = 0
        var piece = 0
        while index < bytes.count {
            let size = min(bytes.count - index, max(1, pieces[piece % pieces.count]))
            piece += 1
            Array(bytes[index..<index + size]).withUnsafeBytes { raw in
                splitter.feed(raw) { lines.append("\($0.number) \($0.isTooLong) \($0.text)") }
            }
            index += size
        }
        splitter.finish { lines.append("\($0.number) \($0.isTooLong) \($0.text)") }
        return lines
    }

    static let bodies: [String] = [
        "", "\n", "\n\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "\r\n", "\r", "a\rb\n", "\u{FEFF}a\nb", "\u{FEFF}", "\u{FEFF}\n",
        "0123456789\nabc\n", "0123456789abcdefghij\nxy\n", "012345678\r\n", "0123456789\r\n", "01234567890\r\nz",
        "short\n" + String(repeating: "x", count: 50) + "\nafter\n" + String(repeating: "y", count: 25),
        "12345678\r", "x\n\u{FEFF}y\n",
    ]

    @Test("cuts lines exactly as the stream reader does, however the body is split", arguments: bodies)
    func sameAsReader(body: String) throws {
        let bytes = Array(body.utf8)
        for maxLineLength in [8, 10, 1 << 20] {
            let expected = try Self.reader(bytes, maxLineLength: maxLineLength)
            for pieces in [[1], [2], [3], [5, 1], [7], [1000], [4, 9, 2]] {
                #expect(Self.splitter(bytes, maxLineLength: maxLineLength, pieces: pieces) == expected, "\(pieces) max \(maxLineLength)")
            }
        }
    }

    @Test("a long random body: same lines as the reader")
    func random() throws {
        var generator = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("abcdefgh{}\"\r\n".utf8)
        let bytes = (0..<5000).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }
        let expected = try Self.reader(bytes, maxLineLength: 16)
        #expect(Self.splitter(bytes, maxLineLength: 16, pieces: [1, 13, 2, 64, 5]) == expected)
    }
}
