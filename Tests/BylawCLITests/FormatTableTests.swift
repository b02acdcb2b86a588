import Foundation
import Testing

/// Each command's `--format` values, read from its `--help`, agree with the table in
/// docs/output-formats.md, and each listed value runs.
@Suite("Formats by command")
struct FormatTableTests {
    static let commands = Bylaw.commands

    /// The `--format` values `bylaw COMMAND --help` lists (`(values: a, b; default: a)`), in order;
    /// empty when the command has no `--format`.
    static func helpFormats(_ command: String) throws -> [String] {
        // A wide terminal keeps each option on one line.
        let run = try Bylaw.run([command, "--help"], environment: ["COLUMNS": "1000"])
        #expect(run.status == 0)
        guard let line = run.stdout.split(separator: "\n").first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix("--format <") }),
              let values = line.firstMatch(of: /\(values: ([^;)]*)/)?.output.1
        else { return [] }
        return values.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The table's rows: `| \`bylaw COMMAND\` | \`a\`, \`b\` |` → command → values.
    static func documentedFormats() throws -> [String: [String]] {
        let text = try String(contentsOf: Bylaw.packageRoot.appendingPathComponent("docs/output-formats.md"), encoding: .utf8)
        var table: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            guard let row = line.wholeMatch(of: /\| `bylaw ([a-z]+)` \| (.*) \|/) else { continue }
            table[String(row.output.1)] = row.output.2.matches(of: /`([a-z]+)`/).map { String($0.output.1) }
        }
        return table
    }

    @Test("the help's subcommands are the table's commands",
          .enabled(if: Bylaw.builtWithServers, "bylaw is built without its servers, which the table lists"))
    func sameCommands() throws {
        #expect(Set(try Self.documentedFormats().keys) == Set(Self.commands))
    }

    @Test("docs/output-formats.md lists exactly the formats each command's --help lists", arguments: commands)
    func tableMatchesHelp(command: String) throws {
        let documented = try #require(try Self.documentedFormats()[command], "no row for bylaw \(command)")
        #expect(try Self.helpFormats(command) == documented)
    }

    @Test("every format a command lists runs (no exit 2) on valid input", arguments: [
        ["check"], ["test"], ["lint", "Examples/workspaces/acme.yaml"],
        ["eval", "Examples/usage/redaction-bot.ndjson", "--workspace", "Examples/workspaces/acme.yaml"],
        ["plan", "--before", "Examples/workspaces/acme.yaml", "--after", "Examples/workspaces/acme.yaml"],
        ["explain", "--event", "Examples/events/client-pdf-to-consumer-chat.json", "--workspace", "Examples/workspaces/acme.yaml"],
        ["handbook"],
    ])
    func everyListedFormatRuns(arguments: [String]) throws {
        let formats = try Self.helpFormats(arguments[0])
        #expect(!formats.isEmpty)
        for format in formats {
            let run = try Bylaw.run(arguments + ["--format", format])
            #expect(run.status != 2, "\(arguments[0]) --format \(format): \(run.stderr)")
            #expect(!(run.stdout + run.stderr).isEmpty)
        }
    }

    @Test("a format the command does not print is refused with the ones it does", arguments: [
        (["check", "--format", "ndjson"], "'text', 'json', 'sarif', 'junit' or 'github'"),
        (["test", "--format", "sarif"], "'text', 'json' or 'junit'"),
        (["plan", "--before", "a", "--after", "b", "--format", "junit"], "'text', 'json' or 'github'"),
    ])
    func refused(arguments: [String], listed: String) throws {
        let run = try Bylaw.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(listed), "stderr: \(run.stderr)")
    }
}
