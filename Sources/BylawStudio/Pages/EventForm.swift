import BylawSchema
import BylawSource

/// The form of a usage event, built from the event schema (``DomainSchema/eventLayout``): one
/// labelled field per key an event line may hold, in the schema's order, a choice list for
/// each enumerated field, numbers for counts and amounts. What is filled in becomes the event's
/// JSON; empty fields are left out, as a stream leaves out what it does not know.
enum EventForm {
    /// A field of the form: the event's key path (`artifact.classification`) and its row.
    struct Field {
        let path: String
        let row: EventFieldRow

        var name: String { "e." + path }
        var id: String { "event-" + path.replacingOccurrences(of: ".", with: "-") }
    }

    /// Every scalar field, top-level fields in schema order, each object's fields after it.
    static let fields: [Field] = {
        let rows = DomainSchema.eventLayout
        func order(_ row: EventFieldRow) -> (Int, Int) {
            guard let parent = row.parent else { return (row.celIndex, -1) }
            return (rows[parent].celIndex, row.celIndex)
        }
        return rows.filter { $0.valueKind != .object }.sorted { order($0) < order($1) }.map { Field(path: $0.path, row: $0) }
    }()

    /// The event's JSON from the form's fields (`e.PATH`), and the problems with what was typed.
    static func json(from form: [String: String]) -> (json: String, problems: [String]) {
        var problems: [String] = []
        var top: [(String, JSONValue)] = []
        var nested: [String: [(String, JSONValue)]] = [:]
        var nestedOrder: [String] = []
        for field in fields {
            guard let given = form[field.name] else { continue }
            let raw = String(given.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
            guard !raw.isEmpty else { continue }
            var value = JSONValue.string(raw)
            switch field.row.valueKind {
            case .integer:
                guard let number = Int64(raw) else {
                    problems.append("\(field.path) must be a whole number, found '\(raw)'")
                    continue
                }
                value = .int(number)
            case .decimal:
                guard let number = Double(raw), number.isFinite else {
                    problems.append("\(field.path) must be a number, found '\(raw)'")
                    continue
                }
                value = .double(number)
            case .string, .object:
                break
            }
            let parts = field.path.split(separator: ".", maxSplits: 1).map(String.init)
            if parts.count == 2 {
                if nested[parts[0]] == nil { nestedOrder.append(parts[0]) }
                nested[parts[0], default: []].append((parts[1], value))
            } else {
                top.append((field.path, value))
            }
        }
        for key in nestedOrder { top.append((key, .object(nested[key] ?? []))) }
        return (JSONValue.object(top).compact, problems)
    }

    /// The form's values from an event's JSON (to fill the form from an example or raw JSON).
    static func values(from event: JSONValue) -> [String: String] {
        var values: [String: String] = [:]
        for field in fields {
            var value: JSONValue? = event
            for key in field.path.split(separator: ".") { value = value?[String(key)] }
            switch value {
            case .string(let text): values[field.name] = text
            case .int(let number): values[field.name] = String(number)
            case .double(let number): values[field.name] = JSONValue.double(number).compact
            default: break
            }
        }
        return values
    }

    /// The fields as HTML, filled with `values`.
    static func html(_ values: [String: String]) -> String {
        var out = "<div class=\"event-fields\">"
        for field in fields {
            let value = values[field.name] ?? ""
            // The schema's docs mark values as code (`prompt`); a form's help is plain text.
            let doc = String(field.row.field.doc.filter { $0 != "`" })
            let described = doc.isEmpty ? "" : " aria-describedby=\"\(field.id)-doc\""
            out += "<div class=\"field\"><label for=\"\(field.id)\">\(h(field.path))</label>"
            if let values = field.row.field.type.enumeration {
                out += "<select id=\"\(field.id)\" name=\"\(field.name)\"\(described)><option value=\"\"\(value.isEmpty ? " selected" : "")>—</option>"
                var names = values.names
                if !value.isEmpty, !names.contains(value) { names.append(value) }
                for name in names { out += "<option\(name == value ? " selected" : "")>\(h(name))</option>" }
                out += "</select>"
            } else {
                let type = field.row.valueKind == .string ? "text" : "number"
                let step = field.row.valueKind == .decimal ? " step=\"any\"" : ""
                out += "<input id=\"\(field.id)\" name=\"\(field.name)\" type=\"\(type)\"\(step) value=\"\(h(value))\"\(described)>"
            }
            if !doc.isEmpty { out += "<small id=\"\(field.id)-doc\">\(h(doc))</small>" }
            out += "</div>"
        }
        return out + "</div>"
    }
}
