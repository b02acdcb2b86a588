import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Testing

@Suite("Stream evaluation")
struct StreamEvaluationTests {
    static let policy = """
        policy: p
        lists:
          client_data: [client, patient]
        rules:
          - id: no-client-data
            on: usage
            forbid: event.artifact.classification in client_data && event.destination.kind == "consumer-chat"
            message: "{event.user} sent {event.artifact.classification}"
          - id: known-user
            on: usage
            enforcement: warn
            require: workspace.user(event.user) != null
        """

    func run(_ stream: String, maxErrors: Int? = nil) throws -> (findings: [Finding], diagnostics: [Diagnostic], counts: StreamCounts) {
        let set = try #require(compilePolicy(Self.policy))
        let model = try #require(loadWorkspace(assignedWorkspace))
        var findings: [Finding] = []
        var diagnostics: [Diagnostic] = []
        var tally = RunTally()
        var attribution: Attribution? = nil
        let counts = try StreamEvaluator(rules: set.rules, workspace: WorkspaceGraph(model)).evaluate(
            UsageStreamReader(bytes: Array(stream.utf8), name: "s.ndjson"), streamPath: "s.ndjson", maxErrors: maxErrors, tally: &tally,
            attribution: &attribution, callbacks: .init(finding: { findings.append($0) }, diagnostic: { diagnostics.append($0) }))
        return (findings, diagnostics, counts)
    }

    @Test("findings carry the event's line and id; every line is accounted for")
    func accounting() throws {
        let stream = """
            {"id":"e1","user":"alice","artifact":{"classification":"client"},"destination":{"kind":"consumer-chat"}}

            {"id":"e2","user":"mallory"}
            {"id":"e3","user":
            {"id":"e4","user":"alice","tokens":{"in":"many"}}
            {"id":"e5","user":"alice"}
            """
        let (findings, diagnostics, counts) = try run(stream)
        #expect(findings.map { "\($0.rule.ruleID)@\($0.event?.line ?? 0)/\($0.event?.id ?? "")" } == ["no-client-data@1/e1", "known-user@3/e2"])
        #expect(findings.first?.message == "alice sent client")
        #expect(counts.lines == 6 && counts.events == 3 && counts.blank == 1 && counts.malformed == 2)
        #expect(counts.lines == counts.events + counts.blank + counts.malformed)
        #expect(diagnostics.map { $0.location?.line } == [4, 5])
        #expect(diagnostics.map(\.code) == [.streamInvalidJSON, .streamWrongType])
        #expect(diagnostics.allSatisfy { $0.path == "s.ndjson" })
    }

    @Test("--max-errors stops the run at the Nth malformed line")
    func maxErrors() throws {
        let (_, diagnostics, counts) = try run("x\ny\n{\"id\":\"ok\",\"user\":\"alice\"}\n", maxErrors: 1)
        #expect(diagnostics.count == 1)
        #expect(counts.stoppedEarly)
        #expect(counts.lines == 1)
    }
}

@Suite("Attribution")
struct AttributionTests {
    @Test("made-up org ids share one bucket past the cap, and every event is still counted")
    func unknownOrgsAreCapped() throws {
        let model = try #require(loadWorkspace(assignedWorkspace))
        let set = try #require(compilePolicy("policy: p\n"))
        let lines = (0..<(Attribution.maxUnknownOrgBuckets + 50)).map { #"{"id":"e\#($0)","org":"made-up-\#($0)","cost":{"amount":1,"currency":"USD"}}"# }
        var tally = RunTally()
        var attribution: Attribution? = Attribution()
        _ = try StreamEvaluator(rules: set.rules, workspace: WorkspaceGraph(model)).evaluate(
            UsageStreamReader(bytes: Array(lines.joined(separator: "\n").utf8), name: "s"), streamPath: "s", tally: &tally,
            attribution: &attribution, callbacks: .init(finding: { _ in }, diagnostic: { _ in }))
        let byOrg = try #require(attribution?.json["by_org"])
        guard case .object(let buckets) = byOrg else { Issue.record("by_org is not an object"); return }
        #expect(buckets.count == Attribution.maxUnknownOrgBuckets + 1)
        #expect(byOrg["unknown:(other ids)"]?["events"] == .int(50))
        let total = buckets.reduce(Int64(0)) { sum, bucket in
            if case .int(let events)? = bucket.1["events"] { return sum + events }
            return sum
        }
        #expect(total == Int64(lines.count))
    }
}
