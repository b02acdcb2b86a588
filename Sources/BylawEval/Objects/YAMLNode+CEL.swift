import BylawPolicy
import BylawYAML
import CEL

extension YAMLNode {
    /// The node as a CEL value: mappings become maps with string keys, sequences lists,
    /// scalars their resolved value (for `bylaw expr --var NAME=JSON`).
    public var celValue: CELValue {
        switch kind {
        case .mapping(let pairs):
            let entries = pairs.map { (CELValue.string($0.key.scalar?.text ?? ""), $0.value.celValue) }
            return CELMap(pairs: entries).map { .map($0) } ?? .error(CELError("duplicate keys in a map"))
        case .sequence(let items):
            return .list(items.map(\.celValue))
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

extension CELValue {
    /// JSON text for `bylaw expr`: domain objects print as their type and id.
    public var bylawJSON: String {
        jsonText(object: { object in
            let type = celJSONString(object.celTypeName)
            guard let identified = object as? any IdentifiedObject else { return "{\"@type\":\(type)}" }
            return "{\"@type\":\(type),\"id\":\(celJSONString(identified.celID))}"
        })
    }
}
