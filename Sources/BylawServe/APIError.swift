import BylawSource
import CEL
import HTTPTypes
import HummingbirdCore
import NIOCore

/// A request the server refuses or cannot answer, as the JSON every error response has:
/// `{"error": {"status", "code", "message", "hint"}, "diagnostics": [...]}`, where each
/// diagnostic has the shape `bylaw … --format json` gives (`code`, `severity`, `message`,
/// `location`, `hint`). Internal errors also carry the `decision` the fail mode gives.
struct APIError: Error {
    let status: HTTPResponse.Status
    /// A stable code (`request.too-large`, `stream.invalid-json`), documented in docs/serve.md.
    let code: DiagnosticCode
    let message: String
    var hint: String?
    var diagnostics: [Diagnostic] = []
    /// For an internal error of a decision: what the fail mode decides.
    var decision: String?
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ code: DiagnosticCode, _ message: String, hint: String? = nil, diagnostics: [Diagnostic] = []) {
        self.status = status
        self.code = code
        self.message = message
        self.hint = hint
        self.diagnostics = diagnostics
    }

    var json: JSONValue {
        var error: [(String, JSONValue)] = [
            ("status", .int(Int64(status.code))), ("code", .string(code.id)), ("message", .string(message)),
            ("hint", hint.map(JSONValue.string) ?? .null),
        ]
        if let decision { error.append(("decision", .string(decision))) }
        return .object([("error", .object(error)), ("diagnostics", .array(diagnostics.map(\.jsonValue)))])
    }

    /// The error as the response that carries it.
    var response: Response {
        var response = JSONResponse.make(json, status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}

extension APIError {
    static func tooLarge(limit: Int) -> APIError {
        var error = APIError(
            .contentTooLarge, .requestTooLarge, "the request body is larger than the limit of \(CELByteCount.text(limit))",
            hint: "raise the limit with --max-body (or --max-batch-body for /v1/decide/batch)")
        // The rest of the body is not read: the connection closes after the response.
        error.headers[.connection] = "close"
        return error
    }

    static func unauthorized(_ message: String) -> APIError {
        var error = APIError(.unauthorized, .requestUnauthorized, message, hint: "send 'Authorization: Bearer TOKEN' with a token of the token file")
        error.headers[.wwwAuthenticate] = "Bearer realm=\"bylaw\""
        return error
    }

    static func notFound(_ path: String) -> APIError {
        APIError(.notFound, .requestNotFound, "no route \(path)", hint: "the routes are listed in docs/openapi.yaml")
    }

    static func methodNotAllowed(_ method: String, path: String, allowed: [String]) -> APIError {
        var error = APIError(.methodNotAllowed, .requestMethodNotAllowed, "\(path) does not answer \(method)", hint: "use \(allowed.joined(separator: " or "))")
        error.headers[.allow] = allowed.joined(separator: ", ")
        return error
    }
}
