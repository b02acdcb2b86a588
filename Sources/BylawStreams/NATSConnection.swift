#if canImport(Glibc)
import Glibc
#endif
internal import CNATS

/// A connection to a NATS server (or cluster) and its JetStream context: the one owner of the
/// library's connection, options and context handles.
///
/// Raw memory: the handles are the library's; this class creates them, hands them only to the
/// library's calls, and destroys them in `deinit`. The library's connection is safe to use from
/// several threads (hence `@unchecked Sendable`); its callbacks reach ``NATSCallbacks``.
/// Publishes go through a ``NATSPublishLane`` of their own.
///
/// Once connected it reconnects by itself, forever, to any server of the cluster it learns of:
/// what is published while it is away waits in the library's buffer and goes out on reconnect.
final class NATSConnection: @unchecked Sendable {
    private let connection: OpaquePointer
    private let context: OpaquePointer
    let callbacks: NATSCallbacks
    /// The servers asked for, as given.
    let servers: [String]
    /// How long a JetStream request waits for its answer, in milliseconds.
    let requestTimeout: Int64

    /// How the connection behaves; the defaults suit a member that must ride out restarts.
    struct Settings: Sendable {
        /// The name the server shows for this client (`nats server report connections`).
        var name = "bylaw"
        /// How long to wait for a server at connect time, in milliseconds.
        var connectTimeout: Int64 = 5000
        /// How long a JetStream request (stream and consumer information, a fetch's set-up)
        /// waits for its answer, in milliseconds.
        var requestTimeout: Int64 = 5000
        /// How long to wait between reconnect attempts to one server, in milliseconds.
        var reconnectWait: Int64 = 250
    }

    /// Connects to the first server of `servers` that answers (each a `nats://HOST:PORT` URL).
    init(servers: [String], settings: Settings = Settings(), events: @escaping @Sendable (NATSConnectionEvent) -> Void) throws(NATSError) {
        self.servers = servers
        requestTimeout = settings.requestTimeout
        let callbacks = NATSCallbacks(events: events)
        self.callbacks = callbacks
        let closure = Unmanaged.passRetained(callbacks).toOpaque()
        var options: OpaquePointer?
        try natsOptions_Create(&options).check("cannot set up a NATS connection")
        guard let options else { throw NATSError(context: "cannot set up a NATS connection", message: "no options") }
        defer { natsOptions_Destroy(options) }
        let url = servers.joined(separator: ",")
        let context = "cannot connect to \(url)"
        // The library's own URL option takes one server: the list goes in as an array.
        let copies = servers.map { strdup($0) }
        defer { copies.forEach { free($0) } }
        var pointers = copies.map { UnsafePointer<CChar>($0) }
        try pointers.withUnsafeMutableBufferPointer { list in
            natsOptions_SetServers(options, list.baseAddress, Int32(list.count))
        }.check(context)
        try natsOptions_SetName(options, settings.name).check(context)
        try natsOptions_SetTimeout(options, settings.connectTimeout).check(context)
        try natsOptions_SetMaxReconnect(options, -1).check(context)
        try natsOptions_SetReconnectWait(options, settings.reconnectWait).check(context)
        // A dead server is noticed within about 15 s even when no packet says so.
        try natsOptions_SetPingInterval(options, 5000).check(context)
        try natsOptions_SetMaxPingsOut(options, 3).check(context)
        try natsOptions_SetDisconnectedCB(options, { _, closure in NATSConnection.box(closure)?.events(.disconnected) }, closure).check(context)
        try natsOptions_SetReconnectedCB(options, { connection, closure in
            var buffer = [CChar](repeating: 0, count: 256)
            let url = natsConnection_GetConnectedUrl(connection, &buffer, buffer.count) == NATS_OK
                ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "?"
            NATSConnection.box(closure)?.events(.reconnected(url))
        }, closure).check(context)
        try natsOptions_SetClosedCB(options, { _, closure in NATSConnection.box(closure)?.events(.closed) }, closure).check(context)
        try natsOptions_SetErrorHandler(options, { _, _, status, closure in
            let text = natsStatus_GetText(status).map { String(cString: $0) } ?? "status \(status.rawValue)"
            NATSConnection.box(closure)?.events(.error(text))
        }, closure).check(context)
        var connection: OpaquePointer?
        try natsConnection_Connect(&connection, options).check(context)
        guard let connection else { throw NATSError(context: context, message: "no connection") }
        var jsOptions = jsOptions()
        jsOptions_Init(&jsOptions)
        jsOptions.Wait = settings.requestTimeout
        var jetStream: OpaquePointer?
        let status = natsConnection_JetStream(&jetStream, connection, &jsOptions)
        guard status == NATS_OK, let jetStream else {
            natsConnection_Destroy(connection)
            throw NATSError(status, context: "cannot use JetStream on \(url)")
        }
        self.connection = connection
        self.context = jetStream
    }

    deinit {
        jsCtx_Destroy(context)
        natsConnection_Destroy(connection)
    }

    fileprivate static func box(_ closure: UnsafeMutableRawPointer?) -> NATSCallbacks? {
        closure.map { Unmanaged<NATSCallbacks>.fromOpaque($0).takeUnretainedValue() }
    }

    /// The library's handles, lent to the other `NATS…` types for one call.
    var handle: OpaquePointer { connection }
    var jetStream: OpaquePointer { context }

    /// The server connected to now (`nats://127.0.0.1:4222`), or nil while reconnecting.
    var connectedServer: String? {
        var buffer = [CChar](repeating: 0, count: 256)
        guard natsConnection_GetConnectedUrl(connection, &buffer, buffer.count) == NATS_OK else { return nil }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Connected now (not reconnecting, not closed).
    var isConnected: Bool { natsConnection_Status(connection) == NATS_CONN_STATUS_CONNECTED }

    /// Closed for good: by ``drain(timeout:)`` or ``close()``, or by the server refusing it.
    var isClosed: Bool { natsConnection_IsClosed(connection) }

    /// The largest message the server takes (its `max_payload`), headers included.
    var maxPayload: Int { Int(natsConnection_GetMaxPayload(connection)) }

    /// Sends what is buffered and waits for the server to confirm it has read it.
    func flush(timeout: Int64) throws(NATSError) {
        try natsConnection_FlushTimeout(connection, timeout).check("cannot flush to the server")
    }

    /// Sends what is buffered (acknowledgements, publishes), waits up to `timeout`
    /// milliseconds for the server to confirm it has read it, and closes the connection. The
    /// events of the closing (a disconnect) are not reported.
    func drain(timeout: Int64) {
        callbacks.closing.store(true, ordering: .releasing)
        // While reconnecting nothing can reach the server: what is buffered is given up (the
        // messages it acknowledged are delivered again, their findings de-duplicated).
        if isConnected { _ = natsConnection_FlushTimeout(connection, timeout) }
        natsConnection_Close(connection)
    }

    /// Closes the connection at once (what is buffered is lost).
    func close() {
        natsConnection_Close(connection)
    }
}
