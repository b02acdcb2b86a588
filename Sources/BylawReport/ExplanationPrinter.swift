import BylawEval
import BylawPolicy
import BylawSource

/// Writes one explanation as indented lines.
struct ExplanationPrinter {
    let style: TextStyle
    /// The rule's file: places in it print as `line:column` alone.
    let file: String?
    let indent: String
    var out = ""

    init(style: TextStyle, file: String?, indent: String) {
        self.style = style
        self.file = file
        self.indent = indent
    }

    mutating func header(_ explanation: RuleExplanation) {
        var line = indent
        if let span = explanation.rule.definedAt {
            let start = span.start
            line += style.bold("\(span.file.path):\(start.line):\(start.column):") + " "
        }
        line += style.bold(explanation.rule.fullID)
        if let element = explanation.element { line += " (\(element.name) = \(TerminalText.clean(element.value.text)))" }
        out += line + " " + verdict(explanation) + "\n"
    }

    private func verdict(_ explanation: RuleExplanation) -> String {
        let enforcement = explanation.rule.enforcement
        switch explanation.outcome {
        case .fired: return style.severity(enforcement.reportSeverity, "fires (\(enforcement.rawValue))")
        case .failed: return style.red("could not be evaluated (\(enforcement.rawValue))")
        case .excepted: return style.cyan("is excepted")
        case .passed: return style.green("passes")
        case .notApplicable: return style.dim("does not apply")
        }
    }

    mutating func part(_ name: String, _ condition: ExplainedCondition) {
        out += indent + "  \(name):\n"
        node(condition, depth: 2)
    }

    mutating func exception(_ exception: ExplainedException) {
        let status: String
        switch exception.status {
        case .applied: status = style.cyan("applies")
        case .notMatching: status = "does not apply"
        case .failed: status = style.red("could not be evaluated, so it does not apply")
        case .expired: status = "expired, so it no longer applies"
        case .notConsidered: status = style.dim("not considered")
        }
        var line = indent + "  exception " + style.dim("(\(place(exception.span)))")
        if let reason = exception.declaration.reason { line += " " + JSONValue.string(reason).compact }
        if let expires = exception.declaration.expires { line += " (until \(expires))" }
        out += TerminalText.clean(line) + ": " + status + "\n"
        if let condition = exception.whereCondition { node(condition, depth: 2) }
    }

    mutating func result(_ explanation: RuleExplanation) {
        switch explanation.outcome {
        case .fired(let message, let hint):
            out += indent + "  " + style.bold("message:") + " " + TerminalText.clean(message) + "\n"
            if let hint { out += indent + "  " + style.bold("hint:") + " " + TerminalText.clean(hint) + "\n" }
        case .failed(let failure):
            out += indent + "  " + style.red("error:") + " " + TerminalText.clean(failure.message) + "\n"
        case .notApplicable, .passed, .excepted:
            break
        }
        if let location = explanation.location, explanation.enforcement != nil {
            let start = location.start
            out += indent + "  " + style.bold("at:") + " \(location.file.path):\(start.line):\(start.column)\n"
        }
    }

    private mutating func node(_ condition: ExplainedCondition, depth: Int) {
        let pad = indent + String(repeating: "  ", count: depth)
        var line = pad + mark(condition.value) + " "
        switch condition.kind {
        case .all, .any, .not, .leaf: line += Self.clean(condition.text)
        case .macro(let name): line += "macro " + name
        }
        line += " " + style.dim("(\(place(condition.span)))")
        switch condition.value {
        case .value(let text, _) where condition.value.truth == nil: line += " = " + TerminalText.clean(text)
        case .error, .skipped: line += ": " + TerminalText.clean(condition.value.text)
        case .value: break
        }
        out += line + "\n"
        for read in condition.reads { out += pad + "    " + Self.clean(read.text) + " = " + TerminalText.clean(read.value.text) + "\n" }
        for child in condition.children { node(child, depth: depth + 1) }
        if condition.omitted > 0 { out += pad + "  " + style.dim("… \(condition.omitted) more not shown") + "\n" }
    }

    private func mark(_ value: ExplainedValue) -> String {
        switch value {
        case .value where value.truth == true: return style.green("✓")
        case .value where value.truth == false: return style.red("✗")
        case .value: return "•"
        case .error: return style.red("!")
        case .skipped: return style.dim("?")
        }
    }

    /// `line:column` in the rule's file, `path:line:column` elsewhere.
    private func place(_ span: SourceSpan) -> String {
        let start = span.start
        let position = "\(start.line):\(start.column)"
        return span.file.path == file ? position : "\(span.file.path):\(position)"
    }

    /// An expression on one line and safe for a terminal: line breaks and runs of spaces (a
    /// block scalar's) as one space, control characters escaped.
    static func clean(_ text: String) -> String {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
        // A line of a tree, not the policy: its place says where to read the rest.
        return TerminalText.clean(words.joined(separator: " ").shortened(to: maxExpression))
    }

    /// The most characters of an expression a line shows.
    static let maxExpression = 120
}

extension String {
    /// The first `limit` characters and `…`, when the text is longer.
    func shortened(to limit: Int) -> String {
        guard utf8.count > limit else { return self }
        let head = prefix(limit)
        return head.endIndex == endIndex ? self : String(head) + "…"
    }
}
