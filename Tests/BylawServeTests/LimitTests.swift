import Foundation
import Testing

@Suite("Limits and bad requests")
struct LimitTests {
    @Test("a body past --max-body is a 413, declared or not, and the connection closes")
    func tooLarge() async throws {
        var configuration = Fixtures.configuration()
        configuration.limits.maxBody = 512
        let big = Array(repeating: UInt8(ascii: " "), count: 600)
        try await ServeHarness.with(configuration) { serve in
            let declared = try await serve.client.request("POST", "/v1/decide", body: big)
            #expect(declared.status == 413)
            #expect(declared.header("connection") == "close")
            let head = Array("POST /v1/lint HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            let chunk = Array("258\r\n".utf8) + big + Array("\r\n0\r\n\r\n".utf8)
            let streamed = try Reply(try await serve.client.exchange([head, chunk]))
            #expect(streamed.status == 413)
            #expect((try streamed.json()["error"] as? [String: Any])?["code"] as? String == "request.too-large")
        }
    }

    @Test("a request whose body stops coming gets a 408 at the deadline, not a hang")
    func timeout() async throws {
        var configuration = Fixtures.configuration()
        configuration.limits.requestTimeout = .seconds(1)
        try await ServeHarness.with(configuration) { serve in
            let start = ContinuousClock.now
            let head = Array("POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"kind\"".utf8)
            let reply = try Reply(try await serve.client.exchange([head]))
            #expect(reply.status == 408)
            #expect(ContinuousClock.now - start < .seconds(10))
            // The server still answers others.
            #expect(try await serve.client.request("GET", "/health/live").status == 200)
        }
    }

    @Test("on a keep-alive connection, each request has its own deadline from its own start")
    func deadlinePerRequest() async throws {
        var configuration = Fixtures.configuration()
        configuration.limits.requestTimeout = .seconds(1)
        let event = try Fixtures.lines(Fixtures.examples)[0]
        try await ServeHarness.with(configuration) { serve in
            let first = Array("POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Length: \(event.utf8.count)\r\n\r\n\(event)".utf8)
            let second = Array("POST /v1/decide HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{".utf8)
            let start = ContinuousClock.now
            let answer = String(decoding: try await serve.client.exchange([first, second], pause: .milliseconds(600)), as: UTF8.self)
            let took = ContinuousClock.now - start
            #expect(answer.hasPrefix("HTTP/1.1 200"))
            #expect(answer.contains("HTTP/1.1 408"))
            // The second request started 0.6 s in: its deadline is 1 s after that, not the first's.
            #expect(took > .milliseconds(1400), "\(took)")
        }
    }

    @Test("Expect: 100-continue gets 100 Continue, then the answer; past the limit, only the 413")
    func expectContinue() async throws {
        var configuration = Fixtures.configuration()
        configuration.limits.maxBody = 4096
        let event = try Fixtures.lines(Fixtures.examples)[0]
        try await ServeHarness.with(configuration) { serve in
            let head = "POST /v1/decide HTTP/1.1\r\nHost: x\r\nConnection: close\r\nExpect: 100-continue\r\n"
            let asked = Array((head + "Content-Length: \(event.utf8.count)\r\n\r\n").utf8)
            let answer = String(decoding: try await serve.client.exchange([asked, Array(event.utf8)], pause: .milliseconds(100)), as: UTF8.self)
            #expect(answer.hasPrefix("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"), "\(answer.prefix(80))")
            let refused = String(decoding: try await serve.client.exchange([Array((head + "Content-Length: 5000\r\n\r\n").utf8)]), as: UTF8.self)
            #expect(refused.hasPrefix("HTTP/1.1 413"), "\(refused.prefix(80))")
        }
    }

    @Test("unknown paths are 404 and known paths with another method are 405 with Allow, both in JSON")
    func routing() async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let missing = try await serve.client.request("GET", "/v2/decide")
            #expect(missing.status == 404)
            #expect((try missing.json()["error"] as? [String: Any])?["code"] as? String == "request.not-found")
            let wrong = try await serve.client.request("GET", "/v1/decide")
            #expect(wrong.status == 405)
            #expect(wrong.header("allow") == "POST")
            #expect(try await serve.client.request("DELETE", "/metrics").status == 405)
        }
    }

    @Test("garbage instead of HTTP gets a 400 and a closed connection; the server goes on", arguments: [
        "NOT HTTP AT ALL\r\n\r\n", "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n", "POST /v1/decide HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 9\r\n\r\nabc",
        "GET /health/live HTTP/1.1\r\nX: " + String(repeating: "y", count: 100_000) + "\r\n\r\n",
    ])
    func garbage(request: String) async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let answer = String(decoding: try await serve.client.exchange([Array(request.utf8)]), as: UTF8.self)
            #expect(answer.isEmpty || answer.hasPrefix("HTTP/1.1 4"), "\(answer.prefix(80))")
            #expect(try await serve.client.request("GET", "/health/live").status == 200)
        }
    }

    @Test("many concurrent decisions all get answers, none lost or mixed up")
    func concurrent() async throws {
        let lines = try Fixtures.lines(Fixtures.examples).enumerated().filter { !$0.element.isEmpty }.map { ($0.offset + 1, $0.element) }
        let reference = try EvalReference(stream: Fixtures.examples)
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                for round in 0..<64 {
                    let (number, event) = lines[round % lines.count]
                    group.addTask {
                        let json = try await serve.client.request("POST", "/v1/decide", text: event).json()
                        return (number, json["decision"] as? String)
                    }
                }
                for try await (number, decision) in group {
                    #expect(decision == (reference.denies(line: number) ? "deny" : "allow"), "line \(number)")
                }
            }
        }
    }
}
