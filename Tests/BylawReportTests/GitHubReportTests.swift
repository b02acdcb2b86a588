import BylawReport
import BylawSource
import Testing

@Suite("GitHub annotations")
struct GitHubReportTests {
    @Test("exact workflow commands, with GitHub's escaping of data and properties")
    func exactLines() {
        let lines = ReportFixture.output(.github).split(separator: "\n").map(String.init)
        #expect(lines == [
            "::error file=ws/acme.yaml,line=5,col=22,endLine=5,endColumn=24,title=billing/assigned-root%3A Child orgs inherit the root's account"
                + "::org 'eu' declares account 'b2'; it inherits 'b1'%0Ahint: remove 'billing_account'",
            "::warning file=ws/acme.yaml,line=4,col=14,endLine=4,endColumn=20,title=apps/owner-active%3A Every app has an active owner"
                + "::name \"Zürich\" <owner> & co's",
            "::error file=ws/acme.yaml,line=8,col=22,endLine=8,endColumn=24,title=billing/assigned-root%3A Child orgs inherit the root's account"
                + "::org 'jp' declares account 'b3'",
            "::error file=ws/acme.yaml,line=6,col=9,endLine=6,endColumn=11,title=apps/provider-custody%3A Client data only to BYOS providers"
                + "::evaluation error: no such key: 'custody'",
            "::error file=logs/usage%2Cday%3A1.ndjson,title=stream.invalid-json::line 7: expected ':' <&\"'>\u{1}]]>%0Ahint: each line is one JSON object",
            "::notice file=logs/usage%2Cday%3A1.ndjson,line=42,title=data/consumer-chat%3A No client data in consumer chat"
                + "::50%25 of client data%0Awent to chat, again (event evt-42)%0Ahint: use the firm's app",
            "::warning file=logs/usage%2Cday%3A1.ndjson,title=stream.unknown-enum::line 9: kind 'uplod'",
            "bylaw: 5 findings (3 block, 1 warn, 1 audit), of which 1 evaluation error, 2 input diagnostics",
        ])
    }

    @Test("CR, percent, colon and comma in a title and message")
    func trickyProperties() {
        let file = SourceFile(path: "a:b,c%d.yaml", text: "x: 1\n")
        let rule = ReportFixture.rule("p", "r", "50%, really: yes\r\nno", .warn)
        let buffer = ReportBuffer()
        let sink = GitHubReport(output: buffer.output)
        sink.emit(.init(rule: rule, message: "a\r\nb: c, 100%", inputPath: file.path, location: SourceSpan(file: file, range: .at(3))))
        #expect(buffer.text == "::warning file=a%3Ab%2Cc%25d.yaml,line=1,col=4,title=p/r%3A 50%25%2C really%3A yes%0D%0Ano::a%0D%0Ab: c, 100%25\n")
    }
}
