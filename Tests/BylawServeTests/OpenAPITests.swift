import BylawServe
import BylawSource
import BylawTestSupport
import Foundation
import Testing

@Suite("docs/openapi.yaml against the server")
struct OpenAPITests {
    @Test("the document describes every route of the server and no other")
    func sameRoutes() throws {
        let document = try OpenAPIDocument()
        let routes = Set(ServeRoute.allCases.map { "\($0.method) \($0.path)" })
        #expect(document.operations == routes)
    }

    /// Checks a reply against the document: its status is documented for the operation and its
    /// body (each line, for NDJSON) fits the schema of its content type.
    static func check(_ reply: Reply, _ method: String, _ path: String, in document: OpenAPIDocument) throws {
        let response = document.response(method, path, status: reply.status)
        try #require(response != nil, "\(method) \(path) answered \(reply.status), which the document does not list")
        let contentType = String((reply.header("content-type") ?? "").split(separator: ";").first ?? "")
        let schema = try #require(
            document.schema(method, path, status: reply.status, contentType: contentType),
            "\(method) \(path) \(reply.status): the document lists no \(contentType) body")
        let bodies = contentType == "application/x-ndjson" ? reply.text.split(separator: "\n").map(String.init) : [reply.text]
        for body in bodies where contentType != "text/plain" {
            let problems = document.problems(try OpenAPIDocument.parse(body), schema)
            #expect(problems.isEmpty, "\(method) \(path) \(reply.status): \(problems)")
        }
    }

    @Test("every route answers as documented, for good requests and bad ones")
    func answers() async throws {
        let document = try OpenAPIDocument()
        let lines = try Fixtures.lines(Fixtures.examples)
        let plan = try ConfigTests.planBody(before: "Examples/workspaces/pooled.yaml", after: "Examples/workspaces/violates-one-currency.yaml")
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        try folder.write("broken-policy.yaml", "policy: [\n")
        var configuration = Fixtures.configuration()
        configuration.decisionLog = DecisionLogSettings(path: folder.path("log.ndjson"))
        try await ServeHarness.with(configuration) { serve in
            let client = serve.client
            let exchanges: [(String, String, String?)] = [
                ("POST", "/v1/decide", lines[9]), ("POST", "/v1/decide", lines[0]), ("POST", "/v1/decide", "{\"user\": 1}"),
                ("POST", "/v1/decide/batch", String(decoding: try Fixtures.bytes(Fixtures.broken), as: UTF8.self)),
                ("POST", "/v1/lint", String(decoding: try Fixtures.bytes(Fixtures.path("Examples/workspaces/violates-one-currency.yaml")), as: UTF8.self)),
                ("POST", "/v1/lint", "workspace: [\n"), ("POST", "/v1/plan", plan), ("POST", "/v1/plan", "before: {}\n"),
                ("POST", "/v1/reload", nil), ("GET", "/v1/status", nil), ("GET", "/health/live", nil), ("GET", "/health/ready", nil),
                ("GET", "/metrics", nil),
            ]
            var seen: Set<String> = []
            for (method, path, body) in exchanges {
                let reply = try await client.request(method, path, headers: [], body: body.map { Array($0.utf8) })
                try Self.check(reply, method, path, in: document)
                seen.insert("\(method) \(path)")
            }
            #expect(seen == document.operations)
        }
    }

    @Test("refusals of a server with a token file answer as documented")
    func refusals() async throws {
        let document = try OpenAPIDocument()
        let folder = try ScratchFolder()
        defer { withExtendedLifetime(folder) {} }
        try await ServeHarness.with(try AccessTests.configuration(folder)) { serve in
            for route in ServeRoute.allCases where route.access != .open {
                let reply = try await serve.client.request(route.method, route.path, body: route.method == "POST" ? [] : nil)
                #expect(reply.status == 401)
                try Self.check(reply, route.method, route.path, in: document)
                if route.access == .admin {
                    let forbidden = try await serve.client.request(route.method, route.path, body: [], token: AccessTests.decide)
                    #expect(forbidden.status == 403)
                    try Self.check(forbidden, route.method, route.path, in: document)
                }
            }
        }
    }
}
