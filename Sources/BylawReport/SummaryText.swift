import BylawSource

/// Renders a run's summary (any JSON) as indented `key: value` lines for the text report.
enum SummaryText {
    /// Deeper than this, a value prints as compact JSON on one line.
    static let maxDepth = 8

    static func render(_ summary: JSONValue) -> String {
        guard case .object(let pairs) = summary, !pairs.isEmpty else { return "" }
        var out = ""
        write(pairs, indent: 1, to: &out)
        return out
    }

    private static func write(_ pairs: [(String, JSONValue)], indent: Int, to out: inout String) {
        let pad = String(repeating: "  ", count: indent)
        for (key, value) in pairs {
            switch value {
            case .object(let inner) where !inner.isEmpty && indent < maxDepth:
                out += pad + TerminalText.clean(key) + ":\n"
                write(inner, indent: indent + 1, to: &out)
            default:
                out += pad + TerminalText.clean(key) + ": " + scalar(value) + "\n"
            }
        }
    }

    private static func scalar(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): return TerminalText.clean(text)
        case .null: return "-"
        default: return value.compact
        }
    }
}
