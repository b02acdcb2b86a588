import BylawServe
import BylawSource
import HTTPTypes
import HummingbirdCore
import Logging
import NIOCore

/// The studio's route handlers and what they share: the configuration, the folders, the
/// session. Made for each request (it holds nothing that changes).
struct StudioHandlers: Sendable {
    let configuration: StudioConfiguration
    let session: StudioSession
    let logger: Logger
    let folders: StudioFolders

    init(configuration: StudioConfiguration, session: StudioSession, logger: Logger) {
        self.configuration = configuration
        self.session = session
        self.logger = logger
        folders = StudioFolders(policies: configuration.policies, examples: configuration.examples)
    }

    /// A request's route, query and (for a `POST`) form, once admitted.
    struct Call {
        let request: Request
        let route: StudioRoute
        let query: [String: String]
        var form: [String: String] = [:]
    }

    /// Answers one request: finds its route, checks the session (and, for a `POST`, that the
    /// change comes from the studio's own page), and turns what a handler throws into a page
    /// or, for the script's calls, JSON.
    func respond(to request: Request) async -> Response {
        let path = request.uri.path
        let query = FormFields(request.uri.query ?? "").dictionary
        let api = path.hasPrefix("/api/")
        do {
            switch session.admit(request, query: query) {
            case .admitted: break
            case .exchange(let location): return StudioResponse.redirect(location, cookie: session.cookie)
            case .refused(let status, let message): throw StudioError(status, message)
            }
            guard let route = StudioRoute.find(method: request.method.rawValue, path: path) else {
                let methods = StudioRoute.methods(of: path)
                if methods.isEmpty { throw StudioError(.notFound, "There is no page \(path) in the studio.") }
                var error = StudioError(.methodNotAllowed, "\(path) does not answer \(request.method.rawValue).")
                error.headers[.allow] = methods.joined(separator: ", ")
                throw error
            }
            var call = Call(request: request, route: route, query: query)
            if route.method == "POST" {
                let body = try await request.collectBody(
                    limit: configuration.limits.maxBody,
                    refusal: StudioError(.contentTooLarge, "The request is larger than the studio's limit of \(configuration.limits.maxBody) bytes (--max-body)."))
                call.form = FormFields(bytes: Array(body.readableBytesView)).dictionary
                guard session.allowsChange(request, formToken: call.form["token"]) else {
                    throw StudioError(.forbidden, "This request did not come from the studio's own page (its origin or token is missing or wrong); reload the page and try again.")
                }
            }
            return try handle(call)
        } catch let error as StudioError {
            return error.response(api: api, page: errorPage)
        } catch {
            logger.error("internal error on \(path): \(error)")
            return StudioError(.internalServerError, "The studio failed to answer: \(error)").response(api: api, page: errorPage)
        }
    }

    private func handle(_ call: Call) throws -> Response {
        switch call.route {
        case .home: return StudioResponse.redirect(StudioRoute.policies.path)
        case .policies: return StudioResponse.html(policiesPage())
        case .edit: return StudioResponse.html(try editorPage(call))
        case .tests: return StudioResponse.html(testsPage(call))
        case .handbook: return StudioResponse.html(handbookPage())
        case .handbookPage, .handbookPreview: return try handbookDocument(call)
        case .tryIt, .tryItRun: return StudioResponse.html(tryPage(call))
        case .dryRun, .dryRunRun: return StudioResponse.html(dryRunPage(call))
        case .style: return StudioResponse.asset(StudioAssets.style, contentType: "text/css; charset=utf-8")
        case .script: return StudioResponse.asset(StudioAssets.script, contentType: "text/javascript; charset=utf-8")
        case .check: return try check(call)
        case .save: return try save(call)
        case .revert: return try fileText(call)
        }
    }

    /// The frame of a page of `section`.
    func page(_ title: String, _ section: StudioPage.Section?) -> StudioPage {
        var context = "Policies: <code>\(h(folders.policies.path))/</code>"
        context += " · Workspace: " + (configuration.workspace.map { "<code>\(h($0))</code>" } ?? "none (an empty one)")
        return StudioPage(title: title, section: section, token: session.token, context: context)
    }

    private func errorPage(_ error: StudioError) -> String {
        let title = error.status.code == 401 ? "This studio needs its link" : "\(error.status.code) \(error.status.reasonPhrase)"
        var content = "<h1>\(h(title))</h1><p class=\"error-state\" role=\"alert\">\(h(error.message))</p>"
        content += DiagnosticsHTML.list(error.diagnostics)
        if error.status.code != 401 { content += "<p><a href=\"\(StudioRoute.policies.path)\">Back to the policies</a></p>" }
        // A refused visitor gets no token in the page.
        let frame = error.status.code == 401 || error.status.code == 421
            ? StudioPage(title: title, section: nil, token: "", context: "")
            : page(title, nil)
        return frame.render(content)
    }
}
