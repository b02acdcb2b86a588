import BylawEval
import BylawSource

extension Finding {
    /// The finding as a JSON object (docs/output-formats.md): `rule`, `policy`, `kind`,
    /// `enforcement`, `message`, `hint`, `location`, for stream findings `event`, and when the
    /// run explains its findings, `explanation`.
    ///
    /// `location.line`/`column` are 1-based and `column` counts characters. A stream finding
    /// has no column: its location is the event's line in the stream.
    public var jsonValue: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(rule.fullID)),
            ("policy", .string(rule.policyID)),
            ("kind", .string(kind.rawValue)),
            ("enforcement", .string(enforcement.rawValue)),
            ("message", .string(message)),
            ("hint", hint.map(JSONValue.string) ?? .null),
        ]
        pairs.append(("location", locationJSON))
        if let event {
            pairs.append(("event", .object([("line", .int(Int64(event.line))), ("id", event.id.map(JSONValue.string) ?? .null)])))
        }
        if let explanation { pairs.append(("explanation", explanation.jsonValue)) }
        return .object(pairs)
    }

    private var locationJSON: JSONValue {
        if let location {
            let start = location.start
            return .object([
                ("file", .string(location.file.path)), ("line", .int(Int64(start.line))), ("column", .int(Int64(start.column))),
            ])
        }
        if let event {
            return .object([("file", .string(inputPath)), ("line", .int(Int64(event.line)))])
        }
        return .object([("file", .string(inputPath))])
    }
}

extension Diagnostic {
    /// The diagnostic as JSON: `code`, `severity`, `message`, `location` (`file`, and `line`,
    /// `column` when it has a position), `hint` and `notes`.
    public var jsonValue: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("code", .string(code.id)),
            ("severity", .string(severity.rawValue)),
            ("message", .string(message)),
            ("location", Diagnostic.locationJSON(span: span, path: path)),
            ("hint", hint.map(JSONValue.string) ?? .null),
        ]
        if !notes.isEmpty {
            pairs.append(("notes", .array(notes.map { note in
                .object([("message", .string(note.message)), ("location", Diagnostic.locationJSON(span: note.span, path: note.span?.file.path))])
            })))
        }
        return .object(pairs)
    }

    static func locationJSON(span: SourceSpan?, path: String?) -> JSONValue {
        if let span { return span.locationJSON }
        if let path { return .object([("file", .string(path))]) }
        return .null
    }
}
