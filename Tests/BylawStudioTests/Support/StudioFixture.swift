@testable import BylawStudio
import BylawPolicy
import BylawServe
import Foundation
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import Testing

/// A studio over a scratch copy of the shipped policies and examples, asked in-process: each
/// request goes through the same ``StudioHandlers/respond(to:)`` a socket's request does, with
/// the session checks, but no socket (fast, and nothing to start or stop).
struct StudioFixture {
    let folder: URL
    let policies: String
    let examples: String
    let configuration: StudioConfiguration
    static let token = "test-token-0123456789abcdef"
    static let port = 8182
    static let origin = "http://127.0.0.1:\(port)"

    /// The package root (where `Policies/` and `Examples/` are).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-studio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        policies = folder.appendingPathComponent("Policies").path
        examples = folder.appendingPathComponent("Examples").path
        try FileManager.default.copyItem(atPath: Self.root.appendingPathComponent("Policies").path, toPath: policies)
        try FileManager.default.createDirectory(atPath: examples, withIntermediateDirectories: true)
        for part in ["workspaces", "usage", "changes", "serve"] {
            try FileManager.default.copyItem(
                atPath: Self.root.appendingPathComponent("Examples/\(part)").path, toPath: examples + "/" + part)
        }
        var configuration = StudioConfiguration(policies: policies)
        configuration.workspace = examples + "/workspaces/acme.yaml"
        configuration.examples = [examples]
        configuration.fixedToday = CalendarDate(year: 2026, month: 11, day: 22)
        configuration.token = Self.token
        configuration.port = Self.port
        self.configuration = configuration
    }

    func remove() {
        try? FileManager.default.removeItem(at: folder)
    }

    /// What a request got back.
    struct Reply {
        let status: Int
        let headers: HTTPFields
        let body: String

        func json() throws -> [String: Any] {
            try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
        }
    }

    /// Sends a request as the browser would: to 127.0.0.1 on the studio's port, with the
    /// session cookie unless `cookie` is false.
    func send(
        _ method: HTTPRequest.Method, _ path: String, form: [(String, String)]? = nil, cookie: Bool = true,
        headers extra: HTTPFields = [:], configuration override: StudioConfiguration? = nil, authority: String = "127.0.0.1:\(port)"
    ) async throws -> Reply {
        let configuration = override ?? self.configuration
        var headers: HTTPFields = [:]
        if cookie { headers[.cookie] = "other=1; bylaw-studio-\(Self.port)=\(Self.token)" }
        var bytes: [UInt8] = []
        if let form {
            bytes = Array(form.map { "\(FormFields.encode($0.0))=\(FormFields.encode($0.1))" }.joined(separator: "&").utf8)
            headers[.contentType] = "application/x-www-form-urlencoded"
            headers[.contentLength] = String(bytes.count)
        }
        headers.append(contentsOf: extra)
        let head = HTTPRequest(method: method, scheme: "http", authority: authority, path: path, headerFields: headers)
        let request = Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: bytes)))
        let session = StudioSession(token: Self.token, host: "127.0.0.1", port: Self.port, loopback: true)
        var logger = Logger(label: "bylaw.studio.test")
        logger.logLevel = .critical
        let response = await StudioHandlers(configuration: configuration, session: session, logger: logger).respond(to: request)
        let collector = CollectingWriter()
        try await response.body.write(collector)
        return Reply(status: Int(response.status.code), headers: response.headers, body: String(buffer: collector.collected))
    }

    /// A change sent as the studio's own script sends it: same origin, the token in its header.
    func change(_ path: String, _ form: [(String, String)]) async throws -> Reply {
        try await send(.post, path, form: form, headers: [.origin: Self.origin, StudioSession.headerName!: Self.token])
    }

    /// A form posted as the studio's pages post it: same origin, the token in a form field.
    func submit(_ path: String, _ form: [(String, String)], configuration: StudioConfiguration? = nil) async throws -> Reply {
        try await send(.post, path, form: [("token", Self.token)] + form, headers: [.origin: Self.origin], configuration: configuration)
    }

    func text(_ relative: String) throws -> String {
        try String(contentsOfFile: policies + "/" + relative, encoding: .utf8)
    }
}

/// Keeps what a response body writes.
final class CollectingWriter: ResponseBodyWriter, @unchecked Sendable {
    // `@unchecked`: used by one task at a time.
    var collected = ByteBuffer()

    func write(_ buffer: ByteBuffer) async throws {
        var buffer = buffer
        collected.writeBuffer(&buffer)
    }

    func finish(_ trailingHeaders: HTTPFields?) async throws {}
}
