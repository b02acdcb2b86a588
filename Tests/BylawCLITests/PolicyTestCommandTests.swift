import Foundation
import Testing

/// `bylaw test`: the tests written in the policies, run through the CLI.
@Suite("bylaw test")
struct PolicyTestCommandTests {
    /// The tests the shipped policies declare, counted from the files: `  - name:` entries.
    static func declaredTests() throws -> Int {
        let directory = Bylaw.packageRoot.appendingPathComponent("Policies")
        var count = 0
        for file in try FileManager.default.contentsOfDirectory(atPath: directory.path) where file.hasSuffix(".yaml") {
            let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
            count += text.split(separator: "\n").filter { $0.hasPrefix("  - name: ") }.count
        }
        return count
    }

    @Test("the shipped policies' tests all pass, and the count line says how many")
    func shippedPoliciesPass() throws {
        let run = try Bylaw.run(["test"])
        #expect(run.status == 0)
        let declared = try Self.declaredTests()
        #expect(declared > 0)
        let passedLines = run.stdout.split(separator: "\n").filter { $0.hasPrefix("✔ ") }
        #expect(passedLines.count == declared)
        #expect(run.stdout.contains("\n\(declared) passed, 0 failed\n"))
        #expect(!run.stdout.contains("✘"))
        // Every shipped rule has a test, so --strict passes too.
        #expect(try Bylaw.run(["test", "--strict"]).status == 0)
    }

    @Test("a failing test exits 1 and says what fired")
    func failingTest() throws {
        let directory = try TemporaryDirectory()
        let policy = """
            policy: demo
            title: Demo
            rules:
              - id: no-share
                title: No shares
                on: usage
                forbid: event.kind == "share"
                message: "{event.user} shared"
            tests:
              - name: a share is blocked
                event: {kind: share, user: alice}
                expect: [no-share]
              - name: a prompt is wrongly expected to fire
                event: {kind: prompt, user: alice}
                expect: [no-share]

            """
        let path = try directory.write(Data(policy.utf8), to: "demo.yaml")
        let run = try Bylaw.run(["test", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("✔ demo: a share is blocked\n"))
        #expect(run.stdout.contains("✘ demo: a prompt is wrongly expected to fire\n"))
        #expect(run.stdout.contains("test 'a prompt is wrongly expected to fire' failed: expected [no-share], but no rule fired [test.failed]"))
        #expect(run.stdout.hasSuffix("1 passed, 1 failed\n"))
    }
}
