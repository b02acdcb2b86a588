import BylawSource

/// Diagnostic codes as SARIF rules (`yaml.duplicate-key`, `stream.invalid-json`), and
/// diagnostics as SARIF results pointing at them.
struct SARIFCodes {
    private(set) var codes: [DiagnosticCode] = []
    private var indexByCode: [DiagnosticCode: Int] = [:]
    private var firstSeverities: [Severity] = []
    /// The address of the docs folder, for each rule's `helpUri`; none without it.
    let documentationURI: String?

    init(documentationURI: String? = nil) {
        self.documentationURI = documentationURI
    }

    mutating func index(of code: DiagnosticCode, severity: Severity = .error) -> Int {
        if let index = indexByCode[code] { return index }
        indexByCode[code] = codes.count
        firstSeverities.append(severity)
        codes.append(code)
        return codes.count - 1
    }

    /// One `reportingDescriptor` per code, described from the catalogue: its summary, its help
    /// and a link to its explanation, and its severity as the level. A code no registry declares
    /// is described by its own texts if it has them, else by its id; when its severity depends on
    /// the use, the level is that of the first diagnostic seen.
    var descriptors: [JSONValue] {
        zip(codes, firstSeverities).map { code, firstSeverity in
            let described = DiagnosticCatalogue.code(id: code.id) ?? code
            var pairs: [(String, JSONValue)] = [("id", .string(described.id))]
            if described.summary.utf8CodeUnitCount == 0 {
                pairs.append(("shortDescription", .object([("text", .string(described.id))])))
            } else {
                pairs.append(("shortDescription", .object([("text", .string(described.summary.description))])))
                pairs.append(("fullDescription", .object([("text", .string(described.help.description))])))
                pairs.append(("help", .object([("text", .string(described.help.description))])))
            }
            if let documentationURI, let uri = DiagnosticCatalogue.helpURI(of: described, documentation: documentationURI) {
                pairs.append(("helpUri", .string(uri)))
            }
            pairs.append(("defaultConfiguration", .object([("level", .string((described.severity ?? firstSeverity).sarifLevel))])))
            return .object(pairs)
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
