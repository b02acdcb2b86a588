import BylawTestSupport
import Foundation
import Testing

/// Runs the built `bylaw` (`BYLAW_BINARY`, or `.build/debug/bylaw`) from the package root, the
/// way a user would, with a fixed date and no colour.
enum BylawRunner {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let binary: URL = {
        if let path = ProcessInfo.processInfo.environment["BYLAW_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: root)
        }
        return root.appendingPathComponent(".build/debug/bylaw")
    }()

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        BylawTestProcess.environment(extra)
    }

    /// Runs `bylaw ARGUMENTS` to its end (killed past `limit`): its status, stdout and stderr.
    static func run(_ arguments: [String], limit: Duration = .seconds(60)) throws -> (status: Int32, stdout: String, stderr: String) {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout")
        let err = folder.appendingPathComponent("stderr")
        try Data().write(to: out)
        try Data().write(to: err)
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = environment()
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let start = ContinuousClock.now
        while process.isRunning {
            if ContinuousClock.now - start > limit {
                process.terminate()
                Issue.record("bylaw \(arguments.joined(separator: " ")) did not finish within \(limit)")
                break
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        // Decoded leniently: a stream read back may hold the bytes of a line that is not UTF-8.
        return (process.terminationStatus, String(decoding: try Data(contentsOf: out), as: UTF8.self),
                String(decoding: try Data(contentsOf: err), as: UTF8.self))
    }

    /// What `bylaw eval STREAM --format ndjson` prints but its summary, sorted: the lines the
    /// findings stream must hold, exactly.
    static func evalLines(_ stream: String, workspace: String = "Examples/workspaces/acme.yaml") throws -> [String] {
        let result = try run(["eval", stream, "--workspace", workspace, "--format", "ndjson"])
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("{\"summary\"") }.sorted()
    }

    /// What `bylaw read` prints of a stream, sorted.
    static func readLines(_ servers: [String], stream: String = "BYLAW_FINDINGS") throws -> [String] {
        let result = try run(["read", "--server", servers.joined(separator: ","), "--stream", stream])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }
}

/// A `bylaw consume` member in its own process, stopped with a signal.
final class MemberProcess: @unchecked Sendable {
    // `@unchecked`: `Process` is not Sendable; a member is driven by one test at a time.
    let process = Process()
    let stderrURL: URL

    /// Starts `bylaw consume --server … --stream USAGE --consumer bylaw --workspace acme ARGUMENTS`.
    init(servers: [String], in folder: URL, name: String, _ arguments: [String] = []) throws {
        try #require(FileManager.default.isExecutableFile(atPath: BylawRunner.binary.path), "build the CLI first: swift build --product bylaw")
        stderrURL = folder.appendingPathComponent("\(name).stderr")
        try Data().write(to: stderrURL)
        process.executableURL = BylawRunner.binary
        process.arguments = [
            "consume", "--server", servers.joined(separator: ","), "--stream", "USAGE", "--consumer", "bylaw",
            "--workspace", "Examples/workspaces/acme.yaml", "--ack-wait", "2", "--report-interval", "0.1", "--watch-interval", "0",
        ] + arguments
        process.currentDirectoryURL = BylawRunner.root
        process.environment = BylawRunner.environment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// The messages of the member's latest progress line (`N messages (…`), 0 before any.
    var messages: Int {
        guard let line = stderr.split(separator: "\n").last(where: { $0.contains(" messages (") }),
              let start = line.range(of: "consume: ")?.upperBound ?? line.range(of: "stopped: ")?.upperBound
        else { return 0 }
        return Int(line[start...].prefix { $0.isNumber }) ?? 0
    }

    func signal(_ number: Int32) { kill(process.processIdentifier, number) }

    /// Waits for the member to exit; its status (killing it and failing past `limit`).
    func waitForExit(limit: Duration = .seconds(30)) async throws -> Int32 {
        let start = ContinuousClock.now
        while process.isRunning {
            if ContinuousClock.now - start > limit {
                process.terminate()
                Issue.record("bylaw consume did not exit within \(limit); stderr:\n\(stderr)")
                throw StreamTestError("bylaw consume did not exit")
            }
            try await Task.sleep(for: .milliseconds(20))
        }
        return process.terminationStatus
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }
}

/// Expects the lines read back to be `expected` exactly (as multisets: both sorted), saying
/// how many are missing and doubled, and the first of each, rather than printing thousands.
func expectSameLines(_ found: [String], _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation) {
    guard found != expected else { return }
    var counts: [String: Int] = [:]
    for line in expected { counts[line, default: 0] += 1 }
    for line in found { counts[line, default: 0] -= 1 }
    let missing = counts.filter { $0.value > 0 }
    let extra = counts.filter { $0.value < 0 }
    let missingCount = missing.values.reduce(0, +)
    let extraCount = -extra.values.reduce(0, +)
    let firstMissing = missing.keys.sorted().first ?? "-"
    let firstExtra = extra.keys.sorted().first ?? "-"
    let text = "\(found.count) lines read back, \(expected.count) from bylaw eval: \(missingCount) missing (first: \(firstMissing)), "
        + "\(extraCount) extra or doubled (first: \(firstExtra))"
    Issue.record("\(text)", sourceLocation: sourceLocation)
}
