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
        let firstPosition: Int?
        if stack[frame].isIndexed {
            let identity = YAMLKeyIdentity.of(scalar)
            var found = stack[frame].keyIndex[identity.text]
            if found == nil, let value = identity.value { found = stack[frame].keyIndex[value] }
            firstPosition = found
        } else {
            firstPosition = linearSearch(scalar, frame: frame)
        }
        if let firstPosition {
            let first = pending[stack[frame].childStart + 2 * firstPosition]
            report(.error(
                "yaml.duplicate-key", "duplicate key '\(scalar.text)'", in: file, at: key.range,
                notes: [DiagnosticNote("'\(first.scalar?.text ?? scalar.text)' is first defined here", at: SourceSpan(file: file, range: first.range))],
                hint: "a mapping may hold each key once; remove or rename one of them"))
            return true
        }
        // The pair is appended when its value arrives, at the next position.
        let childStart = stack[frame].childStart
        let position = (pending.count - childStart) / 2
        if !stack[frame].isIndexed, position >= Self.linearKeyScanLimit {
            for earlier in 0..<position {
                if let existing = pending[childStart + 2 * earlier].scalar {
                    insert(YAMLKeyIdentity.of(existing), at: earlier, frame: frame)
                }
            }
            stack[frame].isIndexed = true
        }
        if stack[frame].isIndexed { insert(YAMLKeyIdentity.of(scalar), at: position, frame: frame) }
        return false
    }

    private mutating func insert(_ identity: (text: YAMLKeyIdentity, value: YAMLKeyIdentity?), at position: Int, frame: Int) {
        stack[frame].keyIndex[identity.text] = position
        if let value = identity.value { stack[frame].keyIndex[value] = position }
    }

    /// The pair position of an earlier key equal to `key`, scanning the frame's pending keys.
    private func linearSearch(_ key: YAMLScalar, frame: Int) -> Int? {
        let childStart = stack[frame].childStart
        var index = childStart
        while index < pending.count {
            if Self.sameKey(pending[index].scalar, key) { return (index - childStart) / 2 }
            index += 2
        }
        return nil
    }

    private static func sameKey(_ existing: YAMLScalar?, _ key: YAMLScalar) -> Bool {
        guard let existing else { return false }
        if existing.text == key.text { return true }
        if case .string = key.value { return false }
        if case .string = existing.value { return false }
        return YAMLKeyIdentity.of(existing).value == YAMLKeyIdentity.of(key).value
    }
}
