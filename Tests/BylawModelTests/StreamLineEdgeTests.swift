import BylawModel
import Testing

/// Line corners of the stream contract (docs/usage-events.md): CRs.
@Suite("Usage stream lines: CRs")
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
}
