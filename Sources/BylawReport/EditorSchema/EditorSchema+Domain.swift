import BylawSchema
import BylawSource

// The workspace config and the usage event, read from the schema table: the keys each object
// accepts, what each holds, which are required, and their descriptions.
extension EditorSchema {
    /// The config's object types, `Workspace` first, each once: those a config writes in place
    /// (`billing`, the lists of objects), in the table's order.
    static var configTypes: [SchemaObjectType] { reachable(from: DomainSchema.workspace, through: \.configKey) }

    /// The event and its parts.
    static var eventTypes: [SchemaObjectType] { reachable(from: DomainSchema.event, through: \.streamKey) }

    private static func reachable(from root: SchemaObjectType, through key: (SchemaField) -> String?) -> [SchemaObjectType] {
        var names: Set<String> = [root.name]
        var pending = [root]
        while let type = pending.popLast() {
            for field in type.fields where key(field) != nil {
                guard case .object(let name)? = field.type.heldObject, !names.contains(name),
                      let held = DomainSchema.type(named: name) else { continue }
                names.insert(name)
                pending.append(held)
            }
        }
        return DomainSchema.types.filter { names.contains($0.name) }
    }

    /// A config object type: its keys as a config writes them.
    static func configPairs(_ type: SchemaObjectType) -> SchemaJSON.Pairs {
        let fields = type.fields.filter { $0.configKey != nil }
        let properties = fields.map { field in (field.configKey ?? field.name, SchemaJSON.property(field.doc, configValue(field))) }
        return SchemaJSON.object(properties, required: fields.filter(\.isRequired).compactMap(\.configKey))
    }

    /// What a config writes for `field`. Lists and labels may be left empty (`orgs:`), and an
    /// optional reference written `null` (`parent: null`) says "none".
    private static func configValue(_ field: SchemaField) -> JSONValue {
        if case .id = field.source { return identifier(nullable: false) }
        switch field.type {
        case .string: return SchemaJSON.scalar
        case .int: return .object([SchemaJSON.type("integer"), ("minimum", .int(0))])
        case .double: return .object([SchemaJSON.type("number")])
        case .bool: return .object([SchemaJSON.type("boolean")])
        case .timestamp: return .object(SchemaJSON.date)
        case .enumeration(let values): return .object(SchemaJSON.choice(values))
        case .reference: return identifier(nullable: !field.isRequired)
        case .object(let name): return SchemaJSON.reference(name)
        case .map: return .object([SchemaJSON.type("object", "null"), ("additionalProperties", SchemaJSON.scalar)])
        case .list(let element):
            let items: JSONValue
            switch element {
            case .enumeration(let values): items = .object(SchemaJSON.choice(values))
            case .object(let name): items = SchemaJSON.reference(name)
            case .reference: items = identifier(nullable: false)
            default: items = SchemaJSON.scalar
            }
            return .object([SchemaJSON.type("array", "null"), ("items", items)])
        }
    }

    /// An id, or a reference to one: a non-empty scalar.
    private static func identifier(nullable: Bool) -> JSONValue {
        let kinds = ["string", "number", "boolean"] + (nullable ? ["null"] : [])
        return .object([("type", SchemaJSON.strings(kinds)), ("minLength", .int(1))])
    }

    /// The event or one of its parts: its keys as an event line writes them. Every key may be
    /// `null` (absent); an enumeration suggests its known values but accepts any string, as the
    /// stream does. A stream ignores other keys (so producers may add their own); a policy's test
    /// event is `closed`, since a misspelled key there would make its test test nothing.
    static func eventPairs(_ type: SchemaObjectType, closed: Bool) -> SchemaJSON.Pairs {
        let properties = type.fields.compactMap { field in
            field.streamKey.map { ($0, SchemaJSON.property(field.doc, eventValue(field))) }
        }
        return SchemaJSON.object(properties, required: [], closed: closed)
    }

    private static func eventValue(_ field: SchemaField) -> JSONValue {
        switch field.type {
        case .int: return .object([SchemaJSON.type("integer", "null")])
        case .double: return .object([SchemaJSON.type("number", "null")])
        case .bool: return .object([SchemaJSON.type("boolean", "null")])
        case .timestamp: return .object([SchemaJSON.type("string", "null"), ("format", .string("date-time"))])
        case .enumeration(let values):
            return .object([("anyOf", .array([.object(SchemaJSON.choice(values)), .object([SchemaJSON.type("string", "null")])]))])
        case .object(let name): return .object([("anyOf", .array([SchemaJSON.reference(name), .object([SchemaJSON.type("null")])]))])
        case .string, .list, .map, .reference: return .object([SchemaJSON.type("string", "null")])
        }
    }
}

extension SchemaType {
    /// The object held in place by a field of this type, itself or as a list's element.
    fileprivate var heldObject: SchemaType? {
        switch self {
        case .object: return self
        case .list(let element): return element.heldObject
        default: return nil
        }
    }
}
