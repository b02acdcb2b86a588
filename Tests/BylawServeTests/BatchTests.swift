import Foundation
import Testing

@Suite("POST /v1/decide/batch")
struct BatchTests {
    @Test("a batch answers each line as bylaw eval does, in order, and accounts for every line", arguments: [
        Fixtures.examples, Fixtures.broken,
    ])
    func matchesEval(stream: String) async throws {
        let reference = try EvalReference(stream: stream)
        let body = try Fixtures.bytes(stream)
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let reply = try await serve.client.request("POST", "/v1/decide/batch", body: body)
            #expect(reply.status == 200)
            #expect(reply.header("content-type") == "application/x-ndjson")
            try Self.check(try reply.lines(), against: reference, lineCount: Self.lineCount(body))
        }
    }

    @Test("a body arriving in small chunked pieces gives the same answer as in one piece")
    func pieces() async throws {
        let body = try Fixtures.bytes(Fixtures.broken) + Fixtures.bytes(Fixtures.examples)
        try await ServeHarness.with(Fixtures.configuration()) { serve in
            let whole = try await serve.client.request("POST", "/v1/decide/batch", body: body)
            var pieces: [[UInt8]] = [Array("POST /v1/decide/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)]
            var index = 0
            while index < body.count {
                let size = min(body.count - index, 1 + index % 97)
                pieces.append(Array("\(String(size, radix: 16))\r\n".utf8) + body[index..<index + size] + Array("\r\n".utf8))
                index += size
            }
            pieces.append(Array("0\r\n\r\n".utf8))
            let chunked = try Reply(try await serve.client.exchange(pieces))
            #expect(chunked.status == 200)
            let strip = { (reply: Reply) in
                reply.text.replacingOccurrences(of: #""decision_id":"[^"]*","#, with: "", options: .regularExpression)
            }
            #expect(strip(chunked) == strip(whole))
            #expect(try whole.lines().count > 10)
        }
    }

    @Test("a declared body past --max-batch-body is a 413; a chunked one ends with an error line")
    func limit() async throws {
        var configuration = Fixtures.configuration()
        configuration.limits.maxBatchBody = 1000
        let body = try Fixtures.bytes(Fixtures.examples)
        try await ServeHarness.with(configuration) { serve in
            let declared = try await serve.client.request("POST", "/v1/decide/batch", body: body)
            #expect(declared.status == 413)
            let head = Array("POST /v1/decide/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n".utf8)
            let chunk = Array("\(String(body.count, radix: 16))\r\n".utf8) + body + Array("\r\n0\r\n\r\n".utf8)
            let streamed = try Reply(try await serve.client.exchange([head, chunk]))
            let last = try #require(try streamed.lines().last)
            let error = try #require(last["error"] as? [String: Any])
            #expect(error["code"] as? String == "request.too-large")
        }
    }

    @Test("a line past --max-line is reported as too long and the batch goes on")
    func longLine() async throws {
        var configuration = Fixtures.configuration()
        configuration.limits.maxLineLength = 64
        let event = try #require(try Fixtures.lines(Fixtures.examples).first)
        let body = Array(("{\"id\":\"short\"}\n" + event + "\n{\"id\":\"after\"}\n").utf8)
        try await ServeHarness.with(configuration) { serve in
            let lines = try await serve.client.request("POST", "/v1/decide/batch", body: body).lines()
            #expect(lines.count == 4)
            let diagnostic = try #require(lines[1]["diagnostic"] as? [String: Any])
            #expect(diagnostic["code"] as? String == "stream.line-too-long")
            #expect(lines[2]["line"] as? Int == 3)
            let summary = try #require(lines[3]["summary"] as? [String: Any])
            let counts = try #require(summary["lines"] as? [String: Any])
            #expect(counts["read"] as? Int == 3 && counts["malformed"] as? Int == 1)
        }
    }

    /// The lines of a body as a stream reader counts them.
    static func lineCount(_ body: [UInt8]) -> Int {
        body.split(separator: 0x0A, omittingEmptySubsequences: false).count - (body.last == 0x0A ? 1 : 0)
    }

    /// Each decision line against the reference's findings, each malformed line against its
    /// diagnostic, and the summary against the line count.
    static func check(_ lines: [[String: Any]], against reference: EvalReference, lineCount: Int) throws {
        var seen: Set<Int> = []
        var previous = 0
        for line in lines.dropLast() {
            let number = try #require(line["line"] as? Int)
            #expect(number > previous, "lines come in order")
            previous = number
            seen.insert(number)
            if let diagnostic = line["diagnostic"] as? [String: Any] {
                let expected = try #require(reference.diagnostics[number], "line \(number) is malformed for eval too")
                #expect(diagnostic["code"] as? String == expected["code"] as? String)
                #expect(diagnostic["message"] as? String == expected["message"] as? String)
                let location = diagnostic["location"] as? [String: Any]
                let expectedLocation = expected["location"] as? [String: Any]
                #expect(location?["line"] as? Int == expectedLocation?["line"] as? Int)
                #expect(location?["column"] as? Int == expectedLocation?["column"] as? Int)
            } else {
                let findings = try #require(line["findings"] as? [[String: Any]])
                #expect(EvalReference.comparable(findings) == EvalReference.comparable(reference.findings[number] ?? []), "line \(number)")
                #expect(line["decision"] as? String == (reference.denies(line: number) ? "deny" : "allow"), "line \(number)")
            }
        }
        #expect(Set(reference.diagnostics.keys).isSubset(of: seen))
        #expect(Set(reference.findings.keys).isSubset(of: seen))
        let summary = try #require(lines.last?["summary"] as? [String: Any])
        let counts = try #require(summary["lines"] as? [String: Any])
        #expect(counts["read"] as? Int == lineCount)
        let accounted = ["evaluated", "blank", "malformed"].compactMap { counts[$0] as? Int }.reduce(0, +)
        #expect(accounted == lineCount)
        #expect(counts["malformed"] as? Int == reference.diagnostics.count)
    }
}
