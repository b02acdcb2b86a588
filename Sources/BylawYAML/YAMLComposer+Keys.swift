import BylawSource

/// What makes two mapping keys the same key.
///
/// Two scalar keys are the same when their texts are equal (`1` and `"1"`: Bylaw looks keys up
/// by text, so both would answer the same lookup) or when they resolve to the same non-string
/// value (`1` and `0x1`, `~` and `null`). Mapping and sequence keys are never compared.
enum YAMLKeyIdentity: Hashable {
    case text(String)
    case null
    case bool(Bool)
    case int(Int64)
    case float(UInt64)

    /// The identities of a key: its text, and its value when that is not a string.
    static func of(_ scalar: YAMLScalar) -> (text: YAMLKeyIdentity, value: YAMLKeyIdentity?) {
        let value: YAMLKeyIdentity?
        switch scalar.value {
        case .string: value = nil
        case .null: value = .null
        case .bool(let flag): value = .bool(flag)
        case .int(let number): value = .int(number)
        case .float(let number): value = .float(number.bitPattern)
        }
        return (.text(scalar.text), value)
    }
}

extension YAMLComposer {
    /// Small mappings are scanned; past this many pairs a hash index is built.
    static let linearKeyScanLimit = 12

    /// Reports `key` if the mapping at `frame` already has it; returns whether it is a duplicate.
    mutating func checkDuplicate(key: YAMLNode, frame: Int) -> Bool {
        guard let scalar = key.scalar else { return false }
        let first: YAMLNode?
        if stack[frame].keyIndex == nil {
            first = stack[frame].pairs.first { Self.sameKey($0.key.scalar, scalar) }?.key
            if first == nil, stack[frame].pairs.count >= Self.linearKeyScanLimit {
                var index: [YAMLKeyIdentity: Int] = [:]
                for (position, pair) in stack[frame].pairs.enumerated() {
                    guard let existing = pair.key.scalar else { continue }
                    let identity = YAMLKeyIdentity.of(existing)
                    index[identity.text] = position
                    if let value = identity.value { index[value] = position }
                }
                stack[frame].keyIndex = index
            }
        } else {
            let identity = YAMLKeyIdentity.of(scalar)
            let position = stack[frame].keyIndex?[identity.text] ?? identity.value.flatMap { stack[frame].keyIndex?[$0] }
            first = position.map { stack[frame].pairs[$0].key }
        }
        if let first {
            report(.error(
                "yaml.duplicate-key", "duplicate key '\(scalar.text)'", in: file, at: key.range,
                notes: [DiagnosticNote("'\(first.scalar?.text ?? scalar.text)' is first defined here", at: SourceSpan(file: file, range: first.range))],
                hint: "a mapping may hold each key once; remove or rename one of them"))
            return true
        }
        if stack[frame].keyIndex != nil {
            // The pair is appended when its value arrives, at the next position.
            let position = stack[frame].pairs.count
            let identity = YAMLKeyIdentity.of(scalar)
            stack[frame].keyIndex?[identity.text] = position
            if let value = identity.value { stack[frame].keyIndex?[value] = position }
        }
        return false
    }

    private static func sameKey(_ existing: YAMLScalar?, _ key: YAMLScalar) -> Bool {
        guard let existing else { return false }
        if existing.text == key.text { return true }
        if case .string = key.value { return false }
        if case .string = existing.value { return false }
        return YAMLKeyIdentity.of(existing).value == YAMLKeyIdentity.of(key).value
    }
}
