import BylawSource

// The `serve.*`, `server.*` and `request.*` codes: start-up and reload problems of `bylaw serve`,
// and the codes of its error responses (`{"error": {"code", …}}`). Declared beside the catalogue
// because the server is a door after the reports.

extension DiagnosticCode {
    public static let serveTokenFile = DiagnosticCode(
        "serve.token-file", severity: .error, summary: "The token file cannot be used",
        help: "a line of `--token-file` is not `decide TOKEN` or `admin TOKEN`, a token is shorter than 16 printable ASCII characters, or the file holds no token")
    public static let serveTLS = DiagnosticCode(
        "serve.tls", severity: .error, summary: "TLS cannot be set up",
        help: "`--tls-cert` holds no PEM certificate, `--tls-key` no PEM private key, or the key does not fit the certificate")
    public static let serveDecisionLog = DiagnosticCode(
        "serve.decision-log", severity: .error, summary: "The decision log cannot be opened",
        help: "`--decision-log` cannot be opened for appending")
    public static let serveReloadFailed = DiagnosticCode(
        "serve.reload-failed", severity: .error, summary: "A reload failed",
        help: "`POST /v1/reload`: the files give no revision; the previous one keeps serving (the diagnostics say why)")
    public static let serverInternalError = DiagnosticCode(
        "server.internal-error", severity: .error, summary: "The server failed to answer",
        help: "the server failed to answer (HTTP 500); `error.decision` is what `--fail` decides")
    public static let requestNoEvent = DiagnosticCode(
        "request.no-event", severity: .error, summary: "A decision request without an event",
        help: "the body of `/v1/decide` is empty or only whitespace")
    public static let requestUnauthorized = DiagnosticCode(
        "request.unauthorized", severity: .error, summary: "No valid bearer token",
        help: "no valid bearer token (HTTP 401)")
    public static let requestForbidden = DiagnosticCode(
        "request.forbidden", severity: .error, summary: "The route needs an admin token",
        help: "the route needs an admin token (HTTP 403)")
    public static let requestNotFound = DiagnosticCode(
        "request.not-found", severity: .error, summary: "No such route", help: "no such route (HTTP 404)")
    public static let requestMethodNotAllowed = DiagnosticCode(
        "request.method-not-allowed", severity: .error, summary: "The route does not answer this method",
        help: "the route does not answer this method (HTTP 405)")
    public static let requestTimeout = DiagnosticCode(
        "request.timeout", severity: .error, summary: "The request took too long",
        help: "the request took longer than `--request-timeout` (HTTP 408)")
    public static let requestTooLarge = DiagnosticCode(
        "request.too-large", severity: .error, summary: "The request body is too large",
        help: "the body is larger than `--max-body` or `--max-batch-body` (HTTP 413)")
    public static let requestInvalidInput = DiagnosticCode(
        "request.invalid-input", severity: .error, summary: "The request's config does not load",
        help: "the config of `/v1/lint` or `/v1/plan` does not load, or a plan request is not `{before, after}` (HTTP 422)")
    public static let requestInvalidPlan = DiagnosticCode(
        "request.invalid-plan", severity: .error, summary: "A malformed plan request",
        help: "a plan request without `after:`, with another key, or that is not a mapping")
}

extension DiagnosticRegistry {
    /// `bylaw serve`: start-up, reload and error responses.
    public static let serve = DiagnosticRegistry(
        prefix: "serve", codes: [.serveTokenFile, .serveTLS, .serveDecisionLog, .serveReloadFailed])
    /// The server's own failures.
    public static let server = DiagnosticRegistry(prefix: "server", codes: [.serverInternalError])
    /// What a client's request can get wrong.
    public static let request = DiagnosticRegistry(
        prefix: "request",
        codes: [
            .requestNoEvent, .requestUnauthorized, .requestForbidden, .requestNotFound, .requestMethodNotAllowed, .requestTimeout,
            .requestTooLarge, .requestInvalidInput, .requestInvalidPlan,
        ])
}
