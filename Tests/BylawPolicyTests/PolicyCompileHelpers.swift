import BylawPolicy
import BylawSource
import Testing

/// Compiles one policy source (with markers) and returns the diagnostics and the set.
func compile(_ source: MarkedSource, today: String = "2026-11-22") -> (set: PolicySet?, diagnostics: [Diagnostic]) {
    var loaded = PolicySetLoader.Result()
    PolicySetLoader.load(file: source.file, into: &loaded)
    let date = CalendarDate(today) ?? CalendarDate(year: 2026, month: 1, day: 1)
    guard let date else { return (nil, loaded.diagnostics) }
    let (set, diagnostics) = PolicyCompiler(today: date).compile(loaded.documents)
    return (loaded.diagnostics.isEmpty && !diagnostics.contains { $0.severity == .error } ? set : nil, loaded.diagnostics + diagnostics)
}

/// Asserts one diagnostic with `code` starts exactly at `marker`, and when `hint` is given,
/// that its hint contains that text.
func expectDiagnostic(
    _ code: DiagnosticCode, at marker: String, in source: MarkedSource, _ diagnostics: [Diagnostic], hint: String? = nil,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    let expected = source.location(marker)
    let matching = diagnostics.filter { $0.code == code }
    #expect(!matching.isEmpty, "no \(code) among \(diagnostics.map { "\($0.code)@\($0.location.map { "\($0.line):\($0.column)" } ?? "-")" })", sourceLocation: sourceLocation)
    let placed = matching.filter { $0.location?.line == expected?.line && $0.location?.column == expected?.column }
    #expect(
        !placed.isEmpty,
        "\(code) at \(matching.compactMap { $0.location.map { "\($0.line):\($0.column)" } }), expected \(expected.map { "\($0.line):\($0.column)" } ?? "?")",
        sourceLocation: sourceLocation)
    if let hint, let diagnostic = placed.first {
        #expect(diagnostic.hint?.contains(hint) == true, "hint \(diagnostic.hint ?? "none"), expected it to contain \(hint)", sourceLocation: sourceLocation)
    }
}

extension MarkedSource {
    /// Policy `p` with one rule `r` on `trigger` (over `element`, a `for:`) whose `forbid:` is
    /// `condition` (YAML, indented under `forbid:` when it spans lines), after `preamble`
    /// (top-level keys such as `lists:`).
    static func rule(on trigger: String = "usage", for element: String? = nil, forbid condition: String, preamble: String = "") -> MarkedSource {
        let lines = condition.split(separator: "\n", omittingEmptySubsequences: false)
        let forbid = lines.count == 1 ? "forbid: \(condition)" : "forbid:\n" + lines.map { "      " + $0 }.joined(separator: "\n")
        let head = "policy: p\n" + (preamble.isEmpty ? "" : preamble + "\n") + "rules:\n  - id: r\n    on: \(trigger)\n"
        return MarkedSource(head + (element.map { "    for: \($0)\n" } ?? "") + "    \(forbid)\n")
    }
}
