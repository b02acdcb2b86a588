import BylawSource

extension YAMLNode {
    /// The node as a JSON value: mappings become objects (keys by their text, in order),
    /// sequences arrays, scalars their resolved value. Used to feed YAML-written inputs (a test's
    /// event) to readers of JSON. Non-finite floats follow ``JSONValue``'s convention.
    public var jsonValue: JSONValue {
        switch kind {
        case .mapping(let pairs):
            return .object(pairs.map { ($0.key.scalar?.text ?? "", $0.value.jsonValue) })
        case .sequence(let items):
            return .array(items.map(\.jsonValue))
        case .scalar(let scalar):
            switch scalar.value {
            case .null: return .null
            case .bool(let flag): return .bool(flag)
            case .int(let number): return .int(number)
            case .float(let number): return .double(number)
            case .string(let text): return .string(text)
            }
        }
    }
}
