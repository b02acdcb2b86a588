import BylawModel
import Testing

/// Line corners of the stream contract (docs/usage-events.md): CRs and exact byte counts.
@Suite("Usage stream lines: CRs and byte counts")
struct StreamLineEdgeTests {
    @Test("a line of only whitespace with a CR is malformed; CRLF's empty line and spaces and tabs are blank")
    func carriageReturnLines() {
        let crOnly = issue("\r")
        #expect(crOnly?.code == .invalidJSON)
        #expect(crOnly?.column == 1)
        #expect(issue(" \t\r ")?.column == 3)
        for blank in ["", " ", "\t", " \t "] {
            #expect(scanEvent(blank).0 == .blank, "\(blank.debugDescription)")
        }
        // The reader drops a CRLF terminator's CR: an empty CRLF line reaches the scanner empty.
        var outcomes: [UsageEventScanner.Outcome] = []
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        let reader = UsageStreamReader(bytes: Array("\r\n \t\r\n\r\r\n{\"id\":\"a\"}\r\n".utf8))
        try? reader.forEachLine { outcomes.append(scanner.scan($0, into: &event)) }
        #expect(outcomes.count == 4)
        #expect(outcomes.prefix(2).allSatisfy { $0 == .blank })
        if case .malformed(let issue) = outcomes[2] { #expect(issue.line == 3) } else { Issue.record("line 3: \(outcomes[2])") }
        #expect(outcomes[3] == .event)
    }

    @Test("a CR inside an event is JSON whitespace")
    func carriageReturnInsideAnEvent() {
        #expect(scanEvent("{\"id\":\"a\",\r\"user\":\"b\"}\r").0 == .event)
    }

    @Test(
        "bytesConsumed is the stream's exact size",
        arguments: [
            "{\"a\":1}\r\n{\"b\":2}\r\n", "{\"a\":1}\n{\"b\":2}", "\n\n", "x\r", "\u{FEFF}ab\ncd\n",
            "short\n" + String(repeating: "y", count: 100) + "\nz\n", String(repeating: "w", count: 100),
        ])
    func bytesConsumedIsExact(_ text: String) throws {
        for chunk in [1, 3, 7, 1 << 10] {
            let reader = UsageStreamReader(bytes: Array(text.utf8), maxLineLength: 16, chunkSize: chunk)
            try reader.forEachLine { _ in }
            #expect(reader.bytesConsumed == text.utf8.count, "chunk \(chunk): \(text.debugDescription)")
        }
    }

    @Test("a stopped read has consumed the lines handed out, terminators included")
    func bytesConsumedWhenStopped() {
        struct Stop: Error {}
        let reader = UsageStreamReader(bytes: Array("ab\r\ncd\nef\n".utf8), chunkSize: 2)
        #expect(throws: Stop.self) {
            try reader.forEachLine { line in if line.number == 2 { throw Stop() } }
        }
        #expect(reader.bytesConsumed == 7)
    }
}
