import BylawSource
import BylawYAML
import Testing

/// docs/openapi.yaml, read with Bylaw's own YAML loader, and a checker of JSON values against
/// its schemas: the JSON Schema keywords the document uses (`$ref`, `type`, `enum`,
/// `required`, `properties`, `additionalProperties: false`, `items`, `oneOf`).
struct OpenAPIDocument {
    let root: JSONValue

    init() throws {
        let file = try SourceFile.read(path: Fixtures.path("docs/openapi.yaml"))
        let loaded = YAMLLoader.load(file)
        try #require(!loaded.hasErrors, "docs/openapi.yaml is valid YAML: \(loaded.diagnostics.map(\.message))")
        root = try #require(loaded.documents.first).jsonValue
    }

    /// Parses JSON text (JSON is YAML) into a value with its exact types.
    static func parse(_ json: String) throws -> JSONValue {
        let loaded = YAMLLoader.load(SourceFile(path: "<json>", text: json))
        try #require(!loaded.hasErrors, "not JSON: \(json.prefix(200))")
        return try #require(loaded.documents.first).jsonValue
    }

    /// Every (method, path) the document describes, methods upper-cased.
    var operations: Set<String> {
        guard case .object(let paths)? = root["paths"] else { return [] }
        var found: Set<String> = []
        for (path, item) in paths {
            guard case .object(let methods) = item else { continue }
            for (method, _) in methods { found.insert("\(method.uppercased()) \(path)") }
        }
        return found
    }

    /// The response of an operation for a status, its `$ref` followed.
    func response(_ method: String, _ path: String, status: Int) -> JSONValue? {
        guard let response = root["paths"]?[path]?[method.lowercased()]?["responses"]?[String(status)] else { return nil }
        return resolve(response)
    }

    /// The schema of a response's content type, when it has one.
    func schema(_ method: String, _ path: String, status: Int, contentType: String) -> JSONValue? {
        response(method, path, status: status)?["content"]?[contentType]?["schema"]
    }

    func resolve(_ value: JSONValue) -> JSONValue {
        guard case .string(let reference)? = value["$ref"], reference.hasPrefix("#/") else { return value }
        var node: JSONValue? = root
        for part in reference.dropFirst(2).split(separator: "/") { node = node?[String(part)] }
        return node.map(resolve) ?? .null
    }

    /// What is wrong with `value` against `schema` (empty when it conforms), with JSON paths.
    func problems(_ value: JSONValue, _ schema: JSONValue, at path: String = "$") -> [String] {
        let schema = resolve(schema)
        var problems: [String] = []
        if case .array(let options)? = schema["oneOf"] {
            let matching = options.filter { self.problems(value, $0, at: path).isEmpty }.count
            if matching != 1 { problems.append("\(path): matches \(matching) of oneOf's \(options.count) schemas") }
        }
        if let type = schema["type"] {
            let allowed: [String] = switch type {
            case .string(let one): [one]
            case .array(let many): many.compactMap { if case .string(let name) = $0 { name } else { nil } }
            default: []
            }
            if !allowed.contains(where: { Self.matches(value, type: $0) }) { problems.append("\(path): not of type \(allowed)") }
        }
        if case .array(let options)? = schema["enum"], !options.contains(value) {
            problems.append("\(path): \(value.compact) is not one of \(JSONValue.array(options).compact)")
        }
        if case .object(let fields) = value {
            if case .array(let required)? = schema["required"] {
                for case .string(let name) in required where !fields.contains(where: { $0.0 == name }) {
                    problems.append("\(path): no '\(name)'")
                }
            }
            let properties = schema["properties"]
            for (name, field) in fields {
                if let property = properties?[name] {
                    problems += self.problems(field, property, at: "\(path).\(name)")
                } else if schema["additionalProperties"] == .bool(false) {
                    problems.append("\(path): '\(name)' is not in the schema")
                }
            }
        }
        if case .array(let items) = value, let itemSchema = schema["items"] {
            for (index, item) in items.enumerated() { problems += self.problems(item, itemSchema, at: "\(path)[\(index)]") }
        }
        return problems
    }

    private static func matches(_ value: JSONValue, type: String) -> Bool {
        switch (type, value) {
        case ("object", .object), ("array", .array), ("string", .string), ("boolean", .bool), ("null", .null), ("integer", .int),
             ("number", .int), ("number", .double):
            return true
        default:
            return false
        }
    }
}
