import BylawTestSupport
import Foundation
import Testing

@Suite("Examples/streams", .enabled(if: StreamFixtures.runs, "nats-server is not installed"))
struct ExampleTests {
    @Test("the walkthrough runs start to end: publish twice, two members, one killed, the findings equal eval's")
    func walkthrough() async throws {
        try #require(NATSServer.executable != nil, "nats-server is needed to run Examples/streams/walkthrough.sh")
        var environment = BylawRunner.environment(["BYLAW": BylawRunner.binary.path])
        if let executable = NATSServer.executable {
            environment["PATH"] = URL(fileURLWithPath: executable).deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        }
        let (status, text) = try await BylawTestProcess.runScript(
            BylawRunner.root.appendingPathComponent("Examples/streams/walkthrough.sh"), environment: environment)
        #expect(status == 0, "\(text)")
        for step in ["== 1.", "== 4.", "== 6.", " 0 stored", "identical: none missing, none doubled"] {
            #expect(text.contains(step), "missing «\(step)» in:\n\(text)")
        }
    }
}
