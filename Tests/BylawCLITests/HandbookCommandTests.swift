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

    @Test("--changes-since: the proposed policies' handbook says what changed since Policies/", arguments: ["markdown", "html"])
    func changesSince(format: String) throws {
        let run = try Bylaw.run(["handbook", "Examples/changes/policies-proposed", "--changes-since", "Policies", "--format", format])
        #expect(run.status == 0, "\(run.stderr)")
        try ExpectedOutput.expect(run.stdout, matches: "handbook/changes.\(format == "html" ? "html" : "md")")
    }

    @Test("--changes-since with policies that do not compile: their errors, exit 2")
    func changesSinceBroken() throws {
        let scratch = try TemporaryDirectory()
        _ = try scratch.write(Data("policy: old\nrules:\n  - {id: r, on: usage, forbid: event.kind = 1}\n".utf8), to: "old.yaml")
        let run = try Bylaw.run(["handbook", "Policies", "--changes-since", scratch.url.path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.contains("(--changes-since) do not compile"))
        #expect(run.stderr.contains("old.yaml:3:43: error: '=' does not compare two values"), "\(run.stderr)")
    }

    @Test("--output writes the handbook to a file, and nothing to stdout", arguments: [["-o"], ["--output"]])
    func output(flag: [String]) throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.file("handbook.html").path
        let run = try Bylaw.run(["handbook", "Policies", "--format", "html"] + flag + [path])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.isEmpty)
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let printed = try Bylaw.run(["handbook", "Policies", "--format", "html"])
        #expect(written == printed.stdout)
    }

    @Test("--output to a file that cannot be written: the reason, exit 2")
    func outputUnwritable() throws {
        let scratch = try TemporaryDirectory()
        let run = try Bylaw.run(["handbook", "Policies", "--output", scratch.file("missing/handbook.md").path])
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("handbook.md: No such file or directory\n"), "\(run.stderr)")
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
