import BylawServe
import BylawSource
import BylawTestSupport
import Foundation
import Testing

@Suite("Tokens and TLS")
struct AccessTests {
    static let decide = "decide-token-0123456789"
    static let admin = "admin-token-9876543210ab"

    static func configuration(_ folder: ScratchFolder) throws -> ServeConfiguration {
        try folder.write("tokens", "# who may ask\ndecide \(decide)\n\nadmin \(admin)\n")
        var configuration = Fixtures.configuration()
        configuration.tokenFile = folder.path("tokens")
        return configuration
    }

    @Test("with a token file, each route answers the tokens it should and refuses the others")
    func roles() async throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        let event = try #require(try Fixtures.lines(Fixtures.examples).first)
        try await ServeHarness.with(try Self.configuration(folder)) { serve in
            let client = serve.client
            #expect(try await client.request("POST", "/v1/decide", text: event).status == 401)
            #expect(try await client.request("POST", "/v1/decide", text: event, token: "not-a-token-at-all-x").status == 401)
            #expect(try await client.request("POST", "/v1/decide", text: event, token: Self.decide).status == 200)
            #expect(try await client.request("POST", "/v1/decide", text: event, token: Self.admin).status == 200)
            #expect(try await client.request("POST", "/v1/reload", token: Self.decide).status == 403)
            #expect(try await client.request("POST", "/v1/reload", token: Self.admin).status == 200)
            #expect(try await client.request("GET", "/metrics", token: Self.decide).status == 403)
            #expect(try await client.request("GET", "/metrics", token: Self.admin).status == 200)
            #expect(try await client.request("GET", "/health/live").status == 200)
            #expect(try await client.request("GET", "/health/ready").status == 200)
            let refused = try await client.request("POST", "/v1/lint", text: "{}")
            #expect(refused.header("www-authenticate")?.hasPrefix("Bearer") == true)
            #expect((try refused.json()["error"] as? [String: Any])?["code"] as? String == "request.unauthorized")
        }
    }

    @Test("the status gives a decide token its summary and an admin token its details")
    func statusDetails() async throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        try await ServeHarness.with(try Self.configuration(folder)) { serve in
            let summary = try await serve.client.request("GET", "/v1/status", token: Self.decide).json()
            #expect(summary["revision"] as? String == serve.server.revision)
            #expect(summary["policies"] == nil && summary["reloads"] == nil)
            let details = try await serve.client.request("GET", "/v1/status", token: Self.admin).json()
            #expect(details["policies"] != nil && details["reloads"] != nil && details["workspace"] != nil)
        }
    }

    @Test("a token file with a short token, an unknown role or no token at all is refused at its line")
    func badTokenFile() throws {
        let file = SourceFile(path: "tokens", text: "decide short\nreader 0123456789abcdef0123\nadmin\n")
        let (tokens, diagnostics) = AccessTokens.parse(file)
        #expect(tokens == nil)
        #expect(diagnostics.map { $0.span?.start.line } == [1, 2, 3])
        #expect(AccessTokens.parse(SourceFile(path: "empty", text: "# nothing\n")).tokens == nil)
    }

    @Test("a token is matched whole: a prefix, a longer string or another scheme is no token")
    func matching() {
        let tokens = AccessTokens(decide: [Self.decide], admin: [Self.admin])
        #expect(tokens.role(authorization: "Bearer \(Self.decide)") == .decide)
        #expect(tokens.role(authorization: "bearer \(Self.admin)") == .admin)
        #expect(tokens.role(authorization: "Bearer \(Self.decide.dropLast())") == nil)
        #expect(tokens.role(authorization: "Bearer \(Self.decide)x") == nil)
        #expect(tokens.role(authorization: "Basic \(Self.decide)") == nil)
        #expect(tokens.role(authorization: nil) == nil)
    }

    #if canImport(NIOSSL)
    @Test("TLS with a generated certificate: HTTPS answers, plain HTTP on the same port gets nothing", .enabled(if: TestTLS.runs, "openssl is not installed"))
    func tls() async throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        let tls = try TestTLS.make(in: folder)
        var configuration = Fixtures.configuration()
        configuration.tls = tls.files
        let event = try #require(try Fixtures.lines(Fixtures.examples).dropFirst(9).first)
        try await ServeHarness.with(configuration, tls: tls) { serve in
            let reply = try await serve.client.request("POST", "/v1/decide", text: event)
            #expect(reply.status == 200)
            #expect(try reply.json()["decision"] as? String == "deny")
            let plain = TestClient(port: serve.port)
            let answer = try? await plain.exchange([Array("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".utf8)])
            #expect(answer.map { String(decoding: $0, as: UTF8.self).hasPrefix("HTTP/1.1 200") } != true)
        }
    }

    @Test("TLS files that do not fit stop the server before it listens", .enabled(if: TestTLS.runs, "openssl is not installed"))
    func badTLSFiles() throws {
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        let tls = try TestTLS.make(in: folder)
        try folder.write("not-a-key.pem", "-----BEGIN PRIVATE KEY-----\nnope\n-----END PRIVATE KEY-----\n")
        var configuration = Fixtures.configuration()
        configuration.tls = TLSFiles(certificate: tls.files.certificate, key: folder.path("not-a-key.pem"))
        guard case .failure(let failure) = BylawServer.prepare(configuration, logger: .init(label: "test")) else {
            Issue.record("a broken key was accepted")
            return
        }
        #expect(failure.diagnostics.first?.code == .serveTLS)
        configuration.tls = TLSFiles(certificate: folder.path("missing.pem"), key: tls.files.key)
        guard case .failure(let missing) = BylawServer.prepare(configuration, logger: .init(label: "test")) else {
            Issue.record("a missing certificate was accepted")
            return
        }
        #expect(missing.diagnostics.first?.code == .inputUnreadable)
    }
    #endif
}
