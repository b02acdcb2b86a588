import BylawTestSupport
import Foundation
import Testing

@Suite("Examples/serve")
struct ExampleTests {
    /// Whether curl is on the PATH; on CI its absence fails the test instead of skipping it.
    static let curl = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .contains { FileManager.default.isExecutableFile(atPath: "\($0)/curl") }
    static let runs = curl || ProcessInfo.processInfo.environment["CI"] == "true"

    @Test("the walkthrough runs start to end: allow, deny, a failed reload that keeps serving, the fix, a clean stop",
          .enabled(if: runs, "curl is not installed"))
    func walkthrough() async throws {
        try await onTestThreads {
            try #require(Self.curl, "curl is needed to run Examples/serve/walkthrough.sh")
            let (status, text) = try await BylawTestProcess.runScript(
                URL(fileURLWithPath: Fixtures.path("Examples/serve/walkthrough.sh")), environment: ServeProcess.environment(["BYLAW": ServeProcess.binary.path]))
            #expect(status == 0, "\(text)")
            for step in ["== 1.", "== 4.", "== 6.", "\"decision\":\"deny\"", "cel.undefined-field", "exit code 0"] {
                #expect(text.contains(step), "missing «\(step)» in:\n\(text)")
            }
        }
    }
}
