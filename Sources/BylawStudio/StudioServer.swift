import BylawServe
import BylawSource
import HummingbirdCore
import Logging
import Synchronization

/// Bylaw Studio: the local web app over the policy folder, served on the HTTP stack of
/// `bylaw serve` (``HTTPHost``) until SIGTERM or SIGINT (or ``ServeControl/shutDown()``).
///
/// Nothing is loaded at start-up but the session token: every page reads the policy folder,
/// the workspace and the examples afresh, so a folder that does not exist yet, a policy that
/// does not parse or a workspace that does not load are states a page shows, not reasons not
/// to start.
public struct StudioServer: Sendable {
    public let configuration: StudioConfiguration
    /// The session token every request must carry.
    public let token: String
    private let logger: Logger

    public init(_ configuration: StudioConfiguration, logger: Logger) {
        self.configuration = configuration
        self.token = configuration.token ?? StudioSession.randomToken()
        self.logger = logger
    }

    /// The URL to open, with the session token, for the port listened on.
    public func url(port: Int) -> String {
        let address = ListenAddress(host: configuration.host, port: port)
        return "http://\(address)/?token=\(token)"
    }

    /// Serves until shut down. `onListening` gets the port once the socket listens.
    public func run(control: ServeControl = ServeControl(), onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let limits = configuration.limits
        let configuration = self.configuration
        let token = self.token
        let logger = self.logger
        let loopback = ListenAddress(host: configuration.host, port: configuration.port).isLoopback
        let port = PortBox()
        let host = HTTPHost(
            host: configuration.host, port: configuration.port, limits: limits, logger: logger, bodyLimit: { _ in limits.maxBody },
            timeoutBody: ("text/plain; charset=utf-8", "the request took longer than the studio's limit\n"))
        try await host.run(
            control: control,
            responder: { request in
                let handlers = StudioHandlers(
                    configuration: configuration, session: StudioSession(token: token, host: configuration.host, port: port.value, loopback: loopback),
                    logger: logger)
                return await handlers.respond(to: request)
            },
            onListening: { listening in
                port.set(listening)
                await onListening(listening)
            })
    }
}

/// The port the listener got (the configured one, or the system's pick for 0), known only once
/// it listens; requests read it to check their `Host` and name their cookie.
private final class PortBox: Sendable {
    private let port = Mutex(0)

    var value: Int { port.withLock { $0 } }

    func set(_ value: Int) { port.withLock { $0 = value } }
}
