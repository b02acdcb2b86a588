import BylawEval
import BylawReport
import BylawSource
import Foundation
import Testing

@Suite("JUnit report")
struct JUnitReportTests {
    @Test("one suite per input, one case per rule, counts that add up")
    func structureAndCounts() throws {
        let root = try #require(XMLTreeBuilder.parse(ReportFixture.output(.junit)))
        #expect(root.name == "testsuites")
        #expect(root.int("tests") == 9 && root.int("failures") == 3 && root.int("errors") == 2 && root.int("skipped") == 0)
        let suites = root.all("testsuite")
        #expect(suites.map { $0.attributes["name"] } == ["ws/acme.yaml", "logs/usage,day:1.ndjson"])

        let workspace = suites[0]
        #expect(workspace.int("tests") == 4 && workspace.int("failures") == 2 && workspace.int("errors") == 1)
        let cases = workspace.all("testcase")
        #expect(cases.map { $0.attributes["name"] }
            == ["billing/assigned-root", "apps/owner-active", "apps/provider-custody", "data/consumer-chat"])
        #expect(cases.allSatisfy { $0.attributes["classname"] == "ws/acme.yaml" })

        // Two findings of one rule: one failure listing both.
        let assigned = try #require(cases[0].first("failure"))
        #expect(cases[0].all("failure").count == 1)
        #expect(assigned.attributes["type"] == "block")
        #expect(assigned.attributes["message"] == "2 findings; first: org 'eu' declares account 'b2'; it inherits 'b1'")
        #expect(assigned.text == """
            ws/acme.yaml:5:22: [block] org 'eu' declares account 'b2'; it inherits 'b1'
              hint: remove 'billing_account'
            ws/acme.yaml:8:22: [block] org 'jp' declares account 'b3'
            """)
        #expect(cases[1].first("failure")?.attributes["message"] == "name \"Zürich\" <owner> & co's")
        #expect(cases[1].first("failure")?.attributes["type"] == "warn")
        #expect(cases[2].first("error")?.attributes["type"] == "evaluation-error")
        #expect(cases[3].children.isEmpty)

        let stream = suites[1]
        #expect(stream.int("tests") == 5 && stream.int("failures") == 1 && stream.int("errors") == 1)
        let chat = try #require(stream.all("testcase").first { $0.attributes["name"] == "data/consumer-chat" }?.first("failure"))
        #expect(chat.attributes["message"] == "50% of client data\nwent to chat, again")
        #expect(chat.text.contains("logs/usage,day:1.ndjson:42: [audit] 50% of client data\nwent to chat, again (event evt-42)"))
        #expect(stream.first("system-out")?.text.contains("kind 'uplod'") == true)
    }

    @Test("markup characters and control characters XML 1.0 forbids are escaped")
    func escaping() throws {
        let xml = ReportFixture.output(.junit)
        let root = try #require(XMLTreeBuilder.parse(xml))
        let stream = root.all("testsuite")[1]
        let malformed = try #require(stream.all("testcase").first { $0.attributes["name"] == "stream.invalid-json" })
        let error = try #require(malformed.first("error"))
        #expect(error.attributes["type"] == "stream.invalid-json")
        #expect(error.attributes["message"] == "line 7: expected ':' <&\"'>\\u0001]]>")
        #expect(error.text.contains("<&\"'>\\u0001]]> [stream.invalid-json]\n  hint: each line is one JSON object"))
        #expect(!xml.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test("a clean run lists every rule as a passing case")
    func cleanRun() throws {
        let buffer = ReportBuffer()
        let sink = JUnitReport(output: buffer.output)
        sink.begin(rules: ReportFixture.rules, inputs: ["a.yaml"])
        sink.finish(summary: .null)
        let root = try #require(XMLTreeBuilder.parse(buffer.text))
        #expect(root.int("tests") == 4 && root.int("failures") == 0 && root.int("errors") == 0)
        #expect(root.first("testsuite")?.all("testcase").count == 4)
    }

    /// Each finding is added to its rule's case in place: the report is linear in the findings of
    /// one rule (it once copied the list on every finding, quadratic: 40,000 took seconds).
    @Test("50,000 findings of one rule and 10,000 diagnostics of one code: one case each, every entry kept, in order")
    func manyFindingsOfOneRule() throws {
        let buffer = ReportBuffer()
        let sink = JUnitReport(output: buffer.output)
        sink.begin(rules: ReportFixture.rules, inputs: [ReportFixture.streamPath])
        let count = 50_000
        for line in 1...count {
            sink.emit(Finding(
                rule: ReportFixture.consumerChat, message: "m\(line)", inputPath: ReportFixture.streamPath,
                event: EventReference(line: line, id: nil)))
        }
        for line in 1...10_000 {
            sink.emit(Diagnostic(code: .streamInvalidJSON, message: "d\(line)", path: ReportFixture.streamPath))
        }
        sink.finish(summary: .null)
        let root = try #require(XMLTreeBuilder.parse(buffer.text))
        #expect(root.int("tests") == 5 && root.int("failures") == 1 && root.int("errors") == 1)
        let cases = root.all("testsuite").flatMap { $0.all("testcase") }
        let failure = try #require(cases.first { $0.attributes["name"] == "data/consumer-chat" }?.first("failure"))
        #expect(failure.attributes["message"] == "\(count) findings; first: m1")
        let lines = failure.text.split(separator: "\n")
        #expect(lines.count == count)
        #expect(lines.first == "\(ReportFixture.streamPath):1: [audit] m1")
        #expect(lines.last == "\(ReportFixture.streamPath):\(count): [audit] m\(count)")
        let error = try #require(cases.first { $0.attributes["name"] == "stream.invalid-json" }?.first("error"))
        #expect(error.attributes["message"] == "10000 diagnostics; first: d1")
        #expect(error.text.split(separator: "\n").count == 10_000)
    }
}
