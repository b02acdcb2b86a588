import Foundation
import Testing

/// An evaluation error is a value carrying the policy position that failed: SARIF places the
/// result there, with the input it failed on as a related location.
@Suite("Evaluation errors point at the policy")
struct EvaluationErrorPlacementTests {
    static let policy = """
        policy: labels
        rules:
          - id: employment
            title: Contractors do not upload
            on: usage
            enforcement: block
            forbid: workspace.user(event.user).labels["employment"] == "contractor"
        """

    @Test("eval --format sarif: the result is at the policy's line and column, the stream line beside it")
    func sarifPlacesTheErrorInThePolicy() throws {
        let directory = try TemporaryDirectory()
        let policy = try directory.write(Data(Self.policy.utf8), to: "labels.yaml")
        let stream = try directory.write(BudgetCommandTests.firstEvent(), to: "events.ndjson")
        let run = try Bylaw.run(["eval", stream, "--policies", policy, "--workspace", BudgetCommandTests.acme, "--format", "sarif"])
        #expect(run.status == 1, "\(run.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let results = try #require(((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
        let result = try #require(results.first { ($0["properties"] as? [String: Any])?["kind"] as? String == "evaluation-error" })
        let physical = try #require(((result["locations"] as? [[String: Any]])?.first?["physicalLocation"]) as? [String: Any])
        #expect(((physical["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasSuffix("labels.yaml") == true)
        let region = try #require(physical["region"] as? [String: Any])
        #expect(region["startLine"] as? Int == 7)
        // The failing expression: the condition after `forbid: `.
        #expect(region["startColumn"] as? Int == 13)
        let related = try #require((result["relatedLocations"] as? [[String: Any]])?.first)
        let relatedPhysical = try #require(related["physicalLocation"] as? [String: Any])
        #expect(((relatedPhysical["artifactLocation"] as? [String: Any])?["uri"] as? String)?.hasSuffix("events.ndjson") == true)
        #expect((relatedPhysical["region"] as? [String: Any])?["startLine"] as? Int == 1)
    }
}
