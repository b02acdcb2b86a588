@testable import BylawStudio
import Foundation
import HTTPTypes
import Testing

@Suite("Studio safety: the session token, the origin check on changes, the folders")
struct StudioSafetyTests {
    @Test("a request without the token is refused (401) and its page gives no token away")
    func noToken() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        for path in ["/policies", "/edit?file=client-data.yaml", "/assets/studio.js", "/handbook/page"] {
            let reply = try await fixture.send(.get, path, cookie: false)
            #expect(reply.status == 401, "\(path)")
            #expect(!reply.body.contains(StudioFixture.token), "\(path)")
        }
        let api = try await fixture.send(.post, "/api/check", form: [("file", "client-data.yaml"), ("text", "x")], cookie: false)
        #expect(api.status == 401)
        #expect(try api.json()["error"] != nil)
        let wrong = try await fixture.send(.get, "/policies?token=not-the-token", cookie: false)
        #expect(wrong.status == 401)
    }

    @Test("the link's token is traded for a cookie and dropped from the address")
    func tokenExchange() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let reply = try await fixture.send(.get, "/tests?policy=client-data&token=\(StudioFixture.token)", cookie: false)
        #expect(reply.status == 303)
        #expect(reply.headers[.location] == "/tests?policy=client-data")
        let cookie = try #require(reply.headers[.setCookie])
        #expect(cookie.hasPrefix("bylaw-studio-\(StudioFixture.port)=\(StudioFixture.token);"))
        #expect(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"))
        let page = try await fixture.send(.get, "/policies")
        #expect(page.status == 200)
        #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
    }

    @Test("a Host other than the loopback address the studio listens on is refused (DNS rebinding)", arguments: [
        "evil.example:8182", "127.0.0.1:80", "127.0.0.2:8182", "localhost",
    ])
    func foreignHost(authority: String) async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let reply = try await fixture.send(.get, "/policies", authority: authority)
        #expect(reply.status == 421)
        #expect(!reply.body.contains(StudioFixture.token))
        for good in ["localhost:8182", "LOCALHOST:8182", "[::1]:8182"] {
            #expect(try await fixture.send(.get, "/policies", authority: good).status == 200, "\(good)")
        }
    }

    @Test("a change without the studio's origin or the token header is refused (403) and writes nothing")
    func crossSiteWrite() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let before = try fixture.text("client-data.yaml")
        let version = PolicyFileStore.digest(Array(before.utf8))
        let form = [("file", "client-data.yaml"), ("text", "policy: hacked\n"), ("version", version), ("confirm", "1")]
        let cases: [HTTPFields] = [
            [:],
            [.origin: "http://evil.example"],
            [.origin: StudioFixture.origin],
            [.origin: "http://evil.example", StudioSession.headerName!: StudioFixture.token],
            [.origin: StudioFixture.origin, StudioSession.headerName!: "wrong-token-0123456789"],
        ]
        for headers in cases {
            let reply = try await fixture.send(.post, "/api/save", form: form, headers: headers)
            #expect(reply.status == 403, "\(headers)")
        }
        #expect(try fixture.text("client-data.yaml") == before)
    }

    @Test("paths outside the policy folder are refused: .., absolute, encoded, symbolic links", arguments: [
        "../outside.yaml", "/etc/passwd", "..%2Foutside.yaml", "%2e%2e/outside.yaml", "a/../../outside.yaml", "link-out.yaml",
        "link-dir/outside.yaml", ".hidden.yaml", "sub\\..\\x.yaml", "",
    ])
    func traversal(path: String) async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let outside = fixture.folder.appendingPathComponent("outside.yaml").path
        try "policy: outside\n".write(toFile: outside, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: fixture.policies + "/link-out.yaml", withDestinationPath: outside)
        try FileManager.default.createSymbolicLink(atPath: fixture.policies + "/link-dir", withDestinationPath: fixture.folder.path)
        // The path as the browser would put it in a query: its own escapes kept as they are.
        let query = path.replacingOccurrences(of: "/", with: "%2F")
        let read = try await fixture.send(.get, "/edit?file=\(query)")
        #expect([403, 404, 400].contains(read.status), "\(path): \(read.status)")
        #expect(!read.body.contains("policy: outside"))
        let raw = try await fixture.send(.get, "/api/file?file=\(query)")
        #expect(raw.status >= 400)
        let save = try await fixture.change("/api/save", [("file", FormFields.decode(path)), ("text", "policy: written\n"), ("version", "new"), ("confirm", "1")])
        #expect(save.status == 403 || save.status == 400, "\(path): \(save.status) \(save.body)")
        #expect(try String(contentsOfFile: outside, encoding: .utf8) == "policy: outside\n")
        let example = try await fixture.send(.get, "/try?mode=workspace&example=examples/0:\(query)")
        #expect(!example.body.contains("policy: outside"))
    }

    @Test("StudioFolders refuses each kind of path outside its folder, and takes one inside")
    func folders() throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let folders = StudioFolders(policies: fixture.policies, examples: [fixture.examples])
        #expect(try folders.policy("client-data.yaml").get().full == fixture.policies + "/client-data.yaml")
        #expect(try folders.policy("brand-new.yaml", forWriting: true).get().relative == "brand-new.yaml")
        #expect(throws: StudioFolders.Refusal.self) { try folders.policy("missing/new.yaml", forWriting: true).get() }
        #expect(throws: StudioFolders.Refusal.self) { try folders.policy("brand-new.yaml").get() }
        #expect(try folders.readable("examples/0:workspaces/acme.yaml").get().relative == "workspaces/acme.yaml")
        #expect(throws: StudioFolders.Refusal.self) { try folders.readable("examples/1:workspaces/acme.yaml").get() }
        #expect(throws: StudioFolders.Refusal.self) { try folders.readable("/etc/passwd").get() }
        // Decoded once: an escaped escape stays a literal name, never a second `..`.
        #expect(FormFields.decode("%252e%252e") == "%2e%2e")
        #expect(FormFields.decode("a+b%2Fc%zz") == "a b/c%zz")
    }

    @Test("a body past --max-body is refused with 413")
    func tooLarge() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        var small = fixture.configuration
        small.limits.maxBody = 1024
        let reply = try await fixture.send(
            .post, "/api/check", form: [("file", "client-data.yaml"), ("text", String(repeating: "x", count: 4096))],
            headers: [.origin: StudioFixture.origin, StudioSession.headerName!: StudioFixture.token], configuration: small)
        #expect(reply.status == 413)
    }

    @Test("an unknown page is a 404 page; a method a page does not answer is a 405 naming the ones it does")
    func unknownRoutes() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let missing = try await fixture.send(.get, "/nowhere")
        #expect(missing.status == 404)
        #expect(missing.body.contains("There is no page /nowhere in the studio."))
        let method = try await fixture.send(.get, "/api/save")
        #expect(method.status == 405)
        #expect(method.headers[.allow] == "POST")
        #expect(try method.json()["error"] != nil)
    }
}
