import Foundation
import Testing

/// Policies that would allocate gigabytes or loop for minutes, through the CLI: `check` reports
/// them at their line, `eval` turns them into evaluation-error findings pointing at the policy,
/// and the process never aborts.
@Suite("Evaluation budget through the CLI", .serialized)
struct BudgetCommandTests {
    static let acme = "Examples/workspaces/acme.yaml"

    /// Eight `cel.bind` levels each joining the previous string sixteen times (16⁸ × the seed).
    static func bomb(seed: String) -> String {
        var text = "size(a8) == 0"
        for level in stride(from: 8, through: 1, by: -1) {
            text = "cel.bind(a\(level), \(Array(repeating: "a\(level - 1)", count: 16).joined(separator: "+")), \(text))"
        }
        return "cel.bind(a0, \(seed), \(text))"
    }

    static func policy(_ condition: String, extra: String = "") -> Data {
        Data("""
            policy: bomb
            \(extra)rules:
              - id: r
                on: usage
                enforcement: block
                forbid: '\(condition)'

            """.utf8)
    }

    static func firstEvent() throws -> Data {
        let stream = try String(contentsOf: Bylaw.packageRoot.appendingPathComponent("Examples/usage/examples.ndjson"), encoding: .utf8)
        return Data((stream.split(separator: "\n").first.map(String.init) ?? "") .utf8 + [0x0A])
    }

    @Test("check: a constant bomb is cel.budget-exceeded at its line, exit 2, no abort")
    func checkBomb() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Self.policy(Self.bomb(seed: "\"xxxxxxxxxxxxxxxx\"")), to: "bomb.yaml")
        let run = try Bylaw.run(["check", path])
        #expect(!run.crashed, "ended on signal \(run.status)")
        #expect(run.status == 2)
        #expect(run.stdout.hasPrefix(path + ":6:"))
        #expect(run.stdout.contains("[cel.budget-exceeded]"))
        #expect(!run.stderr.contains("Fatal error"))
    }

    @Test("eval: a bomb reading the event is an evaluation-error finding at the policy's line, exit 1")
    func evalBomb() throws {
        let directory = try TemporaryDirectory()
        let policy = try directory.write(Self.policy(Self.bomb(seed: "event.user + event.user")), to: "bomb.yaml")
        let stream = try directory.write(Self.firstEvent(), to: "events.ndjson")
        let run = try Bylaw.run(["eval", stream, "--policies", policy, "--workspace", Self.acme, "--format", "ndjson"])
        #expect(!run.crashed, "ended on signal \(run.status)")
        #expect(run.status == 1)
        let finding = try #require(run.stdout.split(separator: "\n").first.map(String.init))
        #expect(finding.contains(#""kind":"evaluation-error""#))
        #expect(finding.contains("evaluation budget exceeded"))
        #expect(finding.contains("(\(policy):6:"))
        #expect(run.stdout.contains(#""evaluation_errors":1"#))
    }

    @Test("--budget and a policy's budget: tighten or loosen the limit; an invalid one is exit 2")
    func overrides() throws {
        let directory = try TemporaryDirectory()
        let condition = "size(event.user + event.user + event.user + event.user) > 1000"
        let plain = try directory.write(Self.policy(condition), to: "plain.yaml")
        let tight = try directory.write(Self.policy(condition, extra: "budget:\n  memory: 8\n"), to: "tight.yaml")
        let stream = try directory.write(Self.firstEvent(), to: "events.ndjson")
        let base = ["eval", stream, "--workspace", Self.acme, "--format", "ndjson"]

        let clean = try Bylaw.run(base + ["--policies", plain])
        #expect(clean.status == 0)
        let byPolicy = try Bylaw.run(base + ["--policies", tight])
        #expect(byPolicy.status == 1)
        #expect(byPolicy.stdout.contains("builds more than 8 bytes of strings, lists and maps"))
        let byFlag = try Bylaw.run(base + ["--policies", plain, "--budget", "memory=16"])
        #expect(byFlag.status == 1)
        #expect(byFlag.stdout.contains("builds more than 16 bytes"))
        let loosened = try Bylaw.run(base + ["--policies", tight, "--budget", "memory=1MiB"])
        #expect(loosened.status == 0)

        let invalid = try Bylaw.run(["check", plain, "--budget", "memory=2GiB"])
        #expect(invalid.status == 2)
        #expect(invalid.stderr.contains("over the ceiling of 1 GiB"))
        let unknown = try Bylaw.run(["check", plain, "--budget", "cpu=1"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("--budget takes name=limit"))
    }

    @Test("expr: a catastrophic regex ends with the regex-step error, exit 1")
    func exprRegex() throws {
        let text = String(repeating: "a", count: 60_000)
        let run = try Bylaw.run(["expr", "s.matches('(?:a|b|c|d|e|f|g|h){1000}z')", "--var", "s=\"\(text)\"", "--budget", "regex_steps=1000000"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("regular-expression matching takes more than 1000000 steps"))
    }
}

@Suite("Examples/hostile", .serialized)
struct HostileExampleTests {
    static let acme = "Examples/workspaces/acme.yaml"
    static let stream = "Examples/usage/examples.ndjson"

    @Test("each hostile example ends with the exit code its README gives")
    func exitCodes() throws {
        let check = try Bylaw.run(["check", "Examples/hostile/constant-bomb.yaml"])
        #expect(check.status == 2)
        #expect(check.stdout.contains("Examples/hostile/constant-bomb.yaml:12:") && check.stdout.contains("[cel.budget-exceeded]"))
        let runtime = try Bylaw.run(["eval", Self.stream, "--policies", "Examples/hostile/runtime-bomb", "--workspace", Self.acme, "--format", "json"])
        #expect(runtime.status == 1)
        #expect(runtime.stdout.contains(#""evaluation_errors": 40"#))
        let tests = try Bylaw.run(["test", "Examples/hostile/budget"])
        #expect(tests.status == 0)
        let within = try Bylaw.run(["eval", Self.stream, "--policies", "Examples/hostile/budget", "--workspace", Self.acme, "--format", "ndjson"])
        #expect(within.status == 0)
        #expect(within.stdout.contains(#""evaluation_errors":0"#))
        let overridden = try Bylaw.run(["eval", Self.stream, "--policies", "Examples/hostile/budget", "--workspace", Self.acme, "--format", "ndjson", "--budget", "regex_steps=10"])
        #expect(overridden.status == 0)
        #expect(overridden.stdout.contains(#""evaluation_errors":40"#))
    }
}

@Suite("Policy folders holding symbolic links", .serialized)
struct SymlinkedPolicyTests {
    @Test("check does not read a symlink pointing outside the folder, and a folder with nothing else fails")
    func outside() throws {
        let directory = try TemporaryDirectory()
        let policies = directory.file("Policies")
        try FileManager.default.createDirectory(at: policies, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: policies.appendingPathComponent("leak.yaml").path, withDestinationPath: "/etc/passwd")
        let run = try Bylaw.run(["check", policies.path])
        #expect(run.status == 2)
        #expect(!run.stdout.contains("root:") && !run.stderr.contains("root:"))
        #expect(run.stdout.contains("[input.outside-root]") || run.stderr.contains("[input.outside-root]"))
        #expect(run.stdout.contains("[policy.no-policies]") || run.stderr.contains("[policy.no-policies]"))
    }
}
