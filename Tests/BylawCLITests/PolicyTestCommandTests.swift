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

    @Test("a test whose rule raised an error says it could not be evaluated, not that no rule fired")
    func evaluationErrorInTest() throws {
        let directory = try TemporaryDirectory()
        let policy = """
            policy: demo
            rules:
              - id: ratio
                on: usage
                forbid: 10 / (size(event.user) - 5) > 1
            tests:
              - name: alice is allowed
                event: {kind: prompt, user: alice}
                expect: allow

            """
        let path = try directory.write(Data(policy.utf8), to: "demo.yaml")
        let run = try Bylaw.run(["test", path])
        #expect(run.status == 1)
        #expect(run.stdout.contains("test 'alice is allowed' failed: expected allow, but ratio 'forbid' could not be evaluated: division by zero"))
        #expect(!run.stdout.contains("no rule fired"))
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

    static let mixed = """
        policy: demo
        title: Demo
        rules:
          - id: no-share
            title: No shares
            on: usage
            forbid: event.kind == "share"
            message: "{event.user} shared"
          - id: no-email
            title: No emails
            on: usage
            forbid: event.kind == "email"
            message: "{event.user} emailed"
        tests:
          - name: a share is blocked
            event: {kind: share, user: alice}
            expect: [no-share]
          - name: a prompt is wrongly expected to fire
            event: {kind: prompt, user: alice}
            expect: [no-share]

        """

    @Test("--format json: each test's outcome, what failed, and the rules no test covers")
    func json() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data(Self.mixed.utf8), to: "demo.yaml")
        let run = try Bylaw.run(["test", path, "--format", "json"])
        #expect(run.status == 1)
        let document = try run.json()
        let tests = try #require(document["tests"] as? [[String: Any]])
        #expect(tests.map { $0["outcome"] as? String } == ["passed", "failed"])
        #expect(tests[1]["policy"] as? String == "demo")
        #expect(tests[1]["expected"] as? [String] == ["no-share"])
        #expect(tests[1]["fired"] as? [String] == [])
        #expect((tests[0]["location"] as? [String: Any])?["line"] as? Int == 15)
        let uncovered = try #require(document["uncovered"] as? [[String: Any]])
        #expect(uncovered.map { $0["rule"] as? String } == ["demo/no-email"])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["passed"] as? Int == 1 && summary["failed"] as? Int == 1 && summary["uncovered"] as? Int == 1)
    }

    @Test("--format junit: one test case per policy test; coverage gaps fail only with --strict")
    func junit() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data(Self.mixed.utf8), to: "demo.yaml")
        let run = try Bylaw.run(["test", path, "--format", "junit"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("<testsuites name=\"bylaw\" tests=\"2\" failures=\"1\" errors=\"0\""))
        #expect(run.stdout.contains("<testcase name=\"a share is blocked\" classname=\"demo\" time=\"0\"/>"))
        #expect(run.stdout.contains("<failure message=\"test &apos;a prompt is wrongly expected to fire&apos; failed: expected [no-share], but no rule fired\" type=\"test.failed\">"))
        #expect(run.stdout.contains("<system-out>\(path):"))
        #expect(run.stdout.contains("rule &apos;demo/no-email&apos; is covered by no test") || run.stdout.contains("rule 'demo/no-email' is covered by no test"))

        let strict = try Bylaw.run(["test", path, "--format", "junit", "--strict"])
        #expect(strict.stdout.contains("tests=\"3\" failures=\"2\""))
        #expect(strict.stdout.contains("<testcase name=\"coverage: demo/no-email\" classname=\"demo\""))
    }

    @Test("the shipped policies in every format: all pass, exit 0")
    func shippedFormats() throws {
        let json = try Bylaw.run(["test", "--format", "json"])
        #expect(json.status == 0)
        let summary = try #require(try json.json()["summary"] as? [String: Any])
        #expect(summary["tests"] as? Int == (try Self.declaredTests()))
        #expect(summary["failed"] as? Int == 0)
        let junit = try Bylaw.run(["test", "--format", "junit"])
        #expect(junit.status == 0)
        #expect(junit.stdout.contains("<testsuites name=\"bylaw\" tests=\"\(try Self.declaredTests())\" failures=\"0\" errors=\"0\""))
    }
}
