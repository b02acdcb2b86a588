import CEL

extension CELValue {
    /// A labels map as CEL sees it (`map(string, string)`).
    static func labels(_ labels: [String: String]) -> CELValue {
        .map(CELMap(labels.mapValues { CELValue.string($0) }))
    }

    /// The zero timestamp (1970-01-01T00:00:00Z): what an absent timestamp field reads as.
    static let epoch: CELValue = (try? CELTimestamp(unixSeconds: 0)).map { .timestamp($0) } ?? .null

    /// Whether a value counts as set for `has()`: CEL's rule for proto3 fields (non-null
    /// references, non-empty strings, lists and maps, non-zero numbers).
    var isSet: Bool {
        switch self {
        case .null: return false
        case .string(let text): return !text.isEmpty
        case .list(let items): return !items.isEmpty
        case .map(let map): return map.count > 0
        case .int(let number): return number != 0
        case .double(let number): return number != 0
        case .bool(let flag): return flag
        default: return true
        }
    }
}
