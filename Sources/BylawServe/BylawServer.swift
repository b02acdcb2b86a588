#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawReload
import BylawSource
import HummingbirdCore
import Logging
import NIOCore
#if canImport(NIOSSL)
import NIOSSL
#endif
import ServiceLifecycle
import Synchronization

/// The decision server: loads a revision, then serves the API until SIGTERM or SIGINT (or
/// ``ServeControl/shutDown()``), reloading as the files change.
///
/// Start-up reads everything first (policies, workspace, token file, TLS files, the decision
/// log): anything wrong stops it with diagnostics before it listens. Shutdown is graceful: the
/// listener closes, requests under way finish, the decision log is written out, then
/// ``run(control:onListening:)`` returns.
public struct BylawServer: Sendable {
    public let configuration: ServeConfiguration
    private let handlers: ServeHandlers
    private let reloader: Reloader
    private let tls: TLSConfiguration?
    private let logger: Logger
    /// The warnings the first load gave (an expired exception, a skipped file).
    public let warnings: [Diagnostic]

    /// Why the server cannot start.
    public struct StartupFailure: Error, Sendable {
        public let message: String
        public let diagnostics: [Diagnostic]
    }

    /// Loads what the server serves; the reasons it cannot start, when it cannot.
    public static func prepare(_ configuration: ServeConfiguration, logger: Logger) -> Result<BylawServer, StartupFailure> {
        let fingerprint = configuration.fingerprint
        let loader = RevisionLoader(configuration: configuration)
        let loaded: RevisionLoader.Loaded
        switch loader.load(trigger: "startup") {
        case .success(let first): loaded = first
        case .failure(let failure): return .failure(StartupFailure(message: failure.message, diagnostics: failure.diagnostics))
        }
        var tls: TLSConfiguration?
        if let files = configuration.tls {
            switch ServeTLS.configuration(files) {
            case .success(let made): tls = made
            case .failure(let failure): return .failure(failure)
            }
        }
        let metrics = ServeMetrics()
        metrics.loadedAt.set(to: loaded.snapshot.loadedAt.unixSeconds)
        var log: DecisionLog?
        if let settings = configuration.decisionLog {
            do {
                log = try DecisionLog(settings: settings, metrics: metrics, logger: logger)
            } catch {
                return .failure(StartupFailure(
                    message: "the decision log cannot be opened",
                    diagnostics: [Diagnostic(code: .serveDecisionLog, message: error.message, path: settings.path)]))
            }
        }
        let store = SnapshotStore(loaded.snapshot)
        let reloader = Reloader(loader: loader, store: store, metrics: metrics, log: log, logger: logger, firstFingerprint: fingerprint)
        let handlers = ServeHandlers(configuration: configuration, store: store, metrics: metrics, log: log, reloader: reloader, logger: logger)
        return .success(BylawServer(
            configuration: configuration, handlers: handlers, reloader: reloader, tls: tls, logger: logger, warnings: loaded.warnings))
    }

    /// The revision loaded at start-up (or the latest since).
    public var revision: String { handlers.store.current.revision }

    /// How many policies and rules the serving revision has.
    public var counts: (policies: Int, rules: Int) {
        let policies = handlers.store.current.policies
        return (policies.policies.count, policies.rules.count)
    }

    /// Serves until shut down. `onListening` gets the port once the socket listens (the
    /// configured one, or the one the system chose for port 0).
    public func run(control: ServeControl = ServeControl(), onListening: @escaping @Sendable (Int) async -> Void) async throws {
        let limits = configuration.limits
        let timeoutBody = APIError(.requestTimeout, .requestTimeout, "the request took longer than the server's limit", hint: "raise it with --request-timeout").json
        let host = HTTPHost(
            host: configuration.host, port: configuration.port, limits: limits, logger: logger,
            bodyLimit: { path in path.hasPrefix(ServeRoute.decideBatch.path) ? limits.maxBatchBody : limits.maxBody },
            timeoutBody: (JSONResponse.contentType, timeoutBody.compact + "\n"), tls: tls)
        let handlers = self.handlers
        // Services shut down in reverse order: readiness drops first, then the listener closes and
        // requests finish, then reloading stops, and last the decision log is written out.
        try await host.run(
            before: [DecisionLogService(log: handlers.log), reloader], after: [DrainMarker(store: handlers.store)], control: control,
            responder: { request in try await handlers.respond(to: request) }, onListening: onListening)
    }
}

/// Shuts a running server down gracefully, as SIGTERM does (for tests and embedders).
public final class ServeControl: Sendable {
    private let group = Mutex<ServiceGroup?>(nil)

    public init() {}

    func attach(_ serviceGroup: ServiceGroup) {
        group.withLock { $0 = serviceGroup }
    }

    /// Stops accepting, lets requests under way finish, writes the decision log out.
    public func shutDown() async {
        guard let serviceGroup = group.withLock({ $0 }) else { return }
        await serviceGroup.triggerGracefulShutdown()
    }
}

/// Drops readiness as soon as shutdown begins, before the listener closes.
private struct DrainMarker: Service {
    let store: SnapshotStore

    func run() async throws {
        try? await gracefulShutdown()
        store.drain()
    }
}

/// Writes the decision log out at shutdown, once every request has finished.
private struct DecisionLogService: Service {
    let log: DecisionLog?

    func run() async throws {
        try? await gracefulShutdown()
        await log?.close(timeout: .seconds(5))
    }
}
