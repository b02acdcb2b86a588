import Foundation
import Testing

@Suite("POST /v1/decide")
struct DecideTests {
    @Test("every event of the examples gets the decision and the findings bylaw eval gives it")
    func matchesEval() async throws {
        let reference = try EvalReference(stream: Fixtures.examples)
        let lines = try Fixtures.lines(Fixtures.examples)
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            var denied = 0
            for (index, line) in lines.enumerated() where !line.trimmingCharacters(in: .whitespaces).isEmpty {
                let reply = try await serve.client.request("POST", "/v1/decide", text: line)
                #expect(reply.status == 200, "line \(index + 1): \(reply)")
                let json = try reply.json()
                let findings = try #require(json["findings"] as? [[String: Any]])
                #expect(
                    EvalReference.comparable(findings) == EvalReference.comparable(reference.findings[index + 1] ?? []),
                    "line \(index + 1)")
                let denies = reference.denies(line: index + 1)
                #expect(json["decision"] as? String == (denies ? "deny" : "allow"), "line \(index + 1)")
                if denies { denied += 1 }
                #expect(json["revision"] as? String == serve.server.revision)
            }
            #expect(denied > 0, "the examples hold events to deny")
        }
    }

    @Test("the response has exactly decision_id, decision, findings and revision; ids differ")
    func shape() async throws {
        let event = try #require(try Fixtures.lines(Fixtures.examples).first)
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let first = try await serve.client.request("POST", "/v1/decide", text: event).json()
            let second = try await serve.client.request("POST", "/v1/decide", text: event).json()
            #expect(Set(first.keys) == ["decision_id", "decision", "findings", "revision"])
            let ids = [first["decision_id"] as? String, second["decision_id"] as? String]
            #expect(ids[0] != nil && ids[0] != ids[1])
        }
    }

    @Test("a pretty-printed event spanning lines is decided as its one-line form")
    func prettyPrinted() async throws {
        let line = try Fixtures.lines(Fixtures.examples)[9]
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8))
        let pretty = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted])
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let compact = try await serve.client.request("POST", "/v1/decide", text: line).json()
            let spread = try await serve.client.request("POST", "/v1/decide", body: Array(pretty)).json()
            #expect(String(decoding: pretty, as: UTF8.self).contains("\n"))
            #expect(spread["decision"] as? String == "deny")
            #expect(spread["decision"] as? String == compact["decision"] as? String)
            let findings = [compact, spread].map { EvalReference.comparable($0["findings"] as? [[String: Any]] ?? []) }
            #expect(findings[0] == findings[1])
        }
    }

    @Test("a malformed event is a 400 whose diagnostic points at its line and column in the body")
    func malformed() async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let reply = try await serve.client.request("POST", "/v1/decide", text: "{\n  \"kind\": \"upload\",\n  \"user\": 7\n}\n")
            #expect(reply.status == 400)
            let json = try reply.json()
            let error = try #require(json["error"] as? [String: Any])
            #expect(error["code"] as? String == "stream.wrong-type")
            let diagnostic = try #require((json["diagnostics"] as? [[String: Any]])?.first)
            let location = try #require(diagnostic["location"] as? [String: Any])
            #expect(location["file"] as? String == "<request>")
            #expect(location["line"] as? Int == 3)
            #expect(location["column"] as? Int == 11)
        }
    }

    @Test("bodies that are no event are refused with 400", arguments: [
        ("", "request.no-event"), ("   \n\t\n", "request.no-event"), ("[1, 2]", "stream.not-an-object"),
        ("{\"kind\": \"upload\"} {}", "stream.invalid-json"), ("{\"user\": \"\u{FFFF}\", \"user\": \"x\"}", "stream.duplicate-field"),
    ])
    func notAnEvent(body: String, code: String) async throws {
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let reply = try await serve.client.request("POST", "/v1/decide", text: body)
            #expect(reply.status == 400, "\(reply)")
            let error = try #require(try reply.json()["error"] as? [String: Any])
            #expect(error["code"] as? String == code)
        }
    }

    @Test("nesting past the scanner's limit is refused, as bylaw eval refuses it")
    func tooDeep() async throws {
        let deep = "{\"x\":" + String(repeating: "[", count: 200) + String(repeating: "]", count: 200) + "}"
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let reply = try await serve.client.request("POST", "/v1/decide", text: deep)
            #expect(reply.status == 400)
            let error = try #require(try reply.json()["error"] as? [String: Any])
            #expect(error["code"] as? String == "stream.too-deep")
        }
    }
}
