@testable import BylawStreams
import BylawTestSupport
import Foundation
import Testing

enum StreamFixtures {
    /// A usage stream of `rounds` copies of Examples/usage/examples.ndjson (40 events, most
    /// making findings, each copy's ids their own) with the malformed and blank lines of
    /// Examples/usage/broken.ndjson after each copy: `rounds` × 60 lines.
    static func events(rounds: Int, in folder: ScratchFolder, name: String = "events.ndjson") throws -> String {
        let root = BylawRunner.root
        let examples = try Data(contentsOf: root.appendingPathComponent("Examples/usage/examples.ndjson"))
        let broken = try Data(contentsOf: root.appendingPathComponent("Examples/usage/broken.ndjson"))
        let brokenLines = broken.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).filter { line in
            !line.starts(with: Array("{\"id\":\"evt-".utf8))
        }
        var out = Data()
        for round in 0..<rounds {
            let copy = String(decoding: examples, as: UTF8.self).replacingOccurrences(of: "\"id\":\"evt-", with: "\"id\":\"r\(round)-evt-")
            out.append(Data(copy.utf8))
            if out.last != UInt8(ascii: "\n") { out.append(UInt8(ascii: "\n")) }
            for line in brokenLines where !line.isEmpty || round % 2 == 0 {
                out.append(line)
                out.append(UInt8(ascii: "\n"))
            }
        }
        let path = folder.path(name)
        try out.write(to: URL(fileURLWithPath: path))
        return path
    }

    /// A server of its own with a usage stream of `rounds` copies published to stream USAGE: the
    /// folder (which holds the server's storage and the file), the server, the file's path.
    static func publishedStream(rounds: Int) async throws -> (ScratchFolder, NATSServer, String) {
        let folder = try ScratchFolder()
        let server = try await NATSServer(in: folder.url)
        let events = try events(rounds: rounds, in: folder)
        try publish(events, servers: [server.url])
        return (folder, server, events)
    }

    /// Publishes `file` to `usage.acme`, creating stream USAGE.
    static func publish(_ file: String, servers: [String], replicas: Int = 1) throws {
        let result = try BylawRunner.run(
            ["publish", file, "--server", servers.joined(separator: ","), "--subject", "usage.acme", "--stream", "USAGE", "--replicas", String(replicas)])
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Waits until every message of consumer `bylaw` is delivered and acknowledged.
    static func waitUntilDone(_ servers: [String], limit: Duration = .seconds(60)) async throws -> ConsumerDescription {
        let state = try StreamState(servers: servers)
        let start = ContinuousClock.now
        var last: ConsumerDescription?
        // Checked after every wait, the deadline included (see NATSServer.start).
        while true {
            if let consumer = try? state.consumer() {
                last = consumer
                if consumer.pending == 0, consumer.ackPending == 0 { return consumer }
            }
            if ContinuousClock.now - start > limit { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw StreamTestError("the consumer did not finish: \(String(describing: last))")
    }

    /// Whether the tests that need nats-server run (installed, or required by CI=true).
    static var runs: Bool { NATSServer.runs }
}

/// The consumer `bylaw` of stream USAGE, looked up through the library's own connection.
struct StreamState {
    private let connection: NATSConnection

    init(servers: [String]) throws {
        connection = try NATSConnection(servers: servers) { _ in }
    }

    /// The server leading the usage stream's replicas.
    func leader() throws -> String? {
        try connection.stream("USAGE")?.leader
    }

    func consumer() throws -> ConsumerDescription? {
        try connection.consumer("bylaw", of: "USAGE")
    }
}
