import Foundation
import Testing

/// The command line itself: version, help, and what a wrong invocation does.
@Suite("Command line")
struct CommandLineTests {
    @Test("--version prints a semantic version and exits 0")
    func version() throws {
        let run = try Bylaw.run(["--version"])
        #expect(run.status == 0)
        let version = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(version.wholeMatch(of: /[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?/) != nil, "got «\(version)»")
        #expect(run.stderr.isEmpty)
    }

    @Test("--help lists every subcommand with its summary and the exit codes")
    func help() throws {
        let run = try Bylaw.run(["--help"])
        #expect(run.status == 0)
        let subcommands = try #require(run.stdout.components(separatedBy: "SUBCOMMANDS:").last)
        // The list ends at the first blank line.
        let entries = subcommands.split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix { !$0.isEmpty }
        let listed = entries.compactMap { line -> String? in
            // A subcommand's entry starts two spaces in; continuation lines are indented further.
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }
        #expect(listed == Bylaw.commands)
        #expect(run.stdout.contains("Exit codes: 0 clean; 1 findings"))
    }

    @Test("each subcommand has its own help", arguments: Bylaw.commands)
    func subcommandHelp(name: String) throws {
        let run = try Bylaw.run([name, "--help"])
        #expect(run.status == 0)
        #expect(run.stdout.contains("USAGE: bylaw \(name)"))
    }

    @Test("wrong invocations are invalid input: exit 2, a message on stderr, nothing on stdout", arguments: [
        (["lint", "--no-such-option", "Examples/workspaces/single.yaml"], "Unknown option '--no-such-option'"),
        (["frobnicate"], "unknown command 'frobnicate'; the commands are init, check, test, lint"),
        (["lint"], "Missing expected argument '<workspaces> ...'"),
        (["lint", "Examples/workspaces/single.yaml", "--format", "yaml"], "--format"),
        (["eval", "Examples/usage/examples.ndjson"], "Missing expected argument '--workspace <workspace>'"),
        (["eval", "Examples/usage/examples.ndjson", "--workspace", "Examples/workspaces/acme.yaml", "--format", "junit"],
         "Please provide one of 'text', 'ndjson', 'json' or 'sarif'"),
        (["eval", "Examples/usage/examples.ndjson", "--workspace", "Examples/workspaces/acme.yaml", "--max-errors", "0"],
         "--max-errors must be at least 1"),
    ])
    func badInvocation(arguments: [String], message: String) throws {
        let run = try Bylaw.run(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("a missing file is invalid input, named in the error", arguments: [
        ["lint", "Examples/workspaces/no-such.yaml"],
        ["eval", "Examples/usage/no-such.ndjson", "--workspace", "Examples/workspaces/acme.yaml"],
        ["eval", "Examples/usage/examples.ndjson", "--workspace", "Examples/workspaces/no-such.yaml"],
        ["check", "Policies/no-such.yaml"],
    ])
    func missingFile(arguments: [String]) throws {
        let run = try Bylaw.run(arguments)
        #expect(!run.crashed)
        #expect(run.status == 2)
        #expect((run.stdout + run.stderr).contains("no-such."))
    }

    @Test("a BYLAW_TODAY that is not a date is invalid input")
    func badToday() throws {
        let run = try Bylaw.run(["check"], environment: ["BYLAW_TODAY": "tomorrow"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("BYLAW_TODAY must be a date written YYYY-MM-DD"))
    }

    @Test("bylaw check on the shipped policies is clean")
    func checkShippedPolicies() throws {
        let run = try Bylaw.run(["check"])
        #expect(run.status == 0)
        #expect(run.stdout.isEmpty, "no diagnostic: \(run.stdout)")
        #expect(run.stderr.range(of: #"^\d+ files, \d+ rules compiled, 0 warnings\n$"#, options: .regularExpression) != nil, "one summary line on stderr: \(run.stderr)")
    }
}
