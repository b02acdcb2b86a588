/// How a workspace config writes a plain value (``SchemaField/isPlainConfigValue``): what the
/// decoder checks, and what a field reads as when the config left it out.
public enum ConfigValueKind: Sendable, Hashable {
    /// Any non-null scalar, read as written.
    case string
    /// A whole number ≥ 0.
    case integer
    /// Any number.
    case double
    /// `true` or `false`.
    case bool
    /// A `YYYY-MM-DD` calendar date (a `timestamp` in CEL, midnight UTC).
    case date
    /// One of the field's known values.
    case enumeration
    /// A list of the field's known values.
    case enumerationList
    /// A list of strings.
    case stringList
    /// A map of names to scalars, read as strings.
    case labels
}

extension SchemaField {
    /// How the config writes the field; nil for a field that is not a plain config value.
    public var configValueKind: ConfigValueKind? {
        guard isPlainConfigValue else { return nil }
        switch type {
        case .string: return .string
        case .int: return .integer
        case .double: return .double
        case .bool: return .bool
        case .timestamp: return .date
        case .enumeration: return .enumeration
        case .list(.enumeration): return .enumerationList
        case .list(.string): return .stringList
        case .map(.string, .string): return .labels
        case .list, .map, .object, .reference: return nil
        }
    }
}
