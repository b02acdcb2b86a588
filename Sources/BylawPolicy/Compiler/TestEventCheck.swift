import BylawSource
import BylawYAML

/// A test's `event` checked against the usage event format as the scanner knows it, from the
/// schema table (``DomainSchema/eventLayout``): a key events do not have (`artefact:`) and a
/// value of the wrong kind (`tokens: {in: "many"}`) are errors at their line and column, with a
/// "did you mean". A stream skips unknown keys, but a test is written by hand: a misspelt key
/// would leave the test's event without the field it meant to set, and an `expect: allow` test
/// passing while testing nothing.
///
/// A value of a field whose values are known (`classification: clinet`) is a warning, as the
/// same literal in a condition is (``KnownValueSet``).
enum TestEventCheck {
    /// The event's fields by key path (`tokens.in`).
    private static let rows: [String: EventFieldRow] = Dictionary(
        DomainSchema.eventLayout.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })

    /// The problems of `event` (a mapping), in the order of its keys.
    static func diagnostics(_ event: YAMLNode, in file: SourceFile, budget: inout DidYouMean.Budget) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        check(event, part: nil, file, &budget, &diagnostics)
        return diagnostics
    }

    /// The keys of the event (`part` nil) or of one of its parts (`tokens`).
    private static func check(_ node: YAMLNode, part: String?, _ file: SourceFile, _ budget: inout DidYouMean.Budget, _ diagnostics: inout [Diagnostic]) {
        guard let pairs = node.pairs else { return }
        let place = part.map { "'\($0)' of the test's event" } ?? "the test's event"
        for pair in pairs {
            guard let key = pair.key.scalarText else { continue }
            let path = part.map { "\($0).\(key)" } ?? key
            guard let row = rows[path] else {
                let keys = Self.keys(in: part)
                diagnostics.append(.error(
                    .policyTestEventUnknownKey, "unknown key '\(key)' in \(place)", in: file, at: pair.key.range,
                    hint: DidYouMean.hint(key, from: keys, budget: &budget) ?? "the keys of \(place) are: \(PolicyCompiler.listed(keys))"))
                continue
            }
            check(pair.value, row, file, &budget, &diagnostics)
        }
    }

    /// One value against its field's kind.
    private static func check(_ value: YAMLNode, _ row: EventFieldRow, _ file: SourceFile, _ budget: inout DidYouMean.Budget, _ diagnostics: inout [Diagnostic]) {
        let scalar = value.isScalar ? value.scalarValue : nil
        if scalar == YAMLScalarValue.null { return }
        let expected: String
        switch (row.valueKind, scalar) {
        case (.string, .string(let text)?):
            if case .enumeration(let values) = row.field.type {
                if let warning = KnownValueSet(values).diagnostic(for: text, at: SourceSpan(file: file, range: value.range), budget: &budget) {
                    diagnostics.append(warning)
                }
            }
            return
        case (.integer, .int?), (.decimal, .int?), (.decimal, .float?):
            return
        case (.object, _) where value.isMapping:
            check(value, part: row.path, file, &budget, &diagnostics)
            return
        case (.string, _): expected = "text"
        case (.integer, _): expected = "an integer"
        case (.decimal, _): expected = "a number"
        case (.object, _): expected = "a mapping (its keys: \(PolicyCompiler.listed(keys(in: row.path))))"
        }
        diagnostics.append(.error(
            .policyTestEventWrongType, "expected \(expected) for '\(row.path)', found \(value.kindDescription)", in: file, at: value.range,
            hint: hint(for: value, row)))
    }

    /// What to write instead, when it is a matter of quotes.
    private static func hint(for value: YAMLNode, _ row: EventFieldRow) -> String? {
        switch (row.valueKind, value.isScalar ? value.scalarValue : nil) {
        case (.string, .int?), (.string, .float?), (.string, .bool?):
            return "put \(value.scalarText ?? "the value") in quotes"
        case (.integer, .string(let text)?) where Int64(text) != nil, (.decimal, .string(let text)?) where Double(text) != nil:
            return "remove the quotes around \(text)"
        default:
            return nil
        }
    }

    /// The keys of the event (`part` nil) or of one of its parts, in the table's order.
    private static func keys(in part: String?) -> [String] {
        let type = part.map { rows[$0]?.field.type.objectName.flatMap(DomainSchema.type(named:)) } ?? DomainSchema.event
        return type?.fields.compactMap(\.streamKey) ?? []
    }
}
