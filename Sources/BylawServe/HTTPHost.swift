#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import HummingbirdCore
#if canImport(NIOSSL)
import HummingbirdTLS
#endif
import Logging
import NIOCore
import NIOPosix
#if canImport(NIOSSL)
import NIOSSL
#endif
import ServiceLifecycle

/// The HTTP stack `bylaw serve` and `bylaw studio` share: HummingbirdCore's HTTP/1.1 server on
/// one address, held to ``ServeLimits`` (a deadline per request, `100-continue` answered only
/// within the body limit, a cap on connections), run in a service group that SIGTERM, SIGINT or
/// ``ServeControl/shutDown()`` stop gracefully. Each door brings its own responder and the
/// services that live beside the listener.
package struct HTTPHost: Sendable {
    package var host: String
    package var port: Int
    package var limits: ServeLimits
    /// The largest body a request to a path may have: `100-continue` is answered only within it.
    package var bodyLimit: @Sendable (String) -> Int
    /// The JSON (or other) body of the `408` a request past its deadline gets.
    package var timeoutBody: (contentType: String, text: String)
    /// Serve HTTPS with this; nil serves plain HTTP.
    package var tls: TLSConfiguration?
    package var logger: Logger

    package init(
        host: String, port: Int, limits: ServeLimits, logger: Logger, bodyLimit: @escaping @Sendable (String) -> Int,
        timeoutBody: (contentType: String, text: String), tls: TLSConfiguration? = nil
    ) {
        self.host = host
        self.port = port
        self.limits = limits
        self.logger = logger
        self.bodyLimit = bodyLimit
        self.timeoutBody = timeoutBody
        self.tls = tls
    }

    /// Serves until shut down. Services shut down in reverse order: `after` first (so a readiness
    /// flag can drop before the listener closes), then the listener (requests under way finish),
    /// then `before`. `onListening` gets the port once the socket listens (the configured one,
    /// or the one the system chose for port 0).
    package func run(
        before: [any Service] = [], after: [any Service] = [], control: ServeControl,
        responder: @escaping @Sendable (Request) async throws -> Response, onListening: @escaping @Sendable (Int) async -> Void
    ) async throws {
        // A reader that goes away (a log piped to a process that ended) must cost a write
        // error, not the process.
        signal(SIGPIPE, SIG_IGN)
        let timeout = limits.requestTimeout
        let http1 = HTTP1Channel.Configuration(
            additionalChannelHandlers: [
                ExpectContinueHandler(bodyLimit: bodyLimit),
                RequestDeadlineHandler(timeout: timeout, body: timeoutBody),
            ],
            idleTimeout: TimeAmount(limits.idleTimeout))
        #if canImport(NIOSSL)
        let server: HTTPServerBuilder = if let tls { try .tls(.http1(configuration: http1), tlsConfiguration: tls) } else { .http1(configuration: http1) }
        #else
        let server: HTTPServerBuilder = .http1(configuration: http1)
        #endif
        var frameworkLogger = logger
        // The framework's own lines (its listening line, each connection's errors) are noise
        // beside the door's; they show at debug level.
        if frameworkLogger.logLevel > .debug { frameworkLogger.logLevel = .warning }
        let http = try server.buildServer(
            configuration: ServerConfiguration(
                address: .hostname(host, port: port), serverName: nil, backlog: 256, reuseAddress: true,
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)),
            eventLoopGroup: MultiThreadedEventLoopGroup.singleton, logger: frameworkLogger,
            responder: { request, writer, _ in
                let response = try await responder(request)
                try await writer.write(response: response.head, body: response.body)
            },
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? 0) })
        var group = ServiceGroupConfiguration(
            services: before.map { .init(service: $0) } + [.init(service: http)] + after.map { .init(service: $0) },
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)
        group.maximumGracefulShutdownDuration = timeout + .seconds(10)
        let serviceGroup = ServiceGroup(configuration: group)
        control.attach(serviceGroup)
        try await serviceGroup.run()
    }
}
