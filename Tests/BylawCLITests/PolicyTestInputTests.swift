import Foundation
import Testing

/// What a policy's tests may read: workspace paths stay inside the project, and inputs that are
/// not what they should be are errors at their place, without their contents.
@Suite("Policy test inputs and expr inputs")
struct PolicyTestInputTests {
    static func policy(workspace: String) -> String {
        """
        policy: p
        title: P
        rules:
          - id: r
            title: R
            on: usage
            forbid: event.user == "x"
        tests:
          - name: t
            workspace: \(workspace)
            event: {user: x}
            expect: [r]

        """
    }

    /// Runs `bylaw test` on a policy in a fresh folder (outside the working directory) whose
    /// parent holds `secret.txt`.
    static func runTest(workspace: String, prepare: (TemporaryDirectory) throws -> Void = { _ in }) throws -> BylawRun {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Data("SECRET_TOKEN=hunter2\n".utf8), to: "secret.txt")
        try FileManager.default.createDirectory(at: directory.file("policies"), withIntermediateDirectories: true)
        try prepare(directory)
        let path = try directory.write(Data(policy(workspace: workspace).utf8), to: "policies/p.yaml")
        return try Bylaw.run(["test", path])
    }

    @Test(
        "a workspace path that is absolute or leads outside is refused at the value, nothing read",
        arguments: ["/proc/self/environ", "/etc/hostname", "../secret.txt", "../../../../../../../../etc/hostname", "./../secret.txt"])
    func escapingPathsAreRefused(_ workspace: String) throws {
        let run = try Self.runTest(workspace: workspace)
        #expect(run.status == 2)
        #expect(run.stdout.contains("p.yaml:10:16: error: "), "\(run.stdout)")
        #expect(run.stdout.contains("[policy.invalid-test-input]"))
        #expect(!run.stdout.contains("hunter2"))
        #expect(!run.stdout.contains("PATH="))
    }

    @Test("a symbolic link leading outside is refused")
    func symbolicLinksAreResolved() throws {
        let run = try Self.runTest(workspace: "link.yaml") { directory in
            try FileManager.default.createSymbolicLink(
                atPath: directory.file("policies/link.yaml").path, withDestinationPath: directory.file("secret.txt").path)
        }
        #expect(run.status == 2)
        #expect(run.stdout.contains("p.yaml:10:16: error: the test's workspace 'link.yaml' leads outside"), "\(run.stdout)")
        #expect(!run.stdout.contains("hunter2"))
    }

    @Test("a file inside that is not a workspace config is one error at the value, its contents not shown")
    func notAWorkspaceIsNotEchoed() throws {
        let run = try Self.runTest(workspace: "notes.txt") { directory in
            _ = try directory.write(Data("API_KEY=hunter2\n".utf8), to: "policies/notes.txt")
        }
        #expect(run.status == 2)
        #expect(run.stdout.contains("p.yaml:10:16: error: the test's workspace 'notes.txt' is not a workspace config"), "\(run.stdout)")
        #expect(!run.stdout.contains("hunter2"))
    }

    @Test("a workspace inside the policy's folder is read")
    func aWorkspaceInsideIsRead() throws {
        let run = try Self.runTest(workspace: "ws.yaml") { directory in
            let acme = try Data(contentsOf: Bylaw.packageRoot.appendingPathComponent("Examples/workspaces/acme.yaml"))
            _ = try directory.write(acme, to: "policies/ws.yaml")
        }
        #expect(run.status == 0, "\(run.stdout)")
        #expect(run.stdout.contains("1 passed, 0 failed"))
    }

    @Test("bylaw expr --event with two YAML documents is an error at the second")
    func exprEventWithTwoDocuments() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data("user: alice\n---\nuser: bob\n".utf8), to: "event.yaml")
        let run = try Bylaw.run(["expr", "event.user", "--event", path])
        #expect(run.status == 2)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.hasPrefix(path + ":3:1: error: "), "\(run.stderr)")
        #expect(run.stderr.contains("[input.document-count]"))
        let one = try directory.write(Data("user: alice\n".utf8), to: "one.yaml")
        #expect(try Bylaw.run(["expr", "event.user", "--event", one]).stdout == "\"alice\"\n")
    }
}
