/// A CEL type, as the checker infers it and as declarations state it.
public indirect enum CELType: Hashable, Sendable, CustomStringConvertible {
    case int, uint, double, bool, string, bytes
    /// The type of `null`; assignable to object types, which are nullable like proto messages.
    case null
    case duration, timestamp
    case list(CELType)
    case map(CELType, CELType)
    /// A host object type declared with ``CELEnvironment/declareObjectType(_:fields:)``, or a
    /// well-known protobuf type name.
    case object(String)
    /// The type of a type value: `type(int)` is `type(int)`, `type` alone is `type(dyn)`.
    case type(CELType)
    /// `optional_type(T)`.
    case optional(CELType)
    /// Any type; checked at run time.
    case dyn
    /// A type parameter of a function signature, or a variable the checker is solving.
    case typeParam(String)
    /// The type of an expression that failed to check.
    case error

    public var description: String {
        switch self {
        case .int: "int"
        case .uint: "uint"
        case .double: "double"
        case .bool: "bool"
        case .string: "string"
        case .bytes: "bytes"
        case .null: "null_type"
        case .duration: "google.protobuf.Duration"
        case .timestamp: "google.protobuf.Timestamp"
        case .list(let e): "list(\(e))"
        case .map(let k, let v): "map(\(k), \(v))"
        case .object(let name): name
        case .type(let t): t == .dyn ? "type" : "type(\(t))"
        case .optional(let t): "optional_type(\(t))"
        case .dyn: "dyn"
        case .typeParam(let name): name
        case .error: "*error*"
        }
    }

    /// The name a type value prints as and `type(x)` compares by (`int`, `list`, `map`, ...).
    public var runtimeName: String {
        switch self {
        case .list: "list"
        case .map: "map"
        case .type: "type"
        case .optional: "optional_type"
        default: description
        }
    }

    /// Whether the type mentions a type parameter.
    var hasTypeParams: Bool {
        switch self {
        case .typeParam: true
        case .list(let e), .type(let e), .optional(let e): e.hasTypeParams
        case .map(let k, let v): k.hasTypeParams || v.hasTypeParams
        default: false
        }
    }
}
