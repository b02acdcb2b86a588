/// A plain value a workspace config wrote (``ConfigValueKind``), as the decoder checked it and as
/// the CEL view reads it back: the table, not per-field code, says which kind a field takes.
public enum ConfigValue: Sendable, Hashable {
    /// A string, or one of an enumeration's values.
    case string(String)
    case integer(Int64)
    case double(Double)
    case bool(Bool)
    /// A `YYYY-MM-DD` calendar date, as written.
    case date(String)
    /// A list of strings or of an enumeration's values.
    case strings([String])
    case labels([String: String])

    // Each accessor gives the payload of its case, nil for another case.

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var integer: Int64? {
        if case .integer(let number) = self { return number }
        return nil
    }

    public var double: Double? {
        if case .double(let number) = self { return number }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    public var date: String? {
        if case .date(let text) = self { return text }
        return nil
    }

    public var strings: [String]? {
        if case .strings(let items) = self { return items }
        return nil
    }

    public var labels: [String: String]? {
        if case .labels(let labels) = self { return labels }
        return nil
    }

    /// The enumeration value a string names (the decoder checked it against the table).
    public func enumeration<E: RawRepresentable<String>>(_: E.Type = E.self) -> E? { string.flatMap(E.init(rawValue:)) }

    /// The enumeration values a list names.
    public func enumerations<E: RawRepresentable<String>>(_: E.Type = E.self) -> [E] { (strings ?? []).compactMap(E.init(rawValue:)) }
}

/// The plain values a config wrote for one object: a model type's `Values`. The decoder stores
/// each field as it reads it; the model type reads them through its typed properties.
protocol ConfigValues: Sendable {
    associatedtype Field: ObjectFieldID
    init()
    /// Stores what the config wrote for a plain field (``ObjectFieldID/configValueKind`` is
    /// non-nil), after the decoder checked it.
    mutating func set(_ field: Field, _ value: ConfigValue)
}
