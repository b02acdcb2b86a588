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
            let folder = try ScratchFolder()
            let output = folder.url.appendingPathComponent("output")
            try Data().write(to: output)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [Fixtures.path("Examples/serve/walkthrough.sh")]
            process.environment = ServeProcess.environment(["BYLAW": ServeProcess.binary.path, "TMPDIR": folder.url.path])
            let handle = try FileHandle(forWritingTo: output)
            process.standardOutput = handle
            process.standardError = handle
            try process.run()
            let start = ContinuousClock.now
            while process.isRunning, ContinuousClock.now - start < .seconds(120) { try await Task.sleep(for: .milliseconds(50)) }
            if process.isRunning { process.terminate() }
            let text = try String(contentsOf: output, encoding: .utf8)
            #expect(process.terminationStatus == 0, "\(text)")
            for step in ["== 1.", "== 4.", "== 6.", "\"decision\":\"deny\"", "cel.undefined-field", "exit code 0"] {
                #expect(text.contains(step), "missing «\(step)» in:\n\(text)")
            }
        }
    }
}
