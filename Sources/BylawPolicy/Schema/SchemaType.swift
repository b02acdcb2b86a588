/// A type in the domain schema, independent of CEL so the schema can also generate docs.
public indirect enum SchemaType: Sendable, Hashable, CustomStringConvertible {
    case string, int, double, bool, timestamp
    case list(SchemaType)
    case map(SchemaType, SchemaType)
    /// One of the schema's object types, by name (`Org`, `User`, …).
    case object(String)

    /// How the type is written in the reference and in CEL's type names.
    public var description: String {
        switch self {
        case .string: return "string"
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .timestamp: return "timestamp"
        case .list(let element): return "list(\(element))"
        case .map(let key, let value): return "map(\(key), \(value))"
        case .object(let name): return name
        }
    }
}

/// One field of an object type.
public struct SchemaField: Sendable, Hashable {
    public let name: String
    public let type: SchemaType
    /// One line for the reference.
    public let doc: String

    public init(_ name: String, _ type: SchemaType, _ doc: String) {
        self.name = name
        self.type = type
        self.doc = doc
    }
}

/// A member function of an object type (`workspace.user(id)`).
public struct SchemaFunction: Sendable, Hashable {
    public let name: String
    public let parameters: [(name: String, type: SchemaType)]
    public let result: SchemaType
    public let doc: String

    public init(_ name: String, _ parameters: [(name: String, type: SchemaType)], _ result: SchemaType, _ doc: String) {
        self.name = name
        self.parameters = parameters
        self.result = result
        self.doc = doc
    }

    public static func == (lhs: SchemaFunction, rhs: SchemaFunction) -> Bool {
        lhs.name == rhs.name && lhs.result == rhs.result && lhs.parameters.map(\.type) == rhs.parameters.map(\.type)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(result)
    }
}

/// An object type of the domain: its fields in a fixed order (a field's index is its position,
/// which is how compiled rules read it) and its member functions.
public struct SchemaObjectType: Sendable, Hashable {
    public let name: String
    public let doc: String
    public let fields: [SchemaField]
    public let functions: [SchemaFunction]

    public init(_ name: String, doc: String, fields: [SchemaField], functions: [SchemaFunction] = []) {
        self.name = name
        self.doc = doc
        self.fields = fields
        self.functions = functions
    }

    /// The index of a field, as compiled rules address it.
    public func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.name == name } }
}
