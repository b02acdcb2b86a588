/// Every route of the studio: its method and path. The router and `405 Method Not Allowed` read
/// this one list.
enum StudioRoute: CaseIterable, Sendable {
    case home, policies, edit, tests, handbook, handbookPage, handbookPreview, tryIt, tryItRun, dryRun, dryRunRun, style, script, check, save, revert

    var method: String {
        switch self {
        case .handbookPreview, .tryItRun, .dryRunRun, .check, .save: "POST"
        default: "GET"
        }
    }

    var path: String {
        switch self {
        case .home: "/"
        case .policies: "/policies"
        case .edit: "/edit"
        case .tests: "/tests"
        case .handbook: "/handbook"
        case .handbookPage, .handbookPreview: "/handbook/page"
        case .tryIt, .tryItRun: "/try"
        case .dryRun, .dryRunRun: "/dry-run"
        case .style: "/assets/studio.css"
        case .script: "/assets/studio.js"
        case .check: "/api/check"
        case .save: "/api/save"
        case .revert: "/api/file"
        }
    }

    /// Whether a refusal is answered as JSON (the script's calls) rather than as a page.
    var isAPI: Bool { path.hasPrefix("/api/") }

    /// The methods a path answers, for `405` and its `Allow` header; empty for an unknown path.
    static func methods(of path: String) -> [String] {
        allCases.filter { $0.path == path }.map(\.method)
    }

    static func find(method: String, path: String) -> StudioRoute? {
        allCases.first { $0.path == path && $0.method == method }
    }
}
