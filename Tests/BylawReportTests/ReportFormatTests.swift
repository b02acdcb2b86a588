import BylawReport
import Testing

@Suite("Report formats")
struct ReportFormatTests {
    @Test("every format makes a sink that writes something that ends with a newline", arguments: ReportFormat.allCases)
    func everyFormat(format: ReportFormat) {
        let text = ReportFixture.output(format)
        #expect(!text.isEmpty)
        #expect(text.hasSuffix("\n"))
        #expect(ReportFormat(rawValue: format.rawValue) == format)
    }

    @Test("streaming formats write before finish; document formats only at finish", arguments: ReportFormat.allCases)
    func streamingOrNot(format: ReportFormat) {
        let buffer = ReportBuffer()
        let sink = format.makeSink(output: buffer.output)
        sink.begin(rules: ReportFixture.rules, inputs: [ReportFixture.workspacePath])
        sink.emit(ReportFixture.findings[0])
        #expect(buffer.text.isEmpty == !format.isStreaming)
    }
}
