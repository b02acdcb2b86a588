import Foundation
import Testing

@Suite("Examples/studio")
struct StudioExampleTests {
    @Test("safety.sh: without the token, from another origin, outside the folder, every request is refused and nothing is written")
    func safety() throws {
        let script = StudioFixture.root.appendingPathComponent("Examples/studio/safety.sh").path
        let result = try StudioJourneyTests.run("/bin/bash", [script], timeout: .seconds(120), environment: ["BYLAW": StudioProcess.binary.path])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains("ok   403 a save to ../outside.yaml"), "\(result.output)")
        #expect(!result.output.contains("FAIL"), "\(result.output)")
    }
}
