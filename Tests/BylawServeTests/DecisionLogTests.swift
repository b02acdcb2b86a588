@testable import BylawServe
import BylawTestSupport
import Foundation
import Testing

@Suite("Decision log")
struct DecisionLogTests {
    static func logLines(_ path: String) throws -> [[String: Any]] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    @Test("one line per decision, written out by shutdown, with masked fields masked everywhere")
    func masked() async throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        var configuration = Fixtures.configuration()
        var settings = DecisionLogSettings(path: folder.path("decisions.ndjson"))
        settings.masks = [try #require(EventMask("event.user")), try #require(EventMask("event.artifact.classification"))]
        configuration.decisionLog = settings
        let lines = try Fixtures.lines(Fixtures.examples)
        let ids = try await ServeHarness.with(configuration) { serve in
            var ids: [String] = []
            for line in [lines[0], lines[9]] {
                ids.append(try #require(try await serve.client.request("POST", "/v1/decide", text: line).json()["decision_id"] as? String))
            }
            let batch = try await serve.client.request("POST", "/v1/decide/batch", text: lines[10] + "\n")
            ids.append(try #require(try batch.lines().first?["decision_id"] as? String))
            return ids
        }
        let logged = try Self.logLines(folder.path("decisions.ndjson"))
        #expect(logged.compactMap { $0["decision_id"] as? String } == ids)
        #expect(logged.map { $0["decision"] as? String } == ["allow", "deny", "deny"])
        #expect(logged.map { $0["event_id"] as? String } == ["evt-0001", "evt-0010", "evt-0011"])
        for record in logged {
            #expect(Set(record.keys) == ["decision_id", "time", "revision", "event_id", "decision", "findings", "event"])
            let event = try #require(record["event"] as? [String: Any])
            #expect(event["user"] as? String == "[masked]")
        }
        let text = try String(contentsOfFile: folder.path("decisions.ndjson"), encoding: .utf8)
        #expect(!text.contains("alice") && !text.contains("carol"), "masked users appear nowhere, messages included")
        #expect(!text.contains("\"client\"") && !text.contains("patient"))
        #expect(text.contains("chat-free"), "what is not masked stays")
    }

    @Test("--drop-allows leaves allows out")
    func dropAllows() async throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        var configuration = Fixtures.configuration()
        var settings = DecisionLogSettings(path: folder.path("decisions.ndjson"))
        settings.dropAllows = true
        configuration.decisionLog = settings
        try await ServeHarness.with(configuration) { serve in
            _ = try await serve.client.request("POST", "/v1/decide/batch", body: try Fixtures.bytes(Fixtures.examples))
        }
        let logged = try Self.logLines(folder.path("decisions.ndjson"))
        let reference = try EvalReference(stream: Fixtures.examples)
        #expect(logged.count == reference.findings.keys.filter { reference.denies(line: $0) }.count)
        #expect(logged.allSatisfy { $0["decision"] as? String == "deny" })
    }

    @Test("a full disk is counted and shown in the status; decisions go on")
    func fullDisk() async throws {
        var configuration = Fixtures.configuration()
        configuration.decisionLog = DecisionLogSettings(path: "/dev/full")
        let event = try Fixtures.lines(Fixtures.examples)[0]
        try await ServeHarness.with(configuration) { serve in
            for _ in 0..<3 { #expect(try await serve.client.request("POST", "/v1/decide", text: event).status == 200) }
            try await ReloadTests.waitFor(serve) { status in
                ((status["decision_log"] as? [String: Any])?["write_errors"] as? Int ?? 0) > 0
            }
            let log = try #require(try await serve.client.request("GET", "/v1/status").json()["decision_log"] as? [String: Any])
            #expect((log["last_error"] as? String)?.contains("No space left") == true)
            #expect(try await serve.client.request("GET", "/metrics").text.contains("bylaw_decision_log_write_errors_total"))
        }
    }

    @Test("a sink that takes nothing: records are dropped and counted, requests stay fast, shutdown still ends")
    func stalledSink() async throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        let fifo = folder.path("fifo")
        #expect(mkfifo(fifo, 0o600) == 0)
        // A reader that never reads: the writer's end opens, then fills up.
        let reader = open(fifo, O_RDONLY | O_NONBLOCK)
        #expect(reader >= 0)
        defer { close(reader) }
        var configuration = Fixtures.configuration()
        var settings = DecisionLogSettings(path: fifo)
        settings.bufferBytes = 64 << 10
        configuration.decisionLog = settings
        let body = try Fixtures.bytes(Fixtures.examples)
        let batch = Array(repeating: body, count: 40).flatMap { $0 }
        let start = ContinuousClock.now
        try await ServeHarness.with(configuration) { serve in
            for _ in 0..<5 { #expect(try await serve.client.request("POST", "/v1/decide/batch", body: batch).status == 200) }
            let log = try #require(try await serve.client.request("GET", "/v1/status").json()["decision_log"] as? [String: Any])
            #expect((log["dropped"] as? Int ?? 0) > 0)
        }
        #expect(ContinuousClock.now - start < .seconds(180), "a sink that takes nothing must not stall requests or shutdown")
    }

    @Test("the masker rewrites nested fields, leaves arrays and other keys alone, and compacts")
    func masker() throws {
        let masker = EventMasker(masks: [try #require(EventMask("event.a.b")), try #require(EventMask("event.user"))])
        let input = "{ \"user\" : \"bo\\u0062\", \"a\": {\"b\": {\"deep\": [1, 2]}, \"c\": \"keep\"}, \"list\": [{\"user\": \"x\"}], \"n\": -1.5e3 }"
        let rewritten = try #require(masker.rewrite(Array(input.utf8)))
        #expect(String(decoding: rewritten.json, as: UTF8.self)
            == #"{"user":"[masked]","a":{"b":"[masked]","c":"keep"},"list":[{"user":"x"}],"n":-1.5e3}"#)
        #expect(rewritten.maskedStrings == ["bob"])
        #expect(EventMask("user") == nil && EventMask("event.") == nil && EventMask("event.a..b") == nil)
        #expect(DecisionLogEncoder.replacing("bob", in: "bob sent bobby's file") == "[masked] sent [masked]by's file")
    }
}
