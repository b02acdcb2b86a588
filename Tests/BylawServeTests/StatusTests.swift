import Foundation
import Testing

@Suite("Status, health and metrics")
struct StatusTests {
    @Test("health answers live and ready while a revision serves")
    func health() async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let live = try await serve.client.request("GET", "/health/live")
            #expect(live.status == 200)
            let ready = try await serve.client.request("GET", "/health/ready")
            #expect(ready.status == 200)
            #expect(try ready.json()["revision"] as? String == serve.server.revision)
        }
    }

    @Test("the status names the revision, the policies with their rule counts and the workspace")
    func status() async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let json = try await serve.client.request("GET", "/v1/status").json()
            #expect(json["ready"] as? Bool == true)
            #expect((json["revision"] as? String)?.count == 16)
            let policies = try #require(json["policies"] as? [String: Any])
            let list = try #require(policies["policies"] as? [[String: Any]])
            #expect(list.contains { $0["id"] as? String == "client-data" })
            let rules = try #require(policies["rules"] as? [String: Int])
            #expect(rules["usage", default: 0] > 0 && rules["workspace", default: 0] > 0)
            #expect(list.compactMap { $0["rules"] as? Int }.reduce(0, +) == rules.values.reduce(0, +))
            #expect((json["workspace"] as? [String: Any])?["id"] as? String == "acme")
            #expect(json["today"] as? String == "2026-11-22")
        }
    }

    @Test("the metrics count decisions by decision, findings by rule and enforcement, latency and errors")
    func metrics() async throws {
        let lines = try Fixtures.lines(Fixtures.examples)
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            _ = try await serve.client.request("POST", "/v1/decide", text: lines[0])
            _ = try await serve.client.request("POST", "/v1/decide", text: lines[9])
            _ = try await serve.client.request("POST", "/v1/decide", text: "nope")
            let reply = try await serve.client.request("GET", "/metrics")
            #expect(reply.header("content-type")?.hasPrefix("text/plain") == true)
            let text = reply.text
            #expect(text.contains(#"bylaw_decisions_total{decision="allow"} 1"#))
            #expect(text.contains(#"bylaw_decisions_total{decision="deny"} 1"#))
            #expect(text.contains(#"bylaw_findings_total{rule="client-data/no-client-data-in-consumer-chat",enforcement="block",kind="violation"} 1"#))
            #expect(text.contains(#"bylaw_request_duration_seconds_count{route="/v1/decide"} 2"#))
            #expect(text.contains(#"bylaw_request_errors_total{route="/v1/decide",status="400"} 1"#))
            #expect(text.contains(#"bylaw_reloads_total{result="failure"} 0"#))
        }
    }
}
