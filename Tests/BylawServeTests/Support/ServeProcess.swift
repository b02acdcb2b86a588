import BylawTestSupport
import Foundation
import Testing

/// `bylaw serve` run as a user runs it: the built binary in its own process, listening on a
/// free port (`--listen 127.0.0.1:0`; the listening line on stderr says which), stopped with
/// a signal. For what only a process shows: signals, exit codes, a log flushed at exit.
final class ServeProcess: @unchecked Sendable {
    // `@unchecked`: `Process` is not Sendable; the value is used by one test at a time.
    let process = Process()
    let stderrURL: URL
    let stdoutURL: URL
    private(set) var port = 0

    /// The built binary: `BYLAW_BINARY` (a sanitized build) or `.build/debug/bylaw`.
    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["BYLAW_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: Fixtures.root)
        }
        return Fixtures.root.appendingPathComponent(".build/debug/bylaw")
    }()

    /// Starts `bylaw serve ARGUMENTS --listen 127.0.0.1:0` in `folder` and waits until it listens.
    init(_ arguments: [String], in folder: ScratchFolder, environment: [String: String] = [:]) async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the CLI first: swift build --product bylaw")
        stderrURL = folder.url.appendingPathComponent("serve.stderr")
        stdoutURL = folder.url.appendingPathComponent("serve.stdout")
        try Data().write(to: stderrURL)
        try Data().write(to: stdoutURL)
        process.executableURL = Self.binary
        process.arguments = ["serve"] + arguments + ["--listen", "127.0.0.1:0"]
        process.currentDirectoryURL = folder.url
        process.environment = Self.environment(environment)
        process.standardOutput = try FileHandle(forWritingTo: stdoutURL)
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let clock = ContinuousClock()
        let start = clock.now
        // Checked after every wait, the deadline included: a busy machine can resume this task
        // long after its sleep ends, and the server may have been listening all along.
        while true {
            if let found = Self.listeningPort(in: stderr) {
                port = found
                return
            }
            if !process.isRunning || clock.now - start > .seconds(180) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        if process.isRunning { process.terminate() }
        Issue.record("bylaw serve did not start listening; stderr:\n\(stderr)")
        throw HarnessError(message: "bylaw serve did not start")
    }

    /// The environment of a run (``BylawTestProcess/environment(_:)``).
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        BylawTestProcess.environment(extra)
    }

    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }
    var stdout: String { (try? String(contentsOf: stdoutURL, encoding: .utf8)) ?? "" }

    var client: TestClient { TestClient(port: port) }

    func signal(_ number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Waits for the process to end; its exit status (killing it and failing past `limit`).
    func waitForExit(limit: Duration = .seconds(30)) async throws -> Int32 {
        let clock = ContinuousClock()
        let start = clock.now
        while process.isRunning {
            if clock.now - start > limit {
                process.terminate()
                Issue.record("bylaw serve did not exit within \(limit); stderr:\n\(stderr)")
                throw HarnessError(message: "bylaw serve did not exit")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    /// The port of `listening on http(s)://HOST:PORT` in the log.
    static func listeningPort(in log: String) -> Int? {
        guard let range = log.range(of: #"listening on https?://[^ ]*:([0-9]+)"#, options: .regularExpression) else { return nil }
        let match = log[range]
        guard let colon = match.lastIndex(of: ":") else { return nil }
        return Int(match[match.index(after: colon)...])
    }
}
