/// A type in the domain schema, independent of CEL so the schema can also drive the config
/// decoder, the event scanner and the docs.
public indirect enum SchemaType: Sendable, Hashable, CustomStringConvertible {
    case string, int, double, bool, timestamp
    /// A string with a known set of values (CEL sees a `string`).
    case enumeration(SchemaEnum)
    case list(SchemaType)
    case map(SchemaType, SchemaType)
    /// An object held in place: a section of a config (`workspace.billing`), a part of an event
    /// (`event.tokens`), or one the model computes (`org.billing`).
    case object(String)
    /// An object declared elsewhere: a config writes its id, CEL reads the object (`null` when
    /// there is none).
    case reference(String)

    /// How the type is written in the reference and in CEL's type names.
    public var description: String {
        switch self {
        case .string, .enumeration: return "string"
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .timestamp: return "timestamp"
        case .list(let element): return "list(\(element))"
        case .map(let key, let value): return "map(\(key), \(value))"
        case .object(let name), .reference(let name): return name
        }
    }

    /// The name of the object type this type holds or refers to (also through a list).
    public var objectName: String? {
        switch self {
        case .object(let name), .reference(let name): return name
        case .list(let element): return element.objectName
        default: return nil
        }
    }

    /// The known values of an enumeration, or of a list's elements.
    public var enumeration: SchemaEnum? {
        switch self {
        case .enumeration(let values): return values
        case .list(let element): return element.enumeration
        default: return nil
        }
    }
}

/// Where a field's value comes from.
public enum SchemaSource: Sendable, Hashable {
    /// The object's id, written under `key` in the config (required, a non-empty string).
    case id(key: String)
    /// Written in the workspace config under `key`.
    case config(key: String, required: Bool)
    /// Read from a usage event line under `key` (inside its part's object for a nested field).
    case stream(key: String)
    /// Computed by the model from other fields (`org.root`, `org.billing`).
    case derived
}

/// One field of an object type: one row of the table.
public struct SchemaField: Sendable, Hashable {
    /// The name policies write (`billing_account`, `tokens.input`'s `input`).
    public let name: String
    public let type: SchemaType
    public let source: SchemaSource
    /// Whether policies see the field; false for a key the config accepts that CEL does not
    /// expose (`billing.labels`). Such fields come after every visible one of their type.
    public let isVisible: Bool
    /// The object type whose id a string field holds (`event.org` holds an `Org`'s id): a
    /// literal compared with it can be checked against a workspace's ids. An object's own `id`
    /// holds its type's id without saying so here (see ``idType(in:)``).
    public let holdsIDOf: String?
    private let explicitDoc: String?

    public init(_ name: String, _ type: SchemaType, _ doc: String?, source: SchemaSource, isVisible: Bool = true, holdsIDOf: String? = nil) {
        self.name = name
        self.type = type
        self.explicitDoc = doc
        self.source = source
        self.isVisible = isVisible
        self.holdsIDOf = holdsIDOf
    }

    /// The object type whose id the field holds, when it is a field of `owner`: the owner itself
    /// for its `id`, else ``holdsIDOf``.
    public func idType(in owner: SchemaObjectType) -> String? {
        if case .id = source { return owner.name }
        return holdsIDOf
    }

    /// One line for the reference; an enumeration without one lists its values.
    public var doc: String { explicitDoc ?? type.enumeration?.valuePhrase ?? "" }

    /// The key a config writes the field under; nil for event and derived fields.
    public var configKey: String? {
        switch source {
        case .id(let key): return key
        case .config(let key, _): return key
        case .stream, .derived: return nil
        }
    }

    /// The key an event line writes the field under (within its part); nil outside events.
    public var streamKey: String? {
        if case .stream(let key) = source { return key }
        return nil
    }

    /// Whether a config must write the field.
    public var isRequired: Bool {
        switch source {
        case .id: return true
        case .config(_, let required): return required
        case .stream, .derived: return false
        }
    }

    /// Whether the config writes a plain value (a string, number, flag, date, enumeration, a
    /// list of those, or labels) that the decoder and the CEL view handle from the table alone:
    /// not an id, a reference, a section or a list of objects.
    public var isPlainConfigValue: Bool {
        guard case .config = source else { return false }
        return type.objectName == nil
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
/// which is how compiled rules read it and the raw value of its generated id) and its member
/// functions.
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

    /// The fields policies see, in index order.
    public var visibleFields: [SchemaField] { fields.filter(\.isVisible) }

    /// The index of a visible field, as compiled rules address it.
    public func fieldIndex(_ name: String) -> Int? { fields.firstIndex { $0.isVisible && $0.name == name } }

    /// A visible field by the name policies write.
    public func visibleField(_ name: String) -> SchemaField? { fieldIndex(name).map { fields[$0] } }

    /// How messages name one object of the type (`billing account` for `BillingAccount`).
    public var noun: String {
        var words = ""
        for character in name {
            if character.isUppercase, !words.isEmpty { words += " " }
            words += character.lowercased()
        }
        return words
    }
}
