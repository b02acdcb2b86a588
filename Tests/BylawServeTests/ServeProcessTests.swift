import BylawTestSupport
import Foundation
import Testing

@Suite("bylaw serve as a process: signals, start-up, exit codes")
struct ServeProcessTests {
    @Test("SIGTERM: a request under way finishes, the decision log is written out, exit code 0")
    func drain() async throws {
        try await onTestThreads {
            let folder = try ScratchFolder()
            let serve = try await ServeProcess(
                ["--policies", Fixtures.policies, "--workspace", Fixtures.acme, "--decision-log", folder.path("decisions.ndjson")], in: folder)
            let body = try Fixtures.bytes(Fixtures.examples)
            let head = Array("POST /v1/decide/batch HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: \(body.count)\r\n\r\n".utf8)
            let half = body.count / 2
            let client = serve.client
            // SIGTERM once the server has read the first half (a request not read yet is not under
            // way: its connection closes): the second half arrives while the server drains.
            let raw = try await client.exchange([head + body[..<half], Array(body[half...])], pause: .milliseconds(400)) { piece in
                guard piece == 0 else { return }
                try? await Task.sleep(for: .milliseconds(300))
                serve.signal(SIGTERM)
            }
            let reply = try Reply(raw)
            #expect(reply.status == 200)
            let lines = try reply.lines()
            #expect(lines.last?["summary"] != nil, "the whole batch was answered")
            #expect(try await serve.waitForExit() == 0, "\(serve.stderr)")
            let decisions = lines.filter { $0["decision_id"] != nil }.count
            let logged = try String(contentsOfFile: folder.path("decisions.ndjson"), encoding: .utf8).split(separator: "\n").count
            #expect(decisions > 0 && logged == decisions)
            #expect(serve.stderr.contains("stopped"))
            let after = try? await client.request("GET", "/health/live")
            #expect(after == nil, "nothing listens after exit")
        }
    }

    @Test("SIGHUP reloads the files (watching off)")
    func hangUp() async throws {
        try await onTestThreads {
            let folder = try ScratchFolder()
            let policies = try folder.copyPolicies()
            let serve = try await ServeProcess(["--policies", policies, "--workspace", Fixtures.acme, "--watch-interval", "0"], in: folder)
            let first = try await serve.client.request("GET", "/v1/status").json()["revision"] as? String
            try ReloadTests.edit(policies + "/client-data.yaml") { $0 + "\n# edited\n" }
            serve.signal(SIGHUP)
            let clock = ContinuousClock()
            let start = clock.now
            var revision = first
            while revision == first, clock.now - start < .seconds(20) {
                try await Task.sleep(for: .milliseconds(50))
                revision = try await serve.client.request("GET", "/v1/status").json()["revision"] as? String
            }
            #expect(revision != first)
            serve.signal(SIGTERM)
            #expect(try await serve.waitForExit() == 0)
            #expect(serve.stderr.contains("reloaded (signal)"))
        }
    }

    /// Runs `bylaw serve ARGUMENTS` expecting it to stop by itself; its status and stderr.
    static func failing(_ arguments: [String]) async throws -> (Int32, String) {
        let folder = try ScratchFolder()
        let process = Process()
        process.executableURL = ServeProcess.binary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = folder.url
        process.environment = ServeProcess.environment()
        let errors = folder.url.appendingPathComponent("stderr")
        try Data().write(to: errors)
        process.standardError = try FileHandle(forWritingTo: errors)
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let start = ContinuousClock.now
        while process.isRunning {
            if ContinuousClock.now - start > .seconds(30) {
                process.terminate()
                Issue.record("bylaw serve \(arguments) did not stop")
                break
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return (process.terminationStatus, try String(contentsOf: errors, encoding: .utf8))
    }

    @Test("a broken policy stops start-up with its diagnostic and exit code 2")
    func brokenAtStart() async throws {
        try await onTestThreads {
            let folder = try ScratchFolder()
            defer { withExtendedLifetime(folder) {} }
            let policies = try folder.copyPolicies()
            try ReloadTests.edit(policies + "/client-data.yaml") { $0.replacingOccurrences(of: "classification in", with: "clasification in") }
            let (status, stderr) = try await Self.failing(["--policies", policies, "--workspace", Fixtures.acme, "--listen", "127.0.0.1:0"])
            #expect(status == 2)
            #expect(stderr.contains("client-data.yaml:19:26: error: undefined field 'clasification'"), "\(stderr)")
        }
    }

    @Test("bad options are refused with exit code 2", arguments: [
        ["--listen", "localhost"], ["--listen", "::1:80"], ["--max-body", "lots"], ["--mask", "event.user"],
        ["--decision-log", "-", "--mask", "user"], ["--tls-cert", "x.pem"], ["--fail", "maybe"], ["--request-timeout", "0"],
    ])
    func badOptions(options: [String]) async throws {
        try await onTestThreads {
            let (status, stderr) = try await Self.failing(["--workspace", Fixtures.acme, "--policies", Fixtures.policies] + options)
            #expect(status == 2, "\(stderr)")
            #expect(stderr.contains("Error:") || stderr.contains("error:"), "\(stderr)")
        }
    }

    @Test("a port in use is a clear error and exit code 2")
    func portInUse() async throws {
        try await onTestThreads {
            let folder = try ScratchFolder()
            let first = try await ServeProcess(["--policies", Fixtures.policies, "--workspace", Fixtures.acme], in: folder)
            let (status, stderr) = try await Self.failing([
                "--policies", Fixtures.policies, "--workspace", Fixtures.acme, "--listen", "127.0.0.1:\(first.port)",
            ])
            #expect(status == 2)
            #expect(stderr.contains("ddress already in use"), "\(stderr)")
            first.signal(SIGTERM)
            #expect(try await first.waitForExit() == 0)
        }
    }
}
