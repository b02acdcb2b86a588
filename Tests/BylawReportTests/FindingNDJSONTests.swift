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
}
