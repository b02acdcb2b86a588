import BylawSchema
import BylawSource

/// The pieces of a JSON Schema (draft-07) the editor schemas are built from, with the keywords
/// editors read besides the standard ones: `markdownDescription`, `enumDescriptions`,
/// `markdownEnumDescriptions` and `defaultSnippets` (VS Code's JSON and YAML extensions,
/// yaml-language-server).
enum SchemaJSON {
    typealias Pairs = [(String, JSONValue)]

    /// `description` (plain text) and `markdownDescription` (the text as written, with its
    /// backticks): a validator shows the first, an editor's hover the second.
    static func described(_ doc: String) -> Pairs {
        [("description", .string(doc.filter { $0 != "`" })), ("markdownDescription", .string(doc))]
    }

    /// A reference to a definition of the same document.
    static func reference(_ name: String) -> JSONValue {
        .object([("$ref", .string("#/definitions/\(name)"))])
    }

    /// `schema` with a description. Draft-07 ignores the keywords beside a `$ref`, so a
    /// reference is wrapped in `allOf` for its description to count.
    static func property(_ doc: String, _ schema: JSONValue) -> JSONValue {
        guard case .object(let pairs) = schema else { return schema }
        if pairs.first?.0 == "$ref" { return .object(described(doc) + [("allOf", .array([schema]))]) }
        return .object(described(doc) + pairs)
    }

    /// `"type": NAME` or `"type": [NAMES]`.
    static func type(_ names: String...) -> (String, JSONValue) {
        ("type", names.count == 1 ? .string(names[0]) : .array(names.map(JSONValue.string)))
    }

    /// A scalar read as written (a YAML number or flag is its text): what most text keys take.
    static let scalar: JSONValue = .object([type("string", "number", "boolean")])

    /// A `YYYY-MM-DD` date.
    static let date: Pairs = [type("string"), ("format", .string("date")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]

    /// One of an enumeration's values, each with its description.
    static func choice(_ values: SchemaEnum) -> Pairs {
        let summaries = JSONValue.array(values.values.map { .string($0.summary) })
        return [
            type("string"), ("enum", strings(values.names)),
            ("enumDescriptions", .array(values.values.map { .string($0.summary.filter { $0 != "`" }) })),
            ("markdownEnumDescriptions", summaries),
        ]
    }

    static func strings(_ items: [String]) -> JSONValue { .array(items.map(JSONValue.string)) }

    /// An object: `properties` in order, `required` when any; when `closed`, no other keys.
    static func object(_ properties: Pairs, required: [String], closed: Bool = true) -> Pairs {
        var pairs: Pairs = [type("object"), ("properties", .object(properties))]
        if !required.isEmpty { pairs.append(("required", strings(required))) }
        if closed { pairs.append(("additionalProperties", .bool(false))) }
        return pairs
    }

    /// The document's header: the draft it follows, its title and description.
    static func header(title: String, doc: String) -> Pairs {
        [("$schema", .string("http://json-schema.org/draft-07/schema#")), ("title", .string(title))] + described(doc)
    }
}
