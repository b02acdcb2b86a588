#if canImport(Glibc)
import Glibc
#endif

/// `bylaw read` as a library call: a stream's messages, from the first to the last there is
/// when it starts, through a consumer of its own (no acknowledgements, removed after).
public final class StreamExport {
    private let connection: NATSConnection
    private let stream: String
    private let subject: String?

    public init(servers: [String], stream: String, subject: String?) throws(MemberSetupError) {
        self.stream = stream
        self.subject = subject
        var settings = NATSConnection.Settings()
        settings.name = "bylaw read"
        do {
            connection = try NATSConnection(servers: servers, settings: settings) { _ in }
        } catch {
            throw MemberSetupError(message: "\(error)")
        }
    }

    /// Hands each message's payload to `write`, in stream order; returns how many.
    public func run(_ write: (UnsafeBufferPointer<UInt8>) -> Void) throws(MemberSetupError) -> Int {
        do {
            guard try connection.stream(stream) != nil else {
                throw MemberSetupError(message: "no stream '\(stream)' on \(connection.connectedServer ?? "the server")")
            }
            let settings = ConsumerSettings(
                durable: nil, ackWait: 0, maxAckPending: 0, filterSubject: subject, acknowledges: false,
                inactiveThreshold: Duration.seconds(60).nanoseconds)
            // Just after a cluster lost a node, the stream may be electing its leader for a few
            // seconds: asked again until it answers.
            var attempt = 0
            var made: ConsumerDescription?
            while made == nil {
                do {
                    made = try connection.createConsumer(on: stream, settings)
                } catch {
                    attempt += 1
                    if attempt == 20 { throw error }
                    var pause = timespec(tv_sec: 0, tv_nsec: 500_000_000)
                    nanosleep(&pause, nil)
                }
            }
            guard let consumer = made else { return 0 }
            defer { connection.deleteConsumer(consumer.name, of: stream) }
            var count = 0
            var remaining = consumer.pending
            guard remaining > 0 else { return 0 }
            let subscription = try connection.subscribe(stream: stream, consumer: consumer.name)
            var idle = 0
            while remaining > 0 {
                let batch = try subscription.fetch(batch: 1024, timeout: 2000)
                if batch.isEmpty {
                    idle += 1
                    if idle == 5 { throw MemberSetupError(message: "the stream stopped delivering with \(remaining) messages to go") }
                    continue
                }
                idle = 0
                for index in 0..<batch.count {
                    let message = batch[index]
                    message.withPayload { write($0) }
                    count += 1
                    remaining = message.metadata?.pending ?? 0
                }
            }
            return count
        } catch let error as MemberSetupError {
            throw error
        } catch {
            throw MemberSetupError(message: "\(error)")
        }
    }
}
