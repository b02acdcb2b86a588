import Foundation
import NIOCore
import NIOPosix
#if canImport(NIOSSL)
import NIOSSL
#else
typealias TLSConfiguration = Never
#endif
import Testing

/// A raw HTTP/1.1 client over a real loopback socket: it sends exactly the bytes a test gives
/// (a malformed request line, a body cut short, a lying `Content-Length`) and reads the answer
/// until the server closes. Non-blocking (SwiftNIO), so a test waiting for an answer never
/// holds a thread the server needs.
struct TestClient: Sendable {
    let port: Int
    /// When set, the connection is TLS, trusting this configuration's roots.
    var tls: TLSConfiguration?
    /// How long an exchange may take before the test fails.
    var deadline: Duration = .seconds(60)

    init(port: Int, tls: TLSConfiguration? = nil) {
        self.port = port
        self.tls = tls
    }

    /// Sends one request with `Connection: close` and reads its response.
    func request(
        _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8]? = nil, token: String? = nil
    ) async throws -> Reply {
        var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
        if let token { head += "Authorization: Bearer \(token)\r\n" }
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        if let body, !headers.contains(where: { $0.0.lowercased() == "content-length" || $0.0.lowercased() == "transfer-encoding" }) {
            head += "Content-Length: \(body.count)\r\n"
        }
        head += "\r\n"
        return try Reply(try await exchange([Array(head.utf8) + (body ?? [])]))
    }

    /// ``request(_:_:headers:body:token:)`` with a text body.
    func request(_ method: String, _ path: String, text: String, headers: [(String, String)] = [], token: String? = nil) async throws -> Reply {
        try await request(method, path, headers: headers, body: Array(text.utf8), token: token)
    }

    /// Sends `pieces` one after another, `pause` apart, then reads until the server closes.
    /// `sent` hears of each piece once it is written.
    func exchange(_ pieces: [[UInt8]], pause: Duration = .zero, sent: (@Sendable (Int) async -> Void)? = nil) async throws -> [UInt8] {
        let port = self.port
        let tls: TLSConfiguration? = self.tls
        return try await withDeadline(deadline) {
            let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
                .connect(host: "127.0.0.1", port: port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        #if canImport(NIOSSL)
                        if let tls {
                            let context = try NIOSSLContext(configuration: tls)
                            try channel.pipeline.syncOperations.addHandler(try NIOSSLClientHandler(context: context, serverHostname: "localhost"))
                        }
                        #endif
                        return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                            wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: false))
                    }
                }
            return try await channel.executeThenClose { inbound, outbound in
                for (index, piece) in pieces.enumerated() {
                    if index > 0, pause > .zero { try await Task.sleep(for: pause) }
                    try await outbound.write(ByteBuffer(bytes: piece))
                    await sent?(index)
                }
                var received: [UInt8] = []
                do {
                    for try await chunk in inbound { received.append(contentsOf: chunk.readableBytesView) }
                } catch let error where Self.isUncleanTLSShutdown(error) {
                    // A server may close without TLS's goodbye; what arrived is the answer.
                } catch is ChannelError {
                    // Reset by the server after its answer.
                }
                return received
            }
        }
    }
}

/// Runs `operation`, failing when it takes longer than `limit`.
func withDeadline<T: Sendable>(_ limit: Duration, _ operation: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T?.self) { group in
        group.addTask { try await operation() }
        group.addTask {
            try await Task.sleep(for: limit)
            return nil
        }
        defer { group.cancelAll() }
        guard let first = try await group.next(), let value = first else {
            throw DeadlineExceeded(limit: limit)
        }
        return value
    }
}

struct DeadlineExceeded: Error, CustomStringConvertible {
    let limit: Duration
    var description: String { "no answer within \(limit)" }
}

/// A parsed HTTP response.
struct Reply: Sendable, CustomStringConvertible {
    let status: Int
    /// Header names in lower case.
    let headers: [(String, String)]
    let body: [UInt8]

    init(_ raw: [UInt8]) throws {
        let separator: [UInt8] = Array("\r\n\r\n".utf8)
        guard let end = raw.firstRange(of: separator) else { throw Malformed(raw: raw) }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusWords = head.first?.split(separator: " ") ?? []
        guard statusWords.count >= 2, let status = Int(statusWords[1]) else { throw Malformed(raw: raw) }
        self.status = status
        headers = head.dropFirst().compactMap { line in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (line[..<colon].lowercased(), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let rest = Array(raw[end.upperBound...])
        body = headers.contains { $0.0 == "transfer-encoding" && $0.1.lowercased() == "chunked" } ? try Self.dechunk(rest) : rest
    }

    struct Malformed: Error, CustomStringConvertible {
        let raw: [UInt8]
        var description: String { "not an HTTP response: \(String(decoding: raw.prefix(300), as: UTF8.self))" }
    }

    func header(_ name: String) -> String? { headers.first { $0.0 == name.lowercased() }?.1 }

    var text: String { String(decoding: body, as: UTF8.self) }

    /// The body as one JSON object.
    func json() throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any], "not a JSON object: \(text)")
    }

    /// The body's lines, each a JSON object (NDJSON).
    func lines() throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    var description: String { "\(status) \(text)" }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstRange(of: Array("\r\n".utf8)) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText, radix: 16) else { throw Malformed(raw: bytes) }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard start + size <= bytes.count else { throw Malformed(raw: bytes) }
            out.append(contentsOf: bytes[start..<start + size])
            index = start + size + 2
        }
        return out
    }
}

extension TestClient {
    static func isUncleanTLSShutdown(_ error: any Error) -> Bool {
        #if canImport(NIOSSL)
        return (error as? NIOSSLError) == .uncleanShutdown
        #else
        return false
        #endif
    }
}
