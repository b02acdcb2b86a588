import BylawEval
import BylawSource

/// Findings as the pages list them: the enforcement, the rule, the message and hint, and where
/// in the input the finding points.
enum FindingsHTML {
    static func list(_ findings: [Finding], empty: String) -> String {
        guard !findings.isEmpty else { return "<p class=\"muted\">\(h(empty))</p>" }
        var out = "<ul class=\"findings\">"
        for finding in findings { out += item(finding) }
        return out + "</ul>"
    }

    static func item(_ finding: Finding) -> String {
        var out = "<li class=\"finding \(finding.enforcement.rawValue)\">"
        out += "<span class=\"badge \(finding.enforcement.rawValue)\">\(finding.enforcement.rawValue)</span> "
        out += "<code>\(h(finding.rule.fullID))</code>"
        if finding.kind == .evaluationError { out += " <span class=\"badge error\">evaluation error</span>" }
        out += "<div class=\"message\">\(h(finding.message))</div>"
        if let hint = finding.hint { out += "<div class=\"hint\">hint: \(h(hint))</div>" }
        if let location = finding.location {
            out += "<div class=\"muted\">at \(h(location.file.path)):\(location.start.line):\(location.start.column)</div>"
        }
        return out + "</li>"
    }
}
