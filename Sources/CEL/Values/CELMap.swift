/// A key as CEL maps compare it: numbers equal across int, uint and double share one key, and
/// strings are equal when their code points are (compared and hashed by their UTF-8 bytes, as
/// CEL's `==` compares them; Swift's `String ==` would also match canonically equivalent
/// strings such as `"\u{E9}"` and `"e\u{301}"`).
enum CELMapKey: Hashable, Sendable {
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case string(String)

    /// The key for a value, or nil if the value cannot be a map key (or a non-integral double,
    /// which can never equal a valid key).
    init?(_ value: CELValue) {
        switch value {
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .uint(let u): self = u <= UInt64(Int64.max) ? .int(Int64(u)) : .uint(u)
        case .string(let s): self = .string(s)
        case .double(let d):
            if let i = Int64(exactly: d) { self = .int(i) } else if let u = UInt64(exactly: d) { self = .uint(u) } else { return nil }
        default: return nil
        }
    }

    static func == (lhs: CELMapKey, rhs: CELMapKey) -> Bool {
        switch (lhs, rhs) {
        case (.string(let a), .string(let b)): return CELValue.sameBytes(a, b)
        case (.int(let a), .int(let b)): return a == b
        case (.uint(let a), .uint(let b)): return a == b
        case (.bool(let a), .bool(let b)): return a == b
        default: return false
        }
    }

    func hash(into hasher: inout Hasher) {
        switch self {
        case .bool(let b):
            hasher.combine(0 as UInt8)
            hasher.combine(b)
        case .int(let i):
            hasher.combine(1 as UInt8)
            hasher.combine(i)
        case .uint(let u):
            hasher.combine(2 as UInt8)
            hasher.combine(u)
        case .string(var s):
            hasher.combine(3 as UInt8)
            s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
            hasher.combine(s.utf8.count)
        }
    }
}

/// An immutable CEL map; keeps the insertion order of its keys for printing.
public final class CELMap: Sendable {
    /// Keys in insertion order.
    public let keys: [CELValue]
    /// Values in the order of `keys`.
    public let values: [CELValue]
    let index: [CELMapKey: Int]

    /// A map of entries; nil with the offending key if a key repeats or cannot be a key.
    static func make(_ entries: [(CELValue, CELValue)]) -> Result<CELMap, CELError> {
        var keys: [CELValue] = []
        var values: [CELValue] = []
        var index: [CELMapKey: Int] = [:]
        keys.reserveCapacity(entries.count)
        values.reserveCapacity(entries.count)
        for (k, v) in entries {
            if case .double = k { return .failure(CELError("unsupported key type")) }
            guard let key = CELMapKey(k) else { return .failure(CELError("unsupported key type")) }
            if index[key] != nil { return .failure(CELError("Failed with repeated key")) }
            index[key] = keys.count
            keys.append(k)
            values.append(v)
        }
        return .success(CELMap(keys: keys, values: values, index: index))
    }

    init(keys: [CELValue], values: [CELValue], index: [CELMapKey: Int]) {
        self.keys = keys
        self.values = values
        self.index = index
    }

    /// A map with string keys, for embedders.
    public convenience init(_ entries: [String: CELValue]) {
        let sorted = entries.sorted { $0.key < $1.key }
        var index: [CELMapKey: Int] = [:]
        for (i, e) in sorted.enumerated() { index[.string(e.key)] = i }
        self.init(keys: sorted.map { .string($0.key) }, values: sorted.map(\.value), index: index)
    }

    /// A map from key/value pairs; nil if a key repeats or is not a valid key type.
    public convenience init?(pairs: [(CELValue, CELValue)]) {
        guard case .success(let m) = CELMap.make(pairs) else { return nil }
        self.init(keys: m.keys, values: m.values, index: m.index)
    }

    public var count: Int { keys.count }

    /// The value for a key, with CEL's cross-numeric key equality.
    public subscript(key: CELValue) -> CELValue? {
        guard let k = CELMapKey(key), let i = index[k] else { return nil }
        return values[i]
    }

    static let empty = CELMap(keys: [], values: [], index: [:])
}
