import BylawEval
import BylawPolicy
import BylawReport
import BylawSource
import Testing

@Suite struct FindingNDJSONTests {
    @Test func lineIsTheCompactJSONOfEveryFixtureFinding() {
        for finding in ReportFixture.findings {
            #expect(finding.ndjsonLine == finding.jsonValue.compact + "\n")
        }
    }

    @Test func lineMatchesWithoutHintIdOrLocation() {
        let rule = ReportFixture.consumerChat
        let findings = [
            Finding(rule: rule, message: "tab\there \u{2028} \\ \"q\"", inputPath: "a\"b.ndjson", event: EventReference(line: 3, id: nil)),
            Finding(rule: rule, kind: .evaluationError, message: "", hint: "h\u{1}", inputPath: "x"),
        ]
        for finding in findings {
            #expect(finding.ndjsonLine == finding.jsonValue.compact + "\n")
        }
    }

    /// The sink keeps each rule's encoded pieces from one finding to the next; a finding that
    /// differs in any of them (kind, enforcement, hint, path) must still be written exactly.
    @Test(arguments: [false, true])
    func sinkReusesPiecesOnlyWhereTheyStillApply(asBytes: Bool) {
        let rule = ReportFixture.consumerChat
        let event = EventReference(line: 7, id: "e\"7")
        let findings = [
            Finding(rule: rule, message: "first", hint: "use the app", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "same rule, same hint", hint: "use the app", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "another hint", hint: "other \u{2028} hint", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "no hint", inputPath: "b\\path.ndjson", event: event),
            Finding(rule: rule, kind: .evaluationError, message: "error kind", hint: "use the app", inputPath: "b\\path.ndjson"),
            Finding(rule: rule, enforcement: .audit, message: "audit", hint: "use the app", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "back to the first", hint: "use the app", inputPath: "a.ndjson", event: event),
        ] + ReportFixture.findings + ReportFixture.findings
        let text = ReportBuffer()
        var bytes: [UInt8] = []
        let sink = NDJSONReport(output: text.output, bytes: asBytes ? { bytes.append(contentsOf: $0) } : nil)
        for finding in findings { sink.emit(finding) }
        let written = asBytes ? String(decoding: bytes, as: UTF8.self) : text.text
        #expect(written == findings.map { $0.jsonValue.compact + "\n" }.joined())
        #expect(asBytes ? text.text.isEmpty : bytes.isEmpty)
    }
}
