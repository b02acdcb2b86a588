import BylawSource
import BylawYAML

/// Reads typed values out of YAML nodes for one file, collecting a diagnostic for every
/// mismatch instead of stopping at the first.
///
/// Codes are `policy.wrong-type`, `policy.unknown-key`, `policy.missing-field`: every check points
/// at the node that is wrong (the key for an unknown key, the value for a wrong type).
final class NodeReader {
    let file: SourceFile
    private(set) var diagnostics: [Diagnostic] = []

    init(file: SourceFile) { self.file = file }

    func span(_ range: SourceRange) -> SourceSpan { SourceSpan(file: file, range: range) }

    func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = [], hint: String? = nil) {
        diagnostics.append(.error(code, message, in: file, at: range, notes: notes, hint: hint))
    }

    func warning(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = [], hint: String? = nil) {
        diagnostics.append(.warning(code, message, in: file, at: range, notes: notes, hint: hint))
    }

    /// The pairs of a mapping, or a `policy.wrong-type` error naming what was expected.
    func mapping(_ node: YAMLNode, _ what: String) -> [YAMLPair]? {
        if let pairs = node.mapping { return pairs }
        error(.policyWrongType, "\(what) must be a mapping, found \(node.kindDescription)", at: node.range)
        return nil
    }

    /// The items of a sequence, or a `policy.wrong-type` error.
    func sequence(_ node: YAMLNode, _ what: String) -> [YAMLNode]? {
        if let items = node.sequence { return items }
        error(.policyWrongType, "\(what) must be a list, found \(node.kindDescription)", at: node.range)
        return nil
    }

    /// A scalar's text, accepting any scalar kind (numbers and booleans are read as written),
    /// or a `policy.wrong-type` error for a mapping, a sequence or null.
    func text(_ node: YAMLNode, _ what: String) -> String? {
        if let scalar = node.scalar, scalar.value != .null { return scalar.text }
        error(.policyWrongType, "\(what) must be a string, found \(node.kindDescription)", at: node.range)
        return nil
    }

    /// Like ``text(_:_:)`` but refuses empty strings too.
    func nonEmptyText(_ node: YAMLNode, _ what: String) -> String? {
        guard let value = text(node, what) else { return nil }
        if value.trimmingSpaces.isEmpty {
            error(.policyWrongType, "\(what) must not be empty", at: node.range)
            return nil
        }
        return value
    }

    /// A list of scalar strings (a single scalar is not silently promoted to a list).
    func textList(_ node: YAMLNode, _ what: String) -> [(text: String, range: SourceRange)]? {
        guard let items = sequence(node, what) else { return nil }
        var result: [(String, SourceRange)] = []
        for item in items {
            if let value = text(item, "each item of \(what)") { result.append((value, item.range)) }
        }
        return result
    }

    /// Reports each key not in `allowed` (with a "did you mean") and each key that is not a
    /// plain string; returns the pairs keyed by name for lookup.
    func keyed(_ pairs: [YAMLPair], allowed: [String], in what: String) -> [String: YAMLPair] {
        var result: [String: YAMLPair] = [:]
        for pair in pairs {
            guard let key = pair.key.scalar?.text, pair.key.scalar?.value != .null else {
                error(.policyWrongType, "keys of \(what) must be strings", at: pair.key.range)
                continue
            }
            if allowed.contains(key) {
                result[key] = pair
            } else {
                let hint = DidYouMean.hint(key, from: allowed)
                    ?? "the keys of \(what) are: \(allowed.joined(separator: ", "))"
                error(.policyUnknownKey, "unknown key '\(key)' in \(what)", at: pair.key.range, hint: hint)
            }
        }
        return result
    }

    /// ``keyed(_:allowed:in:)`` with the keys a section of the policy syntax declares.
    func keyed(_ pairs: [YAMLPair], _ section: PolicySection) -> [String: YAMLPair] {
        keyed(pairs, allowed: section.keyNames, in: section.noun)
    }

    /// The value for a required key, or a `policy.missing-field` error at `owner`.
    func required(_ keyed: [String: YAMLPair], _ key: String, in what: String, owner: YAMLNode) -> YAMLNode? {
        if let pair = keyed[key] { return pair.value }
        error(.policyMissingField, "\(what) has no '\(key)'", at: ownerRange(owner), hint: "add '\(key): …'")
        return nil
    }

    /// For a missing field we point at the first line of the owning mapping, not its whole extent.
    private func ownerRange(_ owner: YAMLNode) -> SourceRange {
        if let first = owner.mapping?.first { return first.key.range }
        return SourceRange(start: owner.range.start, end: owner.range.start)
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and line breaks (no Foundation needed).
    var trimmingSpaces: Substring {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return self[first...last]
    }
}
