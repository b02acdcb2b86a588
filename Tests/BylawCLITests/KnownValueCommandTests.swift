import Foundation
import Testing

/// Known values on the command line: `check` warns of a misspelt value at its line and column,
/// and of an id no workspace given with `--workspace` has; `test` and `lint` print the ids
/// their workspaces lack on stderr, as compile warnings.
@Suite("Known values and ids from the command line")
struct KnownValueCommandTests {
    static let acme = "Examples/workspaces/acme.yaml"

    static let policy = """
        policy: p
        title: Known values
        owner: a@example.com
        rules:
          - id: r
            on: usage
            forbid: event.artifact.classification == "clinet" && event.org == "us-legl"
        tests:
          - name: t
            workspace: acme.yaml
            event: {kind: upload, org: us, artifact: {classification: client}}
            expect: allow
        """

    @Test("check: the misspelt classification, then the org acme.yaml lacks; --strict fails on them")
    func check() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data(Self.policy.utf8), to: "p.yaml")
        let alone = try Bylaw.run(["check", path])
        #expect(alone.status == 0)
        #expect(alone.stdout.hasPrefix("\(path):7:46: warning: 'clinet' is not a data classification [policy.no-such-value]\n"))
        #expect(!alone.stdout.contains("policy.no-such-id"))
        let run = try Bylaw.run(["check", path, "--workspace", Self.acme])
        #expect(run.status == 0)
        #expect(run.stdout.contains("\(path):7:71: warning: no org has the id 'us-legl' in \(Self.acme) [policy.no-such-id]\n"))
        #expect(run.stdout.contains("= hint: did you mean 'us-legal'?"))
        #expect(run.stderr.hasSuffix("1 file, 1 rule compiled, 2 warnings\n"), "\(run.stderr)")
        #expect(try Bylaw.run(["check", path, "--workspace", Self.acme, "--strict"]).status == 1)
        let missing = try Bylaw.run(["check", path, "--workspace", "no-such.yaml"])
        #expect(missing.status == 2)
        #expect(missing.stdout.contains("no-such.yaml"))
    }

    @Test("test: the id its test workspace lacks, on stderr; the tests still pass")
    func test() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data(Self.policy.utf8), to: "p.yaml")
        _ = try directory.write(try Data(contentsOf: Bylaw.packageRoot.appendingPathComponent(Self.acme)), to: "acme.yaml")
        let run = try Bylaw.run(["test", path])
        #expect(run.stdout.contains("1 passed, 0 failed"), "\(run.stdout)\(run.stderr)")
        #expect(run.stderr.contains("\(path):7:71: warning: no org has the id 'us-legl' in the workspaces of this policy's tests [policy.no-such-id]"))
        #expect(!run.stdout.contains("no-such-id"))
    }

    @Test("test: a misspelt key in a test's event is an error at its line, exit 2")
    func testEventKey() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data(Self.policy.replacingOccurrences(of: "artifact: {", with: "artefact: {").utf8), to: "p.yaml")
        let run = try Bylaw.run(["test", path])
        #expect(run.status == 2)
        #expect(run.stderr.contains("\(path):11:36: error: unknown key 'artefact' in the test's event [policy.test-event-unknown-key]"))
        #expect(run.stderr.contains("= hint: did you mean 'artifact'?"))
    }
}
