import Foundation
import Testing

/// Hostile YAML given to `bylaw check` is invalid input (exit
/// 2) reported at its position, never a crash or a hang. Serialized so that the loose time bound
/// measures one run, not a crowd of them.
@Suite("Hostile YAML given to bylaw check", .serialized)
struct HostileInputTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: @Sendable () -> Data
        /// The first line of the report, with the file's path left out.
        let firstLine: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "duplicate-key.yaml",
            bytes: { Data("policy: first\ntitle: A policy\npolicy: second\n".utf8) },
            firstLine: ":3:1: error: duplicate key 'policy' [yaml.duplicate-key]"),
        Case(
            name: "alias-bomb.yaml",
            // A billion laughs: nine levels of ten aliases each expand to 10⁹ nodes.
            bytes: {
                var lines = ["l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
                for level in 1...9 {
                    let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
                    lines.append("l\(level): &l\(level) [\(aliases)]")
                }
                return Data((lines.joined(separator: "\n") + "\n").utf8)
            },
            firstLine: ":4:45: error: alias '*l2' expands the document past 10000 nodes [yaml.alias-budget]"),
        Case(
            name: "deep.yaml",
            // 200,000 nested flow sequences; the limit is 200 levels, the mapping being the first.
            bytes: { Data(("policy: " + String(repeating: "[", count: 200_000) + String(repeating: "]", count: 200_000) + "\n").utf8) },
            firstLine: ":1:208: error: nesting is deeper than the limit of 200 levels [yaml.too-deep]"),
        Case(
            name: "invalid-utf8.yaml",
            // A Latin-1 é (0xE9) after "policy: caf": the 12th character of line 1.
            bytes: { Data("policy: caf".utf8) + Data([0xE9]) + Data("\ntitle: Café\n".utf8) },
            firstLine: ":1:12: error: invalid UTF-8: byte 0xE9 cannot appear here [yaml.invalid-utf8]"),
        Case(
            name: "empty.yaml",
            bytes: { Data() },
            firstLine: ":1:1: error: file contains no YAML document [yaml.empty-file]"),
    ]

    @Test("exit 2 with the error at file:line:col, no crash, well under the time bound", arguments: cases)
    func rejected(input: Case) throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(input.bytes(), to: input.name)
        let run = try Bylaw.run(["check", path])
        #expect(!run.crashed, "ended on signal \(run.status)")
        #expect(!run.timedOut)
        #expect(run.status == 2)
        let first = run.stdout.prefix { $0 != "\n" }
        #expect(first == path + input.firstLine)
        #expect(!run.stderr.contains("Fatal error"), "stderr: \(run.stderr.prefix(500))")
        // Each takes a few hundredths of a second alone; the bound is loose for a shared machine.
        #expect(run.duration < .seconds(5), "took \(run.duration)")
    }

    @Test("one file's errors do not hide another's: every hostile file reported in one run")
    func allAtOnce() throws {
        let directory = try TemporaryDirectory()
        var paths: [String] = []
        for input in Self.cases { paths.append(try directory.write(input.bytes(), to: input.name)) }
        let run = try Bylaw.run(["check"] + paths)
        #expect(!run.crashed && !run.timedOut)
        #expect(run.status == 2)
        for (path, input) in zip(paths, Self.cases) {
            #expect(run.stdout.contains(path + input.firstLine), "\(input.name)")
        }
    }
}
