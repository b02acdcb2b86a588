import BylawReport
import BylawSource
import Foundation
import Testing

@Suite("Text report")
struct TextReportTests {
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    @Test("plain report matches the snapshot (BYLAW_UPDATE_SNAPSHOTS=1 rewrites it)")
    func snapshot() throws {
        let actual = ReportFixture.output(.text)
        let url = Self.snapshots.appendingPathComponent("text-report.txt")
        if ProcessInfo.processInfo.environment["BYLAW_UPDATE_SNAPSHOTS"] == "1" {
            try Data(actual.utf8).write(to: url)
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected)
    }

    @Test("colour only with the ANSI style")
    func colour() {
        #expect(!ReportFixture.output(.text, style: .plain).contains("\u{1B}["))
        #expect(ReportFixture.output(.text, style: .ansi).contains("\u{1B}[1;31merror:"))
    }

    @Test("findings stream at once; the summary comes at finish")
    func streaming() {
        let buffer = ReportBuffer()
        let sink = TextReport(output: buffer.output)
        sink.begin(rules: ReportFixture.rules, inputs: [])
        sink.emit(ReportFixture.findings[4])
        #expect(buffer.text == """
            logs/usage,day:1.ndjson:42: note: 50% of client data
                  went to chat, again [data/consumer-chat]
                  = event: evt-42
                  = hint: use the firm's app

            """)
        sink.finish(summary: .object([]))
        #expect(buffer.text.hasSuffix("[data/consumer-chat]\n      = event: evt-42\n      = hint: use the firm's app\n1 finding (1 audit)\n"))
    }

    @Test("control characters from the input cannot reach the terminal")
    func controlCharacters() {
        let buffer = ReportBuffer()
        let sink = TextReport(style: .plain, output: buffer.output)
        let finding = ReportFixture.findings[0]
        sink.emit(.init(rule: finding.rule, message: "user \u{1B}[2Jevil\u{7}", hint: "a\r\nb", inputPath: finding.inputPath,
                        location: finding.location))
        sink.emit(Diagnostic(code: DiagnosticCode(unregistered: "stream.bad"), message: "x\u{0}y\u{9B}z", path: "s.ndjson"))
        #expect(!buffer.text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) })
        #expect(buffer.text.contains("user \\u{1B}[2Jevil\\u{7} [billing/assigned-root]"))
        #expect(buffer.text.contains("= hint: a\n      b\n"))
        #expect(buffer.text.contains("x\\u{0}y\\u{9B}z"))
    }

    @Test("a diagnostic limit prints the first ones and counts the rest")
    func diagnosticLimit() {
        let buffer = ReportBuffer()
        let sink = TextReport(diagnosticLimit: 1, output: buffer.output)
        for diagnostic in ReportFixture.diagnostics { sink.emit(diagnostic) }
        sink.finish(summary: .null)
        #expect(buffer.text.contains("stream.invalid-json"))
        #expect(!buffer.text.contains("stream.unknown-enum"))
        #expect(buffer.text.contains("… and 1 more diagnostic not shown"))
        #expect(buffer.text.hasSuffix("0 findings, 2 input diagnostics\n"))
    }
}
