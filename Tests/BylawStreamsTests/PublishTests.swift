import BylawTestSupport
import Foundation
import Testing

@Suite("bylaw publish and bylaw read", .serialized, .enabled(if: StreamFixtures.runs, "nats-server is not installed"))
struct PublishTests {
    @Test("publishing a file twice stores each line once; blank lines are counted, not sent")
    func idempotent() async throws {
        let folder = try ScratchFolder()
        let server = try await NATSServer(in: folder.url)
        let events = try StreamFixtures.events(rounds: 2, in: folder)
        var lines = try Data(contentsOf: URL(fileURLWithPath: events)).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let blank = lines.filter { $0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }.count
        #expect(blank > 0)
        let arguments = ["publish", events, "--server", server.url, "--subject", "usage.acme", "--stream", "USAGE"]
        let first = try BylawRunner.run(arguments)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stderr.contains("\(lines.count) lines: \(lines.count - blank) stored, 0 already there, \(blank) blank"), "\(first.stderr)")
        let second = try BylawRunner.run(arguments)
        #expect(second.status == 0)
        #expect(second.stderr.contains("\(lines.count) lines: 0 stored, \(lines.count - blank) already there, \(blank) blank"), "\(second.stderr)")
        let stored = try BylawRunner.readLines([server.url], stream: "USAGE")
        let sent = lines.filter { !$0.allSatisfy { $0 == 0x20 || $0 == 0x09 } }.map { String(decoding: $0, as: UTF8.self) }
        expectSameLines(stored, sent.sorted())
    }

    @Test("a line past the line limit is sent cut short and reported by the member as eval reports it")
    func tooLong() async throws {
        let folder = try ScratchFolder()
        let server = try await NATSServer(in: folder.url)
        let events = folder.path("long.ndjson")
        let long = "{\"id\":\"long\",\"kind\":\"prompt\",\"note\":\"" + String(repeating: "x", count: 1 << 20) + "\"}"
        let good = try String(contentsOfFile: BylawRunner.root.appendingPathComponent("Examples/usage/examples.ndjson").path, encoding: .utf8)
            .split(separator: "\n").prefix(3).joined(separator: "\n")
        try Data((good + "\n" + long + "\n" + good + "\n").utf8).write(to: URL(fileURLWithPath: events))
        try StreamFixtures.publish(events, servers: [server.url])
        let member = try MemberProcess(servers: [server.url], in: folder.url, name: "member")
        _ = try await StreamFixtures.waitUntilDone([server.url])
        member.signal(SIGTERM)
        #expect(try await member.waitForExit() == 0, "\(member.stderr)")
        let found = try BylawRunner.readLines([server.url])
        #expect(found.contains { $0.contains("stream.line-too-long") })
        expectSameLines(found, try BylawRunner.evalLines(events))
    }

    @Test("a stream that does not exist, an unreachable server and bad options: exit code 2 with the reason")
    func refusals() async throws {
        let folder = try ScratchFolder()
        let server = try await NATSServer(in: folder.url)
        let missing = try BylawRunner.run([
            "consume", "--server", server.url, "--stream", "NOPE", "--consumer", "bylaw", "--workspace", "Examples/workspaces/acme.yaml",
        ])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no stream 'NOPE'"), "\(missing.stderr)")
        let unreachable = try BylawRunner.run(["read", "--server", "nats://127.0.0.1:9", "--stream", "USAGE"])
        #expect(unreachable.status == 2)
        #expect(unreachable.stderr.contains("cannot connect to nats://127.0.0.1:"), "\(unreachable.stderr)")
        for options in [["--batch", "0"], ["--consumer", "a.b"], ["--server", "http://x:1"], ["--ack-wait", "0"], ["--max-line", "lots"]] {
            var arguments = ["consume", "--server", server.url, "--stream", "USAGE", "--consumer", "bylaw", "--workspace", "Examples/workspaces/acme.yaml"]
            for pair in stride(from: 0, to: options.count, by: 2) {
                if let index = arguments.firstIndex(of: options[pair]) { arguments.remove(at: index + 1); arguments.remove(at: index) }
                arguments += [options[pair], options[pair + 1]]
            }
            let result = try BylawRunner.run(arguments)
            #expect(result.status == 2, "\(options): \(result.stderr)")
            #expect(result.stderr.contains("Error:"), "\(options): \(result.stderr)")
        }
    }
}
