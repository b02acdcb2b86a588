import BylawEval
import BylawReport
import BylawSource

/// Explanations as the pages show them: one disclosure per rule (open when the rule fired or
/// could not be evaluated), its summary the rule and what it made of the input, its body the
/// explanation exactly as `bylaw explain` prints it (each part of the rule with its value and
/// place, the values it read, each exception), coloured as in a terminal.
enum ExplanationsHTML {
    static func list(_ explanations: [RuleExplanation]) -> String {
        var out = "<div class=\"explanations\">"
        for explanation in explanations { out += item(explanation) }
        return out + "</div>"
    }

    static func item(_ explanation: RuleExplanation) -> String {
        let (word, kind, open) = verdict(explanation)
        var out = "<details class=\"explanation \(kind)\"\(open ? " open" : "")><summary><code>\(h(explanation.rule.fullID))</code>"
        if let element = explanation.element { out += " <span class=\"muted\">(\(h(element.name)) = \(h(element.value.text)))</span>" }
        out += " <span class=\"badge \(kind)\">\(h(word))</span></summary>"
        out += "<pre class=\"explanation\">\(StyledText.html(ExplanationReport.text(explanation, style: .ansi)))</pre>"
        return out + "</details>"
    }

    /// What the rule made of the input, a class for its colour, and whether to show it open.
    private static func verdict(_ explanation: RuleExplanation) -> (String, String, Bool) {
        let enforcement = explanation.rule.enforcement.rawValue
        switch explanation.outcome {
        case .fired: return ("fires (\(enforcement))", enforcement, true)
        case .failed: return ("could not be evaluated (\(enforcement))", "error", true)
        case .excepted: return ("is excepted", "audit", false)
        case .passed: return ("passes", "ok", false)
        case .notApplicable: return ("does not apply", "muted", false)
        }
    }
}
