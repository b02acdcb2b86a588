import BylawServe
import Foundation
import Testing

@Suite("--fail closed and open")
struct FailModeTests {
    /// A policy whose `block` rule cannot be evaluated on any event (it exceeds its budget).
    static let bomb = Fixtures.path("Examples/hostile/runtime-bomb")

    @Test("an evaluation error in a block rule denies when closed, not when open; the finding comes back either way",
          arguments: [FailMode.closed, .open])
    func evaluationError(mode: FailMode) async throws {
        var configuration = Fixtures.configuration(policies: Self.bomb)
        configuration.failMode = mode
        let event = try Fixtures.lines(Fixtures.examples)[0]
        try await ServeHarness.with(configuration) { serve in
            let json = try await serve.client.request("POST", "/v1/decide", text: event).json()
            #expect(json["decision"] as? String == (mode == .closed ? "deny" : "allow"))
            let finding = try #require((json["findings"] as? [[String: Any]])?.first)
            #expect(finding["kind"] as? String == "evaluation-error")
            #expect(finding["enforcement"] as? String == "block")
            let status = try await serve.client.request("GET", "/v1/status").json()
            #expect(status["fail_mode"] as? String == mode.rawValue)
        }
    }
}
