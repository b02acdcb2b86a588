import BylawSource

/// Diagnostic codes as SARIF rules (`yaml.duplicate-key`, `stream.malformed-line`), and
/// diagnostics as SARIF results pointing at them.
struct SARIFCodes {
    private(set) var codes: [DiagnosticCode] = []
    private var indexByCode: [DiagnosticCode: Int] = [:]
    private var levels: [DiagnosticCode: Severity] = [:]

    mutating func index(of code: DiagnosticCode, severity: Severity = .error) -> Int {
        if let index = indexByCode[code] { return index }
        indexByCode[code] = codes.count
        levels[code] = severity
        codes.append(code)
        return codes.count - 1
    }

    /// One `reportingDescriptor` per code; the level is that of the first diagnostic seen.
    var descriptors: [JSONValue] {
        codes.map { code in
            .object([
                ("id", .string(code.id)),
                ("shortDescription", .object([("text", .string(code.id))])),
                ("defaultConfiguration", .object([("level", .string((levels[code] ?? .error).sarifLevel))])),
            ])
        }
    }

    /// A result for a diagnostic. With `component`, the rule lives in `tool.extensions[component]`
    /// and is referenced through `rule`; without, in the driver, through `ruleIndex`.
    static func result(for diagnostic: Diagnostic, ruleIndex: Int, component: Int?, artifacts: inout SARIFArtifacts) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("ruleId", .string(diagnostic.code.id))]
        if let component {
            pairs.append(("rule", .object([
                ("id", .string(diagnostic.code.id)), ("index", .int(Int64(ruleIndex))),
                ("toolComponent", .object([("index", .int(Int64(component)))])),
            ])))
        } else {
            pairs.append(("ruleIndex", .int(Int64(ruleIndex))))
        }
        pairs.append(("level", .string(diagnostic.severity.sarifLevel)))
        var text = diagnostic.message
        if let hint = diagnostic.hint { text += "\nHint: " + hint }
        pairs.append(("message", .object([("text", .string(text))])))
        if let span = diagnostic.span {
            pairs.append(("locations", .array([physicalLocation(span, artifacts: &artifacts)])))
        } else if let path = diagnostic.path {
            pairs.append(("locations", .array([.object([("physicalLocation", .object([("artifactLocation", artifacts.location(of: path))]))])])))
        }
        let related = diagnostic.notes.compactMap { note -> (DiagnosticNote, SourceSpan)? in note.span.map { (note, $0) } }
        if !related.isEmpty {
            var locations: [JSONValue] = []
            for (index, (note, span)) in related.enumerated() {
                locations.append(.object(
                    [("id", .int(Int64(index)))] + physicalPairs(span, artifacts: &artifacts)
                        + [("message", .object([("text", .string(note.message))]))]))
            }
            pairs.append(("relatedLocations", .array(locations)))
        }
        return .object(pairs)
    }

    private static func physicalLocation(_ span: SourceSpan, artifacts: inout SARIFArtifacts) -> JSONValue {
        .object(physicalPairs(span, artifacts: &artifacts))
    }

    private static func physicalPairs(_ span: SourceSpan, artifacts: inout SARIFArtifacts) -> [(String, JSONValue)] {
        [("physicalLocation", .object([
            ("artifactLocation", artifacts.location(of: span.file.path)), ("region", SARIFArtifacts.region(span)),
        ]))]
    }
}
