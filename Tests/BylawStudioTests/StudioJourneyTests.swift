import Foundation
import Testing

/// The studio's main journeys driven in a real browser: `bylaw studio` started as a user starts
/// it (the built binary, on a free loopback port, over a scratch copy of the shipped policies
/// and examples), and `Journeys/journeys.py` (Debian's python3-selenium, headless Chromium
/// through chromedriver) opening its printed URL and going through each journey, asserting on
/// what the pages show. Screenshots of each page go to a temporary folder; with
/// `BYLAW_UPDATE_SCREENSHOTS=1` they are copied to `docs/images/`.
///
/// Without Chromium, chromedriver or selenium the test is skipped, saying which is missing;
/// with `CI=true` that is a failure.
@Suite("Studio in a browser", .serialized)
struct StudioJourneyTests {
    static let python = "/usr/bin/python3"
    static let environment = ProcessInfo.processInfo.environment

    /// What the journeys need that this machine lacks.
    static let missing: [String] = {
        var missing: [String] = []
        if !["/usr/bin/chromium", "/usr/bin/chromium-browser"].contains(where: FileManager.default.isExecutableFile) { missing.append("chromium") }
        if !FileManager.default.isExecutableFile(atPath: "/usr/bin/chromedriver") { missing.append("chromium-driver") }
        if !FileManager.default.isExecutableFile(atPath: python) || (try? run(python, ["-c", "import selenium"], timeout: .seconds(30)).status) != 0 {
            missing.append("python3-selenium")
        }
        return missing
    }()

    static var runs: Bool { missing.isEmpty || environment["CI"] == "true" }

    @Test(
        "open a policy, see a typo's diagnostic at its line, apply the fix, save (and a conflict), run the tests, see the handbook change, try an event, dry-run a change",
        .enabled(if: runs, "needs \(missing.joined(separator: ", ")) (scripts/setup installs them)"), .timeLimit(.minutes(5)))
    func journeys() async throws {
        try #require(Self.missing.isEmpty, "CI=true and this machine lacks \(Self.missing.joined(separator: ", ")): scripts/setup installs them")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-studio-journey-\(UUID().uuidString)")
        var keep = false
        defer { if !keep { try? FileManager.default.removeItem(at: folder) } }
        let root = StudioFixture.root
        let policies = folder.appendingPathComponent("Policies").path
        let examples = folder.appendingPathComponent("Examples").path
        let shots = folder.appendingPathComponent("screenshots").path
        try FileManager.default.createDirectory(atPath: examples, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: root.appendingPathComponent("Policies").path, toPath: policies)
        for part in ["workspaces", "usage", "changes", "serve"] {
            try FileManager.default.copyItem(atPath: root.appendingPathComponent("Examples/\(part)").path, toPath: examples + "/" + part)
        }
        // Started in the scratch folder with relative paths, as a user starts it in a project.
        let studio = try StudioProcess(
            ["--policies", "Policies", "--workspace", "Examples/workspaces/acme.yaml", "--examples", "Examples", "--listen", "127.0.0.1:0"], in: folder)
        defer { studio.stop() }
        let started = ContinuousClock.now
        let script = root.appendingPathComponent("Tests/BylawStudioTests/Journeys/journeys.py").path
        let result = try Self.run(Self.python, [script, studio.url, policies, shots], timeout: .seconds(240))
        let took = ContinuousClock.now - started
        // A failure keeps the scratch folder: its screenshots (failure.png) show the page as it was.
        keep = result.status != 0
        // About 11 s on an idle machine; a loaded one (the whole suite at once, a sanitized
        // build) may take several times that, so the time is reported, not held to a limit (each
        // step's own wait, 15 s, and the script's, 240 s, catch a page that never comes).
        #expect(result.status == 0, "the journeys failed after \(took) (screenshots in \(shots)):\n\(result.output)\nstudio:\n\(studio.stderr)")
        let expected = [
            "studio-policies.png", "studio-editor-diagnostic.png", "studio-save-conflict.png", "studio-tests.png", "studio-handbook.png",
            "studio-try-event.png", "studio-dry-run.png", "studio-narrow.png",
        ]
        for name in expected {
            #expect(FileManager.default.fileExists(atPath: shots + "/" + name), "no screenshot \(name)")
        }
        if Self.environment["BYLAW_UPDATE_SCREENSHOTS"] == "1", result.status == 0 {
            let images = root.appendingPathComponent("docs/images").path
            try FileManager.default.createDirectory(atPath: images, withIntermediateDirectories: true)
            for name in expected {
                try? FileManager.default.removeItem(atPath: images + "/" + name)
                try FileManager.default.copyItem(atPath: shots + "/" + name, toPath: images + "/" + name)
            }
        }
        studio.stop()
        #expect(studio.status == 0, "bylaw studio did not stop cleanly on SIGTERM:\n\(studio.stderr)")
    }

