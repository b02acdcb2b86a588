import BylawReport
import BylawSource

/// The frame every page shares: the head (the studio's own style and script), a skip link, the
/// navigation with the current page marked, and the page's content in `<main>`.
struct StudioPage {
    /// The sections of the navigation, in order.
    enum Section: String, CaseIterable {
        case policies, tests, handbook, tryIt, dryRun

        var title: String {
            switch self {
            case .policies: "Policies"
            case .tests: "Tests"
            case .handbook: "Handbook"
            case .tryIt: "Try it"
            case .dryRun: "Dry-run"
            }
        }

        var path: String {
            switch self {
            case .policies: StudioRoute.policies.path
            case .tests: StudioRoute.tests.path
            case .handbook: StudioRoute.handbook.path
            case .tryIt: StudioRoute.tryIt.path
            case .dryRun: StudioRoute.dryRun.path
            }
        }
    }

    let title: String
    let section: Section?
    /// The session token, for the script's requests (`X-Bylaw-Token`) and the forms.
    let token: String
    /// Shown under the navigation: the folder and workspace the studio works on.
    let context: String

    /// The whole page around `content`.
    func render(_ content: String, bodyClass: String = "") -> String {
        var nav = ""
        for item in Section.allCases {
            let current = item == section ? " aria-current=\"page\"" : ""
            nav += "<li><a href=\"\(item.path)\"\(current)>\(item.title)</a></li>"
        }
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="bylaw-token" content="\(h(token))">
            <title>\(h(title)) · Bylaw Studio</title>
            <link rel="stylesheet" href="\(StudioRoute.style.path)">
            <script src="\(StudioRoute.script.path)" defer></script>
            </head>
            <body class="\(h(bodyClass))">
            <a class="skip" href="#main">Skip to content</a>
            <header class="top">
            <p class="brand">Bylaw Studio</p>
            <nav aria-label="Studio"><ul>\(nav)</ul></nav>
            <p class="context">\(context)</p>
            </header>
            <main id="main" tabindex="-1">
            \(content)
            </main>
            </body>
            </html>

            """
    }

    /// The hidden field a form posts its token in (the CSRF check of every `POST`).
    var tokenField: String { "<input type=\"hidden\" name=\"token\" value=\"\(h(token))\">" }
}

/// `text` escaped for HTML element content and double-quoted attributes.
func h(_ text: String) -> String { HTMLText.escaped(text) }

/// Diagnostics as a list, each with its place, severity, message, code, hint and notes.
enum DiagnosticsHTML {
    static func list(_ diagnostics: [Diagnostic], limit: Int = 100, relativeTo root: String? = nil) -> String {
        guard !diagnostics.isEmpty else { return "" }
        var out = "<ul class=\"diagnostics\">"
        for diagnostic in diagnostics.prefix(limit) { out += item(diagnostic, relativeTo: root) }
        out += "</ul>"
        if diagnostics.count > limit { out += "<p class=\"muted\">\(diagnostics.count - limit) more not shown.</p>" }
        return out
    }

    static func item(_ diagnostic: Diagnostic, relativeTo root: String?) -> String {
        var out = "<li class=\"diagnostic \(diagnostic.severity.rawValue)\">"
        out += "<span class=\"place\">\(h(place(diagnostic, relativeTo: root)))</span> "
        out += "<span class=\"severity\">\(diagnostic.severity.rawValue)</span>: \(h(diagnostic.message)) "
        out += "<code class=\"code\">\(h(diagnostic.code.id))</code>"
        if let hint = diagnostic.hint { out += "<div class=\"hint\">hint: \(h(hint))</div>" }
        for note in diagnostic.notes {
            let at = note.span.map { "\($0.start.line):\($0.start.column): " } ?? ""
            out += "<div class=\"note\">note: \(h(at + note.message))</div>"
        }
        return out + "</li>"
    }

    /// `file:line:col`, as the command line prints it (the file relative to the policy folder).
    static func place(_ diagnostic: Diagnostic, relativeTo root: String?) -> String {
        var file = diagnostic.path ?? ""
        if let root { file = StudioFolders.relative(file, to: root) }
        guard let start = diagnostic.location else { return file }
        return "\(file):\(start.line):\(start.column)"
    }
}
