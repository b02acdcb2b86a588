import Foundation
import Testing

/// `bylaw check --format junit|github`: policy edits annotated in CI.
@Suite("bylaw check formats")
struct CheckFormatTests {
    static let broken = """
        policy: demo
        title: Demo
        rules:
          - id: no-share
            title: No shares
            on: usage
            forbid: event.kidn == "share"
            message: "shared"

        """

    @Test("github: an annotation on the broken line of the policy, then the counts; exit 2")
    func github() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(Data(Self.broken.utf8), to: "demo.yaml")
        let run = try Bylaw.run(["check", path, "--format", "github"])
        #expect(run.status == 2)
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::error file=\(path.replacingOccurrences(of: ":", with: "%3A")),line=7,col="))
        #expect(lines[0].contains("title=cel.undefined-field::"))
        #expect(lines.last == "bylaw: 1 error, 0 warnings")
    }

    @Test("junit: one case per policy file; the broken one fails with its diagnostic")
    func junit() throws {
        let directory = try TemporaryDirectory()
        _ = try directory.write(Data(Self.broken.utf8), to: "a-broken.yaml")
        let good = try String(contentsOf: Bylaw.packageRoot.appendingPathComponent("Policies/offboarding.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "../Examples/workspaces/acme.yaml", with: Bylaw.packageRoot.path + "/Examples/workspaces/acme.yaml")
        _ = try directory.write(Data(good.utf8), to: "b-good.yaml")
        let run = try Bylaw.run(["check", directory.url.path, "--format", "junit"])
        #expect(run.status == 2)
        #expect(run.stdout.contains("<testsuites name=\"bylaw\" tests=\"2\" failures=\"1\" errors=\"0\""))
        #expect(run.stdout.contains("<testcase name=\"\(directory.url.path)/a-broken.yaml\" classname=\"check\" time=\"0\">\n      <failure message=\"undefined field"))
        #expect(run.stdout.contains("<testcase name=\"\(directory.url.path)/b-good.yaml\" classname=\"check\" time=\"0\"/>"))
    }

    @Test("the shipped policies: a passing case per file in junit, no annotation in github")
    func shipped() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Bylaw.packageRoot.appendingPathComponent("Policies").path)
            .filter { $0.hasSuffix(".yaml") }
        let junit = try Bylaw.run(["check", "--format", "junit"])
        #expect(junit.status == 0)
        #expect(junit.stdout.contains("tests=\"\(files.count)\" failures=\"0\""))
        let github = try Bylaw.run(["check", "--format", "github"])
        #expect(github.status == 0)
        #expect(github.stdout == "bylaw: 0 errors, 0 warnings\n")
    }
}
