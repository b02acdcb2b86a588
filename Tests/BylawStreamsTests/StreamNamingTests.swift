@testable import BylawStreams
import BylawReload
import Testing

@Suite("message ids, subjects and metrics")
struct StreamNamingTests {
    @Test("a finding's id names the input stream, its sequence, the rule and which of its findings")
    func findingIDs() {
        #expect(FindingMessageID.finding(stream: "USAGE", sequence: 42, rule: "client-data/no-client-data-in-consumer-chat", ordinal: 0)
            == "USAGE:42:client-data/no-client-data-in-consumer-chat:0")
        #expect(FindingMessageID.malformed(stream: "USAGE", sequence: 7) == "USAGE:7:malformed")
    }

    @Test("a line's id changes with its number and its bytes, and only with them")
    func lineIDs() {
        func id(_ text: String, line: Int) -> String {
            Array(text.utf8).withUnsafeBufferPointer { StreamPublisher.lineID(prefix: "usage.ndjson", line: line, bytes: $0) }
        }
        #expect(id("{\"id\":\"a\"}", line: 1) == id("{\"id\":\"a\"}", line: 1))
        #expect(id("{\"id\":\"a\"}", line: 1) != id("{\"id\":\"a\"}", line: 2))
        #expect(id("{\"id\":\"a\"}", line: 1) != id("{\"id\":\"b\"}", line: 1))
        #expect(id("{\"id\":\"a\"}", line: 1).hasPrefix("usage.ndjson:1:"))
    }

    @Test("subject filters", arguments: [
        ("usage.>", "usage.acme", true), ("usage.>", "usage", false), ("usage.*", "usage.acme", true), ("usage.*", "usage.acme.eu", false),
        ("usage.acme", "usage.acme", true), ("usage.acme", "usage.globex", false), (">", "anything.at.all", true),
        ("bylaw.findings.>", "bylaw.findings.block", true),
    ])
    func filters(filter: String, subject: String, covers: Bool) {
        #expect(SubjectFilter(filter).covers(subject) == covers)
    }

    @Test("a stream created for usage.acme takes every usage.* subject")
    func createdSubjects() {
        #expect(PublishConfiguration(servers: [], subject: "usage.acme").streamSubjects == ["usage.>"])
        #expect(PublishConfiguration(servers: [], subject: "usage").streamSubjects == ["usage"])
    }

    @Test("the metrics file carries the lag, the throughput and every count")
    func metrics() throws {
        var stats = MemberStats()
        stats.events = 90
        stats.malformed = 3
        stats.block = 12
        stats.lag = 1234
        let revision = try #require(try? PolicySources(policies: [BylawRunner.root.appendingPathComponent("Policies").path],
                                                       workspace: BylawRunner.root.appendingPathComponent("Examples/workspaces/acme.yaml").path)
            .load(trigger: "test").get())
        let text = MemberMetrics.exposition(stats, rate: 812.4, reloads: (2, 1, true), revision: revision)
        #expect(text.contains("bylaw_consume_lag_messages 1234\n"))
        #expect(text.contains("bylaw_consume_events_per_second 812\n"))
        #expect(text.contains("bylaw_consume_messages_total{outcome=\"malformed\"} 3\n"))
        #expect(text.contains("bylaw_consume_findings_total{enforcement=\"block\"} 12\n"))
        #expect(text.contains("bylaw_reload_failing 1\n"))
        #expect(text.contains("bylaw_reloads_total{result=\"failure\"} 1\n"))
    }
}
