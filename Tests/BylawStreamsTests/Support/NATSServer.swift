import BylawTestSupport
import Foundation
import Testing

/// A `nats-server -js` of the test's own: on free loopback ports, with file storage in a
/// scratch folder, killed when the test is done with it (also when the test fails). Without
/// nats-server the tests skip, saying so; with `CI=true` they fail instead.
final class NATSServer: @unchecked Sendable {
    // `@unchecked`: `Process` is not Sendable; a server is driven by one test at a time.
    /// `nats-server` on the PATH (Debian's, from scripts/setup), or nil.
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return (path.split(separator: ":").map(String.init) + ["/usr/sbin", "/usr/bin"])
            .map { "\($0)/nats-server" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// Whether the tests that need a server run: it is installed, or CI must fail without it.
    static let runs = executable != nil || ProcessInfo.processInfo.environment["CI"] == "true"

    let name: String
    /// The client port: chosen by the server at the first start (`-p -1`, so no other process
    /// can take it between a look-up and the bind), the same one at a restart.
    private(set) var port = 0
    private let arguments: [String]
    private let folder: URL
    private var process: Process?
    private let log: URL

    var url: String { "nats://127.0.0.1:\(port)" }

    /// Starts one server; `cluster` makes it a node of the cluster `name`, listening for routes
    /// on `port` and routing to the other nodes' `routes` (JetStream in a cluster needs the
    /// routes configured, so those ports are chosen ahead: ``FreePort``).
    init(name: String = "n1", in folder: URL, cluster: (name: String, port: Int, routes: [Int])? = nil) async throws {
        _ = try #require(Self.executable, "nats-server is not installed (scripts/setup installs it)")
        self.name = name
        self.folder = folder
        log = folder.appendingPathComponent("\(name).log")
        var arguments = ["-js", "-a", "127.0.0.1", "-sd", folder.appendingPathComponent("\(name)-store").path, "-n", name]
        if let cluster {
            arguments += ["--cluster_name", cluster.name, "-cluster", "nats://127.0.0.1:\(cluster.port)",
                          "-routes", cluster.routes.map { "nats://127.0.0.1:\($0)" }.joined(separator: ",")]
        }
        self.arguments = arguments
        try await start()
    }

    /// Starts the process (on the port of the first start, at a restart) and waits until it
    /// accepts connections.
    func start() async throws {
        let executable = try #require(Self.executable)
        try Data().write(to: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments + ["-p", port == 0 ? "-1" : String(port)]
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        self.process = process
        // The log is read after every wait, the deadline included: a test task can be resumed
        // long after its sleep ends when the machine is busy, and the server may have been
        // ready all along.
        let start = ContinuousClock.now
        while true {
            let text = logText
            if text.contains("Server is ready"), let client = Self.port(in: text, after: "client connections on 127.0.0.1:") {
                port = client
                return
            }
            if !process.isRunning || ContinuousClock.now - start > .seconds(60) { break }
            try await Task.sleep(for: .milliseconds(20))
        }
        Issue.record("nats-server \(name) did not start:\n\(logText)")
        throw StreamTestError("nats-server did not start")
    }

    private static func port(in log: String, after marker: String) -> Int? {
        guard let range = log.range(of: marker) else { return nil }
        return Int(log[range.upperBound...].prefix { $0.isNumber })
    }

    var logText: String { (try? String(contentsOf: log, encoding: .utf8)) ?? "" }

    /// Kills the server at once (SIGKILL): what it had written to its store survives.
    func kill() {
        guard let process, process.isRunning else { return }
        Foundation.kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
    }

    deinit {
        kill()
    }
}

/// A free loopback port: bound, read, released (the caller uses it at once).
enum FreePort {
    static func take() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw StreamTestError("socket() failed") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) == 0 && getsockname(descriptor, $0, &length) == 0 }
        }
        guard bound else { throw StreamTestError("bind() failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct StreamTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
