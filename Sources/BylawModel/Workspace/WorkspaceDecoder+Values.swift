import BylawSource
import BylawYAML

// Plain values (strings, numbers, flags, dates, enumerations, lists of those, labels) are read
// by the kind the table gives their field, so a new plain field needs no decoding code.
extension WorkspaceDecoder {
    /// Reads a plain field's value into the object's `Values`; a wrong value is reported and
    /// left unset. Does nothing for a field that is not a plain value.
    mutating func plain<Values: ConfigValues>(_ field: Values.Field, _ key: String, _ node: YAMLNode, into values: inout Values) {
        guard let kind = field.configValueKind, let value = plainValue(node, kind: kind, field: field, key: key) else { return }
        values.set(field, value)
    }

    private mutating func plainValue<Field: ObjectFieldID>(_ node: YAMLNode, kind: ConfigValueKind, field: Field, key: String) -> ConfigValue? {
        switch kind {
        case .string: return string(node, field: key).map(ConfigValue.string)
        case .integer: return count(node, field: key).map(ConfigValue.integer)
        case .double: return number(node, field: key).map(ConfigValue.double)
        case .bool: return bool(node, field: key).map(ConfigValue.bool)
        case .date: return date(node, field: key).map(ConfigValue.date)
        case .labels: return .labels(labels(node))
        case .stringList: return .strings(list(node, field: key).compactMap { string($0, field: key) })
        case .enumeration, .enumerationList:
            guard let values = field.spec.type.enumeration else { return nil }
            if kind == .enumeration { return enumValue(node, field: key, values: values).map(ConfigValue.string) }
            return .strings(list(node, field: key).compactMap { enumValue($0, field: key, values: values) })
        }
    }

    /// Any number.
    mutating func number(_ node: YAMLNode, field: String) -> Double? {
        switch node.scalarValue {
        case .int(let value)?: return Double(value)
        case .float(let value)? where value.isFinite: return value
        default:
            error(.workspaceWrongType, "expected a number for '\(field)', found \(node.kindDescription)", at: node.range)
            return nil
        }
    }
}
