import Foundation

/// What the test targets that run `bylaw` (and the servers it talks to) as processes share.
public enum BylawTestProcess {
    /// The environment of a run: a fixed date, no colour, the sanitizers' options of a
    /// sanitized build (`BYLAW_CLI_ASAN_OPTIONS` replacing `ASAN_OPTIONS` for the CLI alone),
    /// and `extra`.
    public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        let parent = ProcessInfo.processInfo.environment
        var variables = ["PATH": parent["PATH"] ?? "/usr/bin:/bin", "BYLAW_TODAY": "2026-11-22", "NO_COLOR": "1"]
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = parent[name] { variables[name] = value }
        }
        if let value = parent["BYLAW_CLI_ASAN_OPTIONS"] { variables["ASAN_OPTIONS"] = value }
        return variables.merging(extra) { _, new in new }
    }

    /// Runs a walkthrough script with bash, its stdout and stderr together in one text, killed
    /// past `limit`: its exit status and output.
    public static func runScript(_ script: URL, environment: [String: String], limit: Duration = .seconds(120)) async throws -> (status: Int32, output: String) {
        let folder = try ScratchFolder()
        let output = folder.url.appendingPathComponent("output")
        try Data().write(to: output)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path]
        process.environment = environment.merging(["TMPDIR": folder.url.path]) { _, new in new }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        let start = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - start < limit { try await Task.sleep(for: .milliseconds(50)) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: try Data(contentsOf: output), as: UTF8.self))
    }
}

/// A scratch folder, removed when the value goes away.
public final class ScratchFolder: Sendable {
    public let url: URL

    public init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    public func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}
