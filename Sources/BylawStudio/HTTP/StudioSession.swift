import BylawServe
import HTTPTypes
import HummingbirdCore

/// Who may use a running studio: whoever holds its session token. The token is random, made at
/// start-up and printed in the URL (`?token=…`); the first visit trades it for a cookie (named
/// after the port, so studios on other ports keep theirs) and is redirected to the same page
/// without it, so the token does not linger in the address bar or the history.
///
/// Every request must carry the token (cookie, `X-Bylaw-Token` header or `token` query
/// parameter) and a `Host` naming the loopback address the studio listens on (a page of another
/// site that rebinds its name to 127.0.0.1 still names its own host). A `POST` must also come
/// from the studio's own origin (`Origin`) and carry the token in the `X-Bylaw-Token` header or
/// a `token` form field: a cookie alone never authorizes a change.
struct StudioSession: Sendable {
    let token: String
    /// The port listened on (the cookie's name carries it).
    let port: Int
    /// Hosts a request may name (empty: any, when listening beyond loopback by request).
    let hosts: Set<String>

    /// The header the studio's script sends the token in (always a valid name).
    static let headerName = HTTPField.Name("X-Bylaw-Token")

    /// The token header's value, if the request has one.
    private func headerToken(_ request: Request) -> String? {
        Self.headerName.flatMap { request.headers[$0] }
    }

    init(token: String, host: String, port: Int, loopback: Bool) {
        self.token = token
        self.port = port
        if loopback {
            let bracketed = host.contains(":") ? "[\(host)]" : host
            hosts = ["\(bracketed):\(port)", "127.0.0.1:\(port)", "localhost:\(port)", "[::1]:\(port)"]
        } else {
            hosts = []
        }
    }

    /// A new random token: 32 bytes, as hex.
    static func randomToken() -> String {
        var generator = SystemRandomNumberGenerator()
        let digits = Array("0123456789abcdef")
        var text = ""
        for _ in 0..<32 {
            let byte = UInt8.random(in: 0...255, using: &generator)
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return text
    }

    var cookieName: String { "bylaw-studio-\(port)" }

    /// The `Set-Cookie` value that keeps the session in the browser: not readable by scripts,
    /// never sent along from another site.
    var cookie: String { "\(cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict" }

    /// How a request stands.
    enum Admission: Equatable {
        /// It may go on.
        case admitted
        /// It carries the token in its query: set the cookie and send the browser to `location`.
        case exchange(location: String)
        /// Refused, with the status and the reason shown.
        case refused(HTTPResponse.Status, String)
    }

    /// Whether `request` may be answered (the form token of a `POST` is checked later, once its
    /// body is read: ``allowsChange(_:formToken:)``).
    func admit(_ request: Request, query: [String: String]) -> Admission {
        if !hosts.isEmpty {
            guard let authority = request.head.authority, hosts.contains(authority.lowercased()) else {
                return .refused(.misdirectedRequest, "this studio answers only requests addressed to it on this machine (Host: 127.0.0.1:\(port))")
            }
        }
        if let given = query["token"] {
            guard Self.same(given, token) else { return .refused(.unauthorized, "the link's token is not this studio's") }
            if request.method == .get { return .exchange(location: Self.withoutToken(request.uri)) }
            return .admitted
        }
        if let header = headerToken(request), Self.same(header, token) { return .admitted }
        if let cookie = cookieValue(request.headers[.cookie]), Self.same(cookie, token) { return .admitted }
        return .refused(.unauthorized, "open the studio with the link `bylaw studio` printed when it started (it ends with ?token=…)")
    }

    /// Whether a `POST` may change something: it comes from this studio's own pages (its
    /// `Origin` is the host it was sent to) and carries the token in the header or the form.
    func allowsChange(_ request: Request, formToken: String?) -> Bool {
        guard let origin = request.headers[.origin], let authority = request.head.authority,
              origin.lowercased() == "http://\(authority.lowercased())" else { return false }
        if let header = headerToken(request) { return Self.same(header, token) }
        if let formToken { return Self.same(formToken, token) }
        return false
    }

    private func cookieValue(_ header: String?) -> String? {
        guard let header else { return nil }
        for part in header.split(separator: ";") {
            let pair = part.trimmingPrefix(while: { $0 == " " })
            if pair.hasPrefix(cookieName + "=") { return String(pair.dropFirst(cookieName.count + 1)) }
        }
        return nil
    }

    /// The request's path and query with the `token` parameter left out.
    static func withoutToken(_ uri: URI) -> String {
        let kept = (uri.query ?? "").split(separator: "&").filter { !$0.hasPrefix("token=") && $0 != "token" }
        return kept.isEmpty ? uri.path : uri.path + "?" + kept.joined(separator: "&")
    }

    /// Compares in time that does not depend on where the texts differ.
    static func same(_ a: String, _ b: String) -> Bool {
        AccessTokens.same(Array(a.utf8), Array(b.utf8))
    }
}
