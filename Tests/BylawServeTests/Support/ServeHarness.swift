import BylawPolicy
import BylawServe
import BylawTestSupport
import Foundation
import Logging
import Testing

/// A server started in this process on a free loopback port, for one test: start it, talk to
/// it over a real socket with ``client``, stop it gracefully.
final class ServeHarness: Sendable {
    let server: BylawServer
    let port: Int
    let client: TestClient
    private let control: ServeControl
    private let task: Task<Void, any Error>

    private init(server: BylawServer, port: Int, client: TestClient, control: ServeControl, task: Task<Void, any Error>) {
        self.server = server
        self.port = port
        self.client = client
        self.control = control
        self.task = task
    }

    /// Starts a server with `configuration` (its port replaced by 0: the system picks a free one).
    static func start(_ configuration: ServeConfiguration, client tls: TestTLS? = nil) async throws -> ServeHarness {
        var configuration = configuration
        configuration.host = "127.0.0.1"
        configuration.port = 0
        var logger = Logger(label: "bylaw.serve.test")
        logger.logLevel = ProcessInfo.processInfo.environment["SERVE_TEST_LOG"] != nil ? .debug : .critical
        let server = try BylawServer.prepare(configuration, logger: logger).get()
        let control = ServeControl()
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let task = Task(executorPreference: TestExecutor.shared) {
            defer { continuation.finish() }
            try await server.run(control: control) { port in continuation.yield(port) }
        }
        let port = try await withDeadline(.seconds(120)) {
            for await port in ports { return port }
            return 0
        }
        guard port > 0 else {
            try await task.value
            throw HarnessError(message: "the server stopped before it listened")
        }
        return ServeHarness(server: server, port: port, client: TestClient(port: port, tls: tls?.client), control: control, task: task)
    }

    /// Shuts the server down as SIGTERM does and waits for it to end. Generous: the framework's
    /// shutdown takes a turn on Swift's shared threads, which the rest of the test suite can keep
    /// busy for a minute and more (the server's own work runs on ``TestExecutor``).
    func stop() async throws {
        await control.shutDown()
        try await withDeadline(.seconds(300)) { [task] in try await task.value }
    }

    /// Runs `body` with a started server, stopping it afterwards whatever happens.
    /// The test's part runs on the tests' own threads, as the server does (``TestExecutor``), and
    /// at most ``ServerGate/limit`` servers run at once: the suite starts dozens, and on a
    /// loaded machine starting them all together starves each of them.
    static func with<T: Sendable>(
        _ configuration: ServeConfiguration, tls: TestTLS? = nil, _ body: (ServeHarness) async throws -> T
    ) async throws -> T {
        try await onTestThreads {
            await ServerGate.shared.enter()
            do {
                let result = try await run(configuration, tls: tls, body)
                await ServerGate.shared.leave()
                return result
            } catch {
                await ServerGate.shared.leave()
                throw error
            }
        }
    }

    private static func run<T: Sendable>(
        _ configuration: ServeConfiguration, tls: TestTLS?, _ body: (ServeHarness) async throws -> T
    ) async throws -> T {
        let harness = try await start(configuration, client: tls)
        do {
            let result = try await body(harness)
            try await harness.stop()
            return result
        } catch {
            try? await harness.stop()
            throw error
        }
    }
}

/// Lets a few servers run at once and queues the rest.
actor ServerGate {
    static let shared = ServerGate()
    static let limit = 3

    private var running = 0
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func enter() async {
        guard running >= Self.limit else {
            running += 1
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    /// Hands the place to the next in line, if any.
    func leave() {
        if waiting.isEmpty {
            running -= 1
        } else {
            waiting.removeFirst().resume()
        }
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// The package's files: the shipped policies and examples, and scratch folders.
enum Fixtures {
    /// The package root: three levels above this file (Tests/BylawServeTests/Support/…).
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    static let policies = path("Policies")
    static let acme = path("Examples/workspaces/acme.yaml")
    static let examples = path("Examples/usage/examples.ndjson")
    static let broken = path("Examples/usage/broken.ndjson")

    /// The date the examples' expected outputs assume.
    static let today = CalendarDate(year: 2026, month: 11, day: 22)

    /// The shipped policies against the acme workspace, on a fixed date.
    static func configuration(policies: String = policies, workspace: String = acme) -> ServeConfiguration {
        var configuration = ServeConfiguration(policies: [policies], workspace: workspace)
        configuration.fixedToday = today
        return configuration
    }

    static func bytes(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    static func lines(_ path: String) throws -> [String] {
        String(decoding: try bytes(path), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }
}

extension ScratchFolder {
    /// Copies the shipped policies into `Policies/` here; their path.
    func copyPolicies() throws -> String {
        let target = url.appendingPathComponent("Policies")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: Fixtures.policies), to: target)
        return target.path
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name), options: .atomic)
    }
}
