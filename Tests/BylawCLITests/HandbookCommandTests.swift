import Foundation
import Testing

@Suite("bylaw handbook")
struct HandbookCommandTests {
    @Test("the example policies' handbook, as Markdown and as HTML", arguments: ["markdown", "html"])
    func examples(format: String) throws {
        let run = try Bylaw.run(["handbook", "Policies", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        try ExpectedOutput.expect(run.stdout, matches: "handbook/policies.\(format == "html" ? "html" : "md")")
    }

    @Test("a policy of brackets and markup renders at once, as text")
    func hostilePolicy() throws {
        let scratch = try TemporaryDirectory()
        let policy = """
            policy: hostile
            title: "<script>alert(1)</script>"
            owner: 'x" onmouseover="alert(1)'
            handbook: "\(String(repeating: "[", count: 26)) \(String(repeating: "![", count: 26)) [x](javascript:alert)"

            """
        _ = try scratch.write(Data(policy.utf8), to: "hostile.yaml")
        let run = try Bylaw.run(["handbook", scratch.url.path, "--format", "html"])
        #expect(!run.timedOut)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>"))
        #expect(run.stdout.contains("owner: x&quot; onmouseover=&quot;alert(1)</p>"))
        #expect(run.stdout.contains("<p>\(String(repeating: "[", count: 26)) \(String(repeating: "![", count: 26)) x</p>"))
        #expect(!run.stdout.lowercased().contains("<script"))
        #expect(!run.stdout.contains("javascript:"))
    }
}
