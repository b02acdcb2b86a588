import Foundation
import Testing

/// What one run of the built `bylaw` binary produced.
struct BylawRun {
    /// The exit status, or the signal number when `crashed`.
    let status: Int32
    /// The process ended on a signal (a crash, a trap) rather than by exiting.
    let crashed: Bool
    /// The run outlived its deadline and was terminated.
    let timedOut: Bool
    let stdoutData: Data
    let stderr: String
    let duration: Duration

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }

    /// Standard output parsed as one JSON document.
    func json() throws -> [String: Any] {
        let object = try JSONSerialization.jsonObject(with: stdoutData)
        return try #require(object as? [String: Any], "stdout is not a JSON object")
    }
}

/// Runs `.build/debug/bylaw` (the test target depends on the `bylaw` product, so it is built)
/// from the package root, with a fixed date and no colour, the way a user or CI would.
/// `BYLAW_BINARY` names another build of it (scripts/sanitize runs the sanitized one).
enum Bylaw {
    /// The package root: three levels above this file (Tests/BylawCLITests/BylawProcess.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["BYLAW_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: packageRoot)
        }
        return packageRoot.appendingPathComponent(".build/debug/bylaw")
    }()

    /// Whether `bylaw` was built with its servers: not when built with `BYLAW_WITHOUT_SERVERS=1`
    /// (the ThreadSanitizer run), which leaves out `serve`, `studio`, `consume`, `publish` and `read`.
    static let builtWithServers = ProcessInfo.processInfo.environment["BYLAW_WITHOUT_SERVERS"] == nil

    /// Every subcommand, in the order the help lists them (without the servers' when they are not built).
    static let commands = ["init", "check", "test", "lint", "eval", "plan", "explain", "serve", "studio", "consume", "publish", "read", "handbook", "expr", "schema", "version"]
        .filter { builtWithServers || !["serve", "studio", "consume", "publish", "read"].contains($0) }

    /// The date exceptions expire against in every run, unless a test overrides it.
    static let today = "2026-11-22"

    /// A run that takes longer is a hang: it is killed and reported, never waited on forever.
    static let deadline: Duration = .seconds(120)

    /// Runs `bylaw ARGUMENTS` with the working directory at the package root.
    /// - Parameters:
    ///   - stdin: bytes for standard input (an empty input when nil).
    ///   - environment: variables added to (or replacing) the fixed environment.
    static func run(_ arguments: [String], stdin: Data? = nil, environment: [String: String] = [:]) throws -> BylawRun {
        try runProcess(executable: binary, arguments: arguments, stdin: stdin, environment: environment)
    }

    /// Where a run's standard output goes when it is not captured.
    enum Sink {
        /// `/dev/full`: every write fails with ENOSPC.
        case full
        /// A pipe whose reading end is closed before the run starts: every write fails with EPIPE.
        case closedPipe
    }

    /// Runs `bylaw ARGUMENTS` with standard output sent to `sink` (`stdoutData` is then empty).
    static func run(_ arguments: [String], stdoutTo sink: Sink) throws -> BylawRun {
        switch sink {
        case .full:
            let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
            defer { try? handle.close() }
            return try runProcess(executable: binary, arguments: arguments, stdin: nil, environment: [:], stdout: handle)
        case .closedPipe:
            let pipe = Pipe()
            try pipe.fileHandleForReading.close()
            defer { try? pipe.fileHandleForWriting.close() }
            return try runProcess(executable: binary, arguments: arguments, stdin: nil, environment: [:], stdout: pipe.fileHandleForWriting)
        }
    }

    /// Runs a shell pipeline (`/bin/bash -c SCRIPT`) with `$BYLAW` naming the binary, from the
    /// package root.
    static func shell(_ script: String) throws -> BylawRun {
        try runProcess(
            executable: URL(fileURLWithPath: "/bin/bash"), arguments: ["-c", script], stdin: nil,
            environment: ["BYLAW": binary.path])
    }

    private static func runProcess(
        executable: URL, arguments: [String], stdin: Data?, environment: [String: String], stdout: FileHandle? = nil
    ) throws -> BylawRun {
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "build the CLI first: swift build --product bylaw")
        let scratch = try TemporaryDirectory()
        let outURL = scratch.file("stdout")
        let errURL = scratch.file("stderr")
        let inURL = scratch.file("stdin")
        try (stdin ?? Data()).write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        // Files, not pipes: a pipe nobody drains while the child writes would deadlock a large output.
        let outHandle = try FileHandle(forWritingTo: outURL)
        let errHandle = try FileHandle(forWritingTo: errURL)
        let inHandle = try FileHandle(forReadingFrom: inURL)
        defer {
            try? outHandle.close()
            try? errHandle.close()
            try? inHandle.close()
        }

        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        var variables = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "BYLAW_TODAY": today,
            "NO_COLOR": "1",
        ]
        // A sanitized build reads its options from these (scripts/sanitize sets them);
        // BYLAW_CLI_ASAN_OPTIONS, when set, replaces ASAN_OPTIONS for the CLI alone.
        let parent = ProcessInfo.processInfo.environment
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = parent[name] { variables[name] = value }
        }
        if let value = parent["BYLAW_CLI_ASAN_OPTIONS"] { variables["ASAN_OPTIONS"] = value }
        variables.merge(environment) { _, new in new }
        process.environment = variables
        process.standardInput = inHandle
        process.standardOutput = stdout ?? outHandle
        process.standardError = errHandle

        let clock = ContinuousClock()
        let start = clock.now
        try process.run()
        var timedOut = false
        // Polling keeps the watchdog free of shared mutable state across threads.
        while process.isRunning {
            if clock.now - start > deadline {
                timedOut = true
                process.terminate()
                break
            }
            usleep(2_000)
        }
        process.waitUntilExit()
        let duration = clock.now - start
        return BylawRun(
            status: process.terminationStatus,
            crashed: process.terminationReason == .uncaughtSignal,
            timedOut: timedOut,
            stdoutData: try Data(contentsOf: outURL),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            duration: duration)
    }
}

/// A directory under the system's temporary directory, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-cli-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// Writes `data` to a file named `name` in the directory and returns its path.
    func write(_ data: Data, to name: String) throws -> String {
        let target = file(name)
        try data.write(to: target)
        return target.path
    }
}
