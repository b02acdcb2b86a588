import BylawEval
import BylawPolicy
import BylawSource

/// Counts a report keeps as findings and diagnostics pass through, for its closing line.
struct ReportTally {
    private(set) var findings = 0
    private(set) var byEnforcement: [Enforcement: Int] = [:]
    private(set) var evaluationErrors = 0
    private(set) var diagnosticsBySeverity: [Severity: Int] = [:]

    mutating func count(_ finding: Finding) {
        findings += 1
        byEnforcement[finding.enforcement, default: 0] += 1
        if finding.kind == .evaluationError { evaluationErrors += 1 }
    }

    mutating func count(_ diagnostic: Diagnostic) {
        diagnosticsBySeverity[diagnostic.severity, default: 0] += 1
    }

    var diagnostics: Int { diagnosticsBySeverity.values.reduce(0, +) }

    /// `3 findings (1 block, 1 warn, 1 audit), 1 evaluation error, 2 input diagnostics`.
    var line: String {
        var text = plural(findings, "finding")
        if findings > 0 {
            let parts = Enforcement.allCases.reversed().compactMap { level in
                byEnforcement[level].map { "\($0) \(level.rawValue)" }
            }
            text += " (" + parts.joined(separator: ", ") + ")"
        }
        if evaluationErrors > 0 { text += ", of which " + plural(evaluationErrors, "evaluation error") }
        if diagnostics > 0 { text += ", " + plural(diagnostics, "input diagnostic") }
        return text
    }

    private func plural(_ count: Int, _ noun: String) -> String {
        "\(count) \(noun)\(count == 1 ? "" : "s")"
    }
}
