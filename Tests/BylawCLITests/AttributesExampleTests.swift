import Foundation
import Testing

/// Examples/attributes: attributes of one's own as labels, read with `label()`.
@Suite("Example: modelling your own attributes")
struct AttributesExampleTests {
    static let policies = "Examples/attributes/policies"
    static let workspace = "Examples/attributes/workspace.yaml"

    @Test("the policy compiles and its tests pass, users without labels and unknown users included")
    func tests() throws {
        let check = try Bylaw.run(["check", Self.policies])
        #expect(check.status == 0, "\(check.stderr)")
        let run = try Bylaw.run(["test", Self.policies])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("8 passed, 0 failed\n"), "\(run.stdout)")
    }

    @Test("the workspace as configured is clean")
    func lint() throws {
        let run = try Bylaw.run(["lint", Self.workspace, "--policies", Self.policies])
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
    }

    @Test("the usage stream: the contractor's upload is blocked, the upload across regions warned")
    func eval() throws {
        let run = try Bylaw.run(["eval", "Examples/attributes/usage.ndjson", "--policies", Self.policies, "--workspace", Self.workspace])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty, "\(run.stderr)")
        try ExpectedOutput.expect(run.stdout, matches: "eval/attributes.txt")
    }
}
