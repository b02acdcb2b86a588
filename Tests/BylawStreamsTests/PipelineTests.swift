@testable import BylawStreams
import BylawReload
import BylawTestSupport
import Foundation
import Synchronization
import Testing

/// The member's pipeline: a batch in flight (its findings published, their acknowledgements
/// awaited) while the next is decided, each batch counting its own acknowledgements.
@Suite("bylaw consume pipelines its batches", .serialized, .enabled(if: StreamFixtures.runs, "nats-server is not installed"))
struct PipelineTests {
    @Test("two publish lanes on one connection count their acknowledgements apart")
    func lanesCountApart() async throws {
        let folder = try ScratchFolder()
        let server = try await NATSServer(in: folder.url)
        let connection = try NATSConnection(servers: [server.url]) { _ in }
        #expect(try connection.createStream("KEPT", subjects: ["kept.>"], replicas: 1, duplicateWindow: Duration.seconds(60).nanoseconds))
        let stored = try NATSPublishLane(connection, maxPending: 100)
        let refused = try NATSPublishLane(connection, maxPending: 100)
        let payload: [UInt8] = Array("{}".utf8)
        try payload.withUnsafeBufferPointer { bytes in
            // Interleaved, so that a shared count would mix them.
            for index in 0..<5 {
                try stored.publish(subject: "kept.a", payload: bytes, messageID: "a-\(index)")
                if index < 3 { try refused.publish(subject: "nowhere.b", payload: bytes, messageID: "b-\(index)") }
            }
            // The same id again: a duplicate, counted on its own lane.
            try stored.publish(subject: "kept.a", payload: bytes, messageID: "a-0")
        }
        #expect(stored.waitForAcknowledgements(timeout: 10_000))
        #expect(refused.waitForAcknowledgements(timeout: 10_000))
        #expect(stored.counts == NATSPublishCounts(stored: 5, duplicates: 1, failed: 0))
        #expect(refused.counts == NATSPublishCounts(stored: 0, duplicates: 0, failed: 3))
        #expect(refused.lastFailure != nil)
        connection.close()
    }

    @Test("a stop with a batch in flight: the member waits for its findings and acknowledges it before it returns")
    func stopWithBatchInFlight() async throws {
        let (folder, server, _) = try await StreamFixtures.publishedStream(rounds: 20)
        let root = BylawRunner.root.path
        let sources = PolicySources(policies: ["\(root)/Policies"], workspace: "\(root)/Examples/workspaces/acme.yaml")
        let first = try sources.load(trigger: "test").get()
        let log = Mutex<[String]>([])
        let revisions = MemberRevisions(sources: sources, first: first) { line in log.withLock { $0.append(line) } }
        var configuration = MemberConfiguration(servers: [server.url], stream: "USAGE", consumer: "bylaw", sources: sources)
        configuration.batchSize = 50
        configuration.fetchWait = .milliseconds(200)
        let member = try StreamMember(configuration: configuration, revisions: revisions) { line in log.withLock { $0.append(line) } }
        let control = MemberControl()
        var inFlightAtStop = 0
        let stats = member.run(until: control) { stats in
            // Stop as soon as a batch is in flight: the member must settle it on the way out.
            if stats.inFlight > 0, !control.stopRequested {
                inFlightAtStop = stats.inFlight
                control.requestStop()
            }
        }
        #expect(inFlightAtStop > 0, "a batch was in flight when the stop came")
        #expect(stats.inFlight == 0)
        #expect(stats.batchesRetried == 0, "\(log.withLock { $0 })")
        #expect(stats.messages >= inFlightAtStop, "the batch in flight was acknowledged and counted")
        let total = try #require(try NATSConnection(servers: [server.url]) { _ in }.stream("USAGE")).messages
        #expect(stats.messages < Int(total), "it stopped mid-stream")
        let consumer = try #require(try StreamState(servers: [server.url]).consumer())
        #expect(consumer.ackPending == 0, "nothing the member held is left to be delivered again")
        #expect(consumer.pending + UInt64(stats.messages) == total, "every message delivered was acknowledged, once")
        // What it published was stored, once: the findings stream holds exactly its count.
        let found = try BylawRunner.readLines([server.url])
        #expect(found.count == stats.stored)
        #expect(stats.stored == stats.findings + stats.malformed)
        withExtendedLifetime(folder) {}
    }
}
