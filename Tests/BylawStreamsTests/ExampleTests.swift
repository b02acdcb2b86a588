import Foundation
import Testing

@Suite("Examples/streams", .enabled(if: StreamFixtures.runs, "nats-server is not installed"))
struct ExampleTests {
    @Test("the walkthrough runs start to end: publish twice, two members, one killed, the findings equal eval's")
    func walkthrough() async throws {
        try #require(NATSServer.executable != nil, "nats-server is needed to run Examples/streams/walkthrough.sh")
        let folder = try ScratchFolder()
        let output = folder.url.appendingPathComponent("output")
        try Data().write(to: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [BylawRunner.root.appendingPathComponent("Examples/streams/walkthrough.sh").path]
        var environment = BylawRunner.environment(["BYLAW": BylawRunner.binary.path, "TMPDIR": folder.url.path])
        if let executable = NATSServer.executable {
            environment["PATH"] = URL(fileURLWithPath: executable).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        }
        process.environment = environment
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let start = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - start < .seconds(120) { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        let text = try String(contentsOf: output, encoding: .utf8)
        #expect(process.terminationStatus == 0, "\(text)")
        for step in ["== 1.", "== 4.", "== 6.", " 0 stored", "identical: none missing, none doubled"] {
            #expect(text.contains(step), "missing «\(step)» in:\n\(text)")
        }
    }
}
