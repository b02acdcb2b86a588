/// Every route of the API: its method, its path and who may call it. The router, the metrics,
/// `405 Method Not Allowed` and the OpenAPI test all read this one list.
public enum ServeRoute: String, CaseIterable, Sendable {
    case decide, decideBatch, lint, plan, reload, status, live, ready, metrics

    /// Who may call a route when a token file is in force.
    public enum Access: Sendable {
        /// Anyone (health probes).
        case open
        /// A `decide` or `admin` token.
        case decide
        /// An `admin` token.
        case admin
    }

    /// The HTTP method.
    public var method: String {
        switch self {
        case .decide, .decideBatch, .lint, .plan, .reload: "POST"
        case .status, .live, .ready, .metrics: "GET"
        }
    }

    /// The path.
    public var path: String {
        switch self {
        case .decide: "/v1/decide"
        case .decideBatch: "/v1/decide/batch"
        case .lint: "/v1/lint"
        case .plan: "/v1/plan"
        case .reload: "/v1/reload"
        case .status: "/v1/status"
        case .live: "/health/live"
        case .ready: "/health/ready"
        case .metrics: "/metrics"
        }
    }

    /// Who may call it. The status answers a `decide` token with its summary and an `admin`
    /// token with its details.
    public var access: Access {
        switch self {
        case .decide, .decideBatch, .lint, .plan, .status: .decide
        case .reload, .metrics: .admin
        case .live, .ready: .open
        }
    }

    /// Whether its latency is a metric (the probes and the metrics themselves are not).
    var isTimed: Bool {
        switch self {
        case .decide, .decideBatch, .lint, .plan, .reload: true
        case .status, .live, .ready, .metrics: false
        }
    }

    /// The methods a path answers, for `405` and its `Allow` header; empty for an unknown path.
    static func methods(of path: String) -> [String] {
        allCases.filter { $0.path == path }.map(\.method)
    }
}