    /// Runs a program to its end (killing it past `timeout`); its status and its output
    /// (stdout and stderr together).
    static func run(
        _ program: String, _ arguments: [String], timeout: Duration, environment: [String: String] = [:]
    ) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-studio-run-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: output.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: output) }
        let handle = try FileHandle(forWritingTo: output)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let start = ContinuousClock.now
        while process.isRunning {
            if ContinuousClock.now - start > timeout {
                process.terminate()
                process.waitUntilExit()
                return (-1, "timed out after \(timeout)\n" + ((try? String(contentsOf: output, encoding: .utf8)) ?? ""))
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "")
    }
}

/// `bylaw studio` in its own process: started on a free port (its printed URL says which),
/// stopped with SIGTERM (and killed if it does not stop).
final class StudioProcess: @unchecked Sendable {
    // `@unchecked`: `Process` is not Sendable; the value is used by one test at a time.
    private let process = Process()
    private let stderrURL: URL
    private(set) var url = ""
    private(set) var status: Int32?

    /// The built binary: `BYLAW_BINARY` (a sanitized build) or `.build/debug/bylaw`.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["BYLAW_BINARY"], !path.isEmpty {
            return URL(fileURLWithPath: path, relativeTo: StudioFixture.root)
        }
        return StudioFixture.root.appendingPathComponent(".build/debug/bylaw")
    }

    init(_ arguments: [String], in folder: URL) throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the CLI first: swift build --product bylaw")
        stderrURL = folder.appendingPathComponent("studio.stderr")
        _ = FileManager.default.createFile(atPath: stderrURL.path, contents: nil)
        process.executableURL = Self.binary
        process.arguments = ["studio"] + arguments
        process.currentDirectoryURL = folder
        var environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "BYLAW_TODAY": "2026-11-22", "NO_COLOR": "1"]
        for name in ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"] {
            if let value = ProcessInfo.processInfo.environment[name] { environment[name] = value }
        }
        process.environment = environment
        process.standardError = try FileHandle(forWritingTo: stderrURL)
        process.standardOutput = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let start = ContinuousClock.now
        while ContinuousClock.now - start < .seconds(120), process.isRunning {
            if let range = stderr.range(of: #"open (http://[^ \n]+)"#, options: .regularExpression) {
                url = String(stderr[range].dropFirst("open ".count))
                return
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        stop()
        Issue.record("bylaw studio did not start; stderr:\n\(stderr)")
        throw CancellationError()
    }

    var stderr: String { (try? String(contentsOf: stderrURL, encoding: .utf8)) ?? "" }

    /// SIGTERM, then waits (killing it after 30 s).
    func stop() {
        guard process.isRunning else {
            if status == nil, process.processIdentifier > 0 { status = process.terminationStatus }
            return
        }
        process.terminate()
        let start = ContinuousClock.now
        while process.isRunning, ContinuousClock.now - start < .seconds(30) { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        status = process.terminationStatus
    }

    deinit { stop() }
}
