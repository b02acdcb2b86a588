import BylawSource
import Hummingbird

/// The route handlers and what they share: the serving revision, the metrics, the decision log,
/// the reloader. One value for the whole server; each request reads the revision once.
struct ServeHandlers: Sendable {
    let configuration: ServeConfiguration
    let store: SnapshotStore
    let metrics: ServeMetrics
    let log: DecisionLog?
    let reloader: Reloader
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

    /// Builds the router over every route of ``ServeRoute``.
    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.add(middleware: ErrorMiddleware(metrics: metrics, failMode: configuration.failMode))
        for route in ServeRoute.allCases {
            let method = HTTPRequest.Method(rawValue: route.method) ?? .get
            router.on(RouterPath(route.path), method: method) { request, context in
                try await handle(route, request, context: context)
            }
        }
        return router
    }

    private func handle(_ route: ServeRoute, _ request: Request, context: BasicRequestContext) async throws -> Response {
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

/// Turns what the router and handlers throw into the API's JSON errors: 404 and 405 for paths
/// and methods it does not serve, and a 500 (with the fail mode's decision, for the decision
/// routes) for anything unexpected. Every error response is counted by route and status.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    let metrics: ServeMetrics
    let failMode: FailMode

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let response: Response
        do {
            response = try await next(request, context)
        } catch let error as APIError {
            response = try error.response(from: request, context: context)
        } catch let error as HTTPError where error.status == .notFound {
            let path = request.uri.path
            let methods = ServeRoute.methods(of: path)
            let refusal = methods.isEmpty ? APIError.notFound(path) : .methodNotAllowed(request.method.rawValue, path: path, allowed: methods)
            response = try refusal.response(from: request, context: context)
        } catch let error as HTTPResponseError {
            let refusal = APIError(error.status, .requestRefused, "the request was refused (\(error.status.code) \(error.status.reasonPhrase))")
            response = try refusal.response(from: request, context: context)
        } catch {
            context.logger.error("internal error on \(request.uri.path): \(error)")
            var failure = APIError(.internalServerError, .serverInternalError, "the server failed to answer: \(error)")
            if request.uri.path.hasPrefix("/v1/decide") { failure.decision = failMode == .closed ? "deny" : "allow" }
            response = try failure.response(from: request, context: context)
        }
        if response.status.code >= 400 {
            let path = request.uri.path
            let known = ServeRoute.allCases.contains { $0.path == path } ? path : "other"
            metrics.countError(route: known, status: response.status.code)
        }
        return response
    }
}
