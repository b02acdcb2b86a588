import BylawSource
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// The route handlers and what they share: the serving revision, the metrics, the decision log,
/// the reloader. One value for the whole server; each request reads the revision once.
struct ServeHandlers: Sendable {
    let configuration: ServeConfiguration
    let store: SnapshotStore
    let metrics: ServeMetrics
    let log: DecisionLog?
    let reloader: Reloader
    let logger: Logger
    let ids = DecisionIDs()

    /// The name findings and diagnostics give a request body.
    static let inputPath = "<request>"

    /// Checks the request's token against what `route` needs; the caller's role (admin when
    /// no token file is in force).
    @discardableResult
    func admit(_ request: Request, to route: ServeRoute, snapshot: PolicySnapshot) throws(APIError) -> AccessTokens.Role? {
        guard let tokens = snapshot.tokens else { return .admin }
        let role = tokens.role(authorization: request.headers[.authorization])
        switch route.access {
        case .open:
            return role
        case .decide:
            guard role != nil else { throw Self.missingToken(request) }
        case .admin:
            guard let role else { throw Self.missingToken(request) }
            guard role == .admin else {
                throw APIError(.forbidden, .requestForbidden, "\(route.path) needs an admin token", hint: "use a token of the 'admin' role")
            }
        }
        return role
    }

    /// What a route with a body starts with: the clock, the serving revision (read once, kept
    /// to the end), the token check, and the whole body up to `--max-body`.
    func open(_ request: Request, _ route: ServeRoute) async throws -> (start: ContinuousClock.Instant, snapshot: PolicySnapshot, body: ByteBuffer) {
        let start = ContinuousClock.now
        let snapshot = store.current
        try admit(request, to: route, snapshot: snapshot)
        return (start, snapshot, try await request.collectBody(limit: configuration.limits.maxBody))
    }

    private static func missingToken(_ request: Request) -> APIError {
        request.headers[.authorization] == nil
            ? .unauthorized("this server needs a bearer token")
            : .unauthorized("the bearer token is not one of the token file's")
    }

    /// Answers one request: finds its route (404 and 405 for paths and methods the API does not
    /// serve) and turns what a handler throws into the API's JSON errors, a 500 (with the fail
    /// mode's decision, for the decision routes) for anything unexpected. Every error response
    /// is counted by route and status. A request the HTTP parser rejects (a malformed body
    /// encoding) is rethrown: the connection answers it with 400 and closes.
    func respond(to request: Request) async throws -> Response {
        let path = request.uri.path
        let response: Response
        do {
            guard let route = ServeRoute.allCases.first(where: { $0.path == path && $0.method == request.method.rawValue }) else {
                let methods = ServeRoute.methods(of: path)
                throw methods.isEmpty ? APIError.notFound(path) : .methodNotAllowed(request.method.rawValue, path: path, allowed: methods)
            }
            response = try await handle(route, request)
        } catch let error as APIError {
            response = error.response
        } catch let error as HTTPParserError {
            throw error
        } catch {
            logger.error("internal error on \(path): \(error)")
            var failure = APIError(.internalServerError, .serverInternalError, "the server failed to answer: \(error)")
            if path.hasPrefix(ServeRoute.decide.path) { failure.decision = configuration.failMode == .closed ? "deny" : "allow" }
            response = failure.response
        }
        if response.status.code >= 400 {
            metrics.countError(route: ServeRoute.methods(of: path).isEmpty ? "other" : path, status: response.status.code)
        }
        return response
    }

    private func handle(_ route: ServeRoute, _ request: Request) async throws -> Response {
        switch route {
        case .decide: try await decide(request)
        case .decideBatch: try await decideBatch(request)
        case .lint: try await lint(request)
        case .plan: try await plan(request)
        case .reload: try await reload(request)
        case .status: try status(request)
        case .live: JSONResponse.make(.object([("status", .string("live"))]))
        case .ready: ready()
        case .metrics: try metricsText(request)
        }
    }
}
