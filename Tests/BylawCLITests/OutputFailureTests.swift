import Foundation
import Testing

/// Standard output that cannot be written: a full disk is an error for every command (message,
/// exit 2); a reader that went away (`| head`) ends the run quietly with the findings' status.
@Suite("Output that cannot be written")
struct OutputFailureTests {
    static let acme = "Examples/workspaces/acme.yaml"

    /// Every command, each with output to write.
    static let commands: [[String]] = [
        ["check", "--format", "json"],
        ["check", "--format", "sarif"],
        ["handbook"],
        ["handbook", "--format", "html"],
        ["test"],
        ["lint", "Examples/workspaces/acme.yaml"],
        ["lint", "Examples/workspaces/acme.yaml", "--format", "junit"],
        ["eval", "Examples/usage/examples.ndjson", "--workspace", acme],
        ["eval", "Examples/usage/examples.ndjson", "--workspace", acme, "--format", "ndjson"],
        ["expr", "1 + 2"],
        ["plan", "--before", acme, "--after", acme],
        ["--help"],
        ["--version"],
    ]

    @Test("stdout on a full disk: a message on stderr and exit 2", arguments: commands)
    func fullDisk(_ arguments: [String]) throws {
        let run = try Bylaw.run(arguments, stdoutTo: .full)
        #expect(!run.crashed)
        #expect(run.status == 2)
        #expect(run.stderr.hasSuffix("bylaw: cannot write output: No space left on device\n"), "stderr: \(run.stderr.suffix(300))")
    }

    /// A stream whose every event is a `block` finding, long enough to fill the output buffer
    /// many times over.
    static func blockingStream() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let line = #"{"id":"e","kind":"prompt","user":"alice","org":"made-up","scope":"org"}"#
        let path = try directory.write(Data((Array(repeating: line, count: 20_000).joined(separator: "\n") + "\n").utf8), to: "s.ndjson")
        return (directory, path)
    }

    @Test("stdout to a closed pipe: eval stops quietly and keeps the findings' exit code", arguments: ["text", "ndjson"])
    func closedPipe(_ format: String) throws {
        let (directory, path) = try Self.blockingStream()
        defer { _ = directory }
        let run = try Bylaw.run(["eval", path, "--workspace", Self.acme, "--format", format], stdoutTo: .closedPipe)
        #expect(!run.crashed, "ended on signal \(run.status)")
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty, "stderr: \(run.stderr.prefix(300))")
    }

    @Test("bylaw eval … | head -1: one line, the exit code of block findings, nothing on stderr")
    func head() throws {
        let (directory, path) = try Self.blockingStream()
        defer { _ = directory }
        let run = try Bylaw.shell(
            #"set -o pipefail; "$BYLAW" eval '\#(path)' --workspace \#(Self.acme) --format ndjson 2>"\#(directory.file("err").path)" | head -1; echo "status ${PIPESTATUS[0]}""#)
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.hasPrefix(#"{"rule":"attribution/org-known""#) == true)
        #expect(lines.last == "status 1")
        #expect(try String(contentsOf: directory.file("err"), encoding: .utf8).isEmpty)
    }

    @Test("a closed pipe is quiet for the other commands too, with their own exit code")
    func closedPipeOtherCommands() throws {
        let lint = try Bylaw.run(["lint", "Examples/workspaces/violates-child-org-inherits-account.yaml"], stdoutTo: .closedPipe)
        #expect(lint.status == 1)
        #expect(lint.stderr.isEmpty)
        let handbook = try Bylaw.run(["handbook"], stdoutTo: .closedPipe)
        #expect(handbook.status == 0)
        #expect(handbook.stderr.isEmpty)
    }
}
