import Foundation
import Testing

/// The command line's manners: unknown commands, help wrapping, where policies come from, a
/// quiet clean lint, completions.
@Suite("Command line polish")
struct CommandLinePolishTests {
    @Test("an unknown command suggests the closest one and exits 2", arguments: [
        ("lnt", "lint"), ("chek", "check"), ("tset", "test"), ("plna", "plan"), ("handbok", "handbook"),
    ])
    func didYouMean(typed: String, meant: String) throws {
        let run = try Bylaw.run([typed, "x"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("Error: unknown command '\(typed)'; did you mean '\(meant)'?"), "stderr: \(run.stderr)")
        #expect(run.stdout.isEmpty)
    }

    @Test("help and options still pass through", arguments: [["help", "lint"], ["--version"], ["--help"]])
    func notUnknown(arguments: [String]) throws {
        let run = try Bylaw.run(arguments)
        #expect(run.status == 0)
        #expect(!run.stderr.contains("unknown command"))
    }

    @Test("help paragraphs are wrapped by the terminal, not broken mid-sentence", arguments: Bylaw.commands)
    func helpUnbroken(command: String) throws {
        let run = try Bylaw.run([command, "--help"], environment: ["COLUMNS": "2000"])
        #expect(run.status == 0)
        let overview = try #require(run.stdout.components(separatedBy: "\nUSAGE:").first)
        // At a width nothing needs wrapping at, a paragraph is one line: a line that does not end a
        // sentence (or introduce a list) is a hard break.
        for line in overview.split(separator: "\n") where !line.hasPrefix("  ") {
            let last = line.trimmingCharacters(in: .whitespaces).last
            #expect(last == "." || last == ":" || last == ")", "\(command): hard break after «\(line)»")
        }
    }

    @Test("no Policies/ here: the hint names how the command takes policies", arguments: [
        ("check", "name policy files or directories as arguments: bylaw check PATH"),
        ("test", "name policy files or directories as arguments: bylaw test PATH"),
        ("handbook", "name policy files or directories as arguments: bylaw handbook PATH"),
        ("lint $ROOT/Examples/workspaces/acme.yaml", "name policy files or directories with --policies PATH"),
        ("eval $ROOT/Examples/usage/examples.ndjson --workspace $ROOT/Examples/workspaces/acme.yaml", "with --policies PATH"),
        ("plan --before $ROOT/Examples/workspaces/acme.yaml --after $ROOT/Examples/workspaces/acme.yaml", "with --policies PATH"),
    ] + (Bylaw.builtWithServers ? [
        ("serve --workspace $ROOT/Examples/workspaces/acme.yaml --listen 127.0.0.1:0", "with --policies PATH"),
        // Policies are loaded before any server is asked for: no NATS server is needed here.
        ("consume --server nats://127.0.0.1:9 --stream USAGE --consumer bylaw --workspace $ROOT/Examples/workspaces/acme.yaml", "with --policies PATH"),
    ] : []))
    func noPolicies(arguments: String, hint: String) throws {
        let run = try Bylaw.shell("ROOT=\"$PWD\"; cd \"$(mktemp -d)\" && BYLAW_TODAY=2026-11-22 \"$BYLAW\" \(arguments)")
        #expect(run.status == 2)
        // `check` prints its diagnostics on stdout (they are its report), the others on stderr.
        let output = run.stdout + run.stderr
        #expect(output.contains("no Policies/ folder in the current directory"), "output: \(output)")
        #expect(output.contains("[policy.no-policies]"))
        #expect(output.contains(hint), "output: \(output)")
    }

    @Test("a policy folder with no policy: the same hint")
    func emptyFolder() throws {
        let directory = try TemporaryDirectory()
        let run = try Bylaw.run(["lint", "Examples/workspaces/acme.yaml", "--policies", directory.url.path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no policy files (.yaml, .yml) found in"))
        #expect(run.stderr.contains("with --policies PATH"))
    }

    @Test("a clean lint prints one line; --summary adds the full summary")
    func cleanLint() throws {
        let files = ["Examples/workspaces/single.yaml", "Examples/workspaces/assigned.yaml", "Examples/workspaces/pooled.yaml"]
        let run = try Bylaw.run(["lint"] + files)
        #expect(run.status == 0)
        #expect(run.stdout == "3 files, 0 findings\n")
        let full = try Bylaw.run(["lint"] + files + ["--summary"])
        #expect(full.stdout.hasPrefix("summary:\n  inputs: 3\n"))
        #expect(full.stdout.contains("  by_enforcement:\n"))
        #expect(full.stdout.hasSuffix("\n3 files, 0 findings\n"))
    }

    @Test("completion scripts for bash, zsh and fish", arguments: ["bash", "zsh", "fish"])
    func completions(shell: String) throws {
        let run = try Bylaw.run(["--generate-completion-script", shell])
        #expect(run.status == 0)
        #expect(run.stdout.contains("bylaw"))
        // The per-command format lists reach the completions.
        #expect(run.stdout.contains("github"))
    }

    @Test("docs/command-line.md names only flags and commands that exist",
          .enabled(if: Bylaw.builtWithServers, "bylaw is built without its servers, whose flags the page names"))
    func commandLineDoc() throws {
        let text = try String(contentsOf: Bylaw.packageRoot.appendingPathComponent("docs/command-line.md"), encoding: .utf8)
        #expect(text.contains("--generate-completion-script"))
        for flag in Set(text.matches(of: /--[a-z][a-z-]+/).map { String($0.output) }) where flag != "--generate-completion-script" {
            var found = false
            for command in [""] + Bylaw.commands {
                let help = try Bylaw.run((command.isEmpty ? [] : [command]) + ["--help"], environment: ["COLUMNS": "1000"]).stdout
                if help.contains(flag + " ") || help.contains(flag + "\n") || help.contains(flag + "]") { found = true; break }
            }
            #expect(found, "docs/command-line.md names \(flag), which no command has")
        }
    }
}
