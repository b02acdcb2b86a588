import BylawReport
import BylawSource
import HTTPTypes
import HummingbirdCore
import NIOCore

/// The studio's responses: pages, the script's JSON, assets, redirects. Every one is
/// `no-store` (pages show files that change) and carries headers that keep it to itself: no
/// framing by other sites, no content sniffing, no referrer.
enum StudioResponse {
    /// Pages: scripts and styles only from the studio itself, no inline script.
    static let pagePolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; "
        + "frame-src 'self'; frame-ancestors 'none'; base-uri 'none'"
    /// The handbook as `bylaw handbook` writes it: its own inline style, no script at all,
    /// shown only inside the studio's handbook page.
    static let handbookPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"

    static func html(_ text: String, status: HTTPResponse.Status = .ok, policy: String = pagePolicy) -> Response {
        make(text, contentType: "text/html; charset=utf-8", status: status, policy: policy)
    }

    static func json(_ value: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        make(value.compact + "\n", contentType: "application/json", status: status, policy: pagePolicy)
    }

    static func asset(_ text: String, contentType: String) -> Response {
        make(text, contentType: contentType, status: .ok, policy: pagePolicy)
    }

    /// `303 See Other` to `location`, setting `cookie` when given.
    static func redirect(_ location: String, cookie: String? = nil) -> Response {
        var response = make("", contentType: "text/plain; charset=utf-8", status: .seeOther, policy: pagePolicy)
        response.headers[.location] = location
        if let cookie { response.headers[.setCookie] = cookie }
        return response
    }

    static func make(_ text: String, contentType: String, status: HTTPResponse.Status, policy: String) -> Response {
        var headers: HTTPFields = [
            .contentType: contentType, .cacheControl: "no-store", .contentSecurityPolicy: policy, .xContentTypeOptions: "nosniff",
        ]
        // `same-origin`, not `no-referrer`: with the latter a browser sends `Origin: null` on a
        // form's POST, which the origin check must refuse.
        if let name = HTTPField.Name("Referrer-Policy") { headers[name] = "same-origin" }
        if let name = HTTPField.Name("X-Frame-Options") { headers[name] = policy == handbookPolicy ? "SAMEORIGIN" : "DENY" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }
}

/// A request the studio refuses or cannot answer: a page for people, JSON for the script.
struct StudioError: Error {
    let status: HTTPResponse.Status
    let message: String
    var diagnostics: [Diagnostic] = []
    var headers: HTTPFields = [:]

    init(_ status: HTTPResponse.Status, _ message: String, diagnostics: [Diagnostic] = []) {
        self.status = status
        self.message = message
        self.diagnostics = diagnostics
    }

    func response(api: Bool, page: (StudioError) -> String) -> Response {
        var response = api
            ? StudioResponse.json(.object([
                ("error", .object([("status", .int(Int64(status.code))), ("message", .string(message))])),
                ("diagnostics", .array(diagnostics.map(\.jsonValue))),
            ]), status: status)
            : StudioResponse.html(page(self), status: status)
        response.headers.append(contentsOf: headers)
        return response
    }
}
