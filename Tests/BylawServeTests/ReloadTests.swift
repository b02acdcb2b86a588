import BylawServe
import BylawTestSupport
import Foundation
import Testing

@Suite("Reload")
struct ReloadTests {
    static let clientData = "client-data.yaml"
    /// An event the shipped policies deny (client data into consumer chat).
    static func deniedEvent() throws -> String { try Fixtures.lines(Fixtures.examples)[9] }

    /// A scratch copy of the policies and the workspace, so a test can edit them.
    static func scratch() throws -> (ScratchFolder, String, ServeConfiguration) {
        let folder = try ScratchFolder()
        let policies = try folder.copyPolicies()
        try FileManager.default.copyItem(atPath: Fixtures.acme, toPath: folder.path("acme.yaml"))
        var configuration = Fixtures.configuration(policies: policies, workspace: folder.path("acme.yaml"))
        configuration.watchInterval = nil
        return (folder, policies, configuration)
    }

    static func edit(_ path: String, _ change: (String) -> String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let changed = change(text)
        #expect(changed != text, "the edit changes the file")
        try Data(changed.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    @Test("POST /v1/reload loads an edited policy: a new revision, and decisions follow it")
    func goodReload() async throws {
        let (folder, policies, configuration) = try Self.scratch()
        defer { withExtendedLifetime(folder) {} }
        try await ServeHarness.with(configuration) { serve in
            let before = try await serve.client.request("POST", "/v1/decide", text: try Self.deniedEvent()).json()
            #expect(before["decision"] as? String == "deny")
            try Self.edit(policies + "/" + Self.clientData) { $0.replacingOccurrences(of: "enforcement: block", with: "enforcement: warn") }
            try Self.edit(policies + "/app-use.yaml") { $0.replacingOccurrences(of: "    on: usage\n", with: "    on: usage\n    enforcement: warn\n") }
            let reload = try await serve.client.request("POST", "/v1/reload").json()
            #expect(reload["result"] as? String == "reloaded")
            #expect(reload["previous"] as? String == before["revision"] as? String)
            let after = try await serve.client.request("POST", "/v1/decide", text: try Self.deniedEvent()).json()
            #expect(after["revision"] as? String == reload["revision"] as? String)
            #expect(after["decision"] as? String == "allow")
            #expect((after["findings"] as? [Any])?.isEmpty == false, "warn findings are still returned")
            let again = try await serve.client.request("POST", "/v1/reload").json()
            #expect(again["result"] as? String == "unchanged")
        }
    }

    @Test("a broken policy: the reload fails with its diagnostics, the last good set keeps serving")
    func badReload() async throws {
        let (folder, policies, configuration) = try Self.scratch()
        defer { withExtendedLifetime(folder) {} }
        try await ServeHarness.with(configuration) { serve in
            let revision = serve.server.revision
            try Self.edit(policies + "/" + Self.clientData) { $0.replacingOccurrences(of: "artifact.classification in", with: "artifact.clasification in") }
            let reply = try await serve.client.request("POST", "/v1/reload")
            #expect(reply.status == 422)
            let diagnostic = try #require((try reply.json()["diagnostics"] as? [[String: Any]])?.first)
            #expect(diagnostic["code"] as? String == "cel.undefined-field")
            #expect(((diagnostic["location"] as? [String: Any])?["file"] as? String)?.hasSuffix(Self.clientData) == true)
            let decision = try await serve.client.request("POST", "/v1/decide", text: try Self.deniedEvent()).json()
            #expect(decision["revision"] as? String == revision)
            #expect(decision["decision"] as? String == "deny")
            let status = try await serve.client.request("GET", "/v1/status").json()
            #expect(status["reload_failing"] as? Bool == true)
            let lastError = try #require((status["reloads"] as? [String: Any])?["last_error"] as? [String: Any])
            #expect((lastError["diagnostics"] as? [Any])?.count == 1)
            #expect(try await serve.client.request("GET", "/health/ready").status == 200)
            let metrics = try await serve.client.request("GET", "/metrics").text
            #expect(metrics.contains(#"bylaw_reloads_total{result="failure"} 1"#))
            #expect(metrics.contains("bylaw_reload_failing 1"))
        }
    }

    @Test("a watched folder: a broken file is refused, the fix is picked up, with no request failing meanwhile")
    func watched() async throws {
        let (folder, policies, base) = try Self.scratch()
        defer { withExtendedLifetime(folder) {} }
        var configuration = base
        configuration.watchInterval = .milliseconds(50)
        let event = try Self.deniedEvent()
        try await ServeHarness.with(configuration) { serve in
            let original = serve.server.revision
            let decisions = Task(executorPreference: TestExecutor.shared) {
                var failures = 0
                var answered = 0
                while !Task.isCancelled {
                    let reply: Reply
                    do {
                        reply = try await serve.client.request("POST", "/v1/decide", text: event)
                    } catch {
                        if Task.isCancelled { break }
                        throw error
                    }
                    answered += 1
                    let decision = reply.status == 200 ? try reply.json()["decision"] as? String : nil
                    if decision != "deny" { failures += 1 }
                }
                return (answered, failures)
            }
            let file = policies + "/" + Self.clientData
            let good = try String(contentsOfFile: file, encoding: .utf8)
            try Self.edit(file) { $0.replacingOccurrences(of: "rules:", with: "rules: [") }
            try await Self.waitFor(serve) { status in (status["reloads"] as? [String: Any])?["failed"] as? Int == 1 }
            try Self.edit(file) { _ in good + "\n# edited\n" }
            try await Self.waitFor(serve) { status in status["revision"] as? String != original && status["reload_failing"] as? Bool == false }
            decisions.cancel()
            let (answered, failures) = try await decisions.value
            #expect(answered > 0)
            #expect(failures == 0)
        }
    }

    /// Polls the status until `condition` holds (failing after a minute).
    static func waitFor(_ serve: ServeHarness, _ condition: @escaping ([String: Any]) -> Bool) async throws {
        let clock = ContinuousClock()
        let start = clock.now
        while clock.now - start < .seconds(60) {
            if condition(try await serve.client.request("GET", "/v1/status").json()) { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("the status never showed the expected reload")
    }
}
