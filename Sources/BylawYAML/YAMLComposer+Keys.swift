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

/// A key's identities as two integers: equal keys always have an equal text print, or equal
/// non-zero value prints; unequal prints prove the keys differ without comparing texts.
struct YAMLKeyPrint {
    let text: UInt64
    /// Zero when the key's value is a string.
    let value: UInt64
    let isScalar: Bool

    /// What a non-scalar node (never compared as a key) stores.
    static let none = YAMLKeyPrint(text: 0, value: 0, isScalar: false)

    static func of(_ scalar: YAMLScalar) -> YAMLKeyPrint {
        // FNV-1a: keys are short, and a collision only costs a full comparison.
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in scalar.text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        let value: UInt64
        switch scalar.value {
        case .string: value = 0
        case .null: value = 1
        case .bool(let flag): value = flag ? 2 : 3
        case .int(let number): value = (UInt64(bitPattern: number) &* 0x9E37_79B9_7F4A_7C15) | 4
        case .float(let number): value = (number.bitPattern &* 0xBF58_476D_1CE4_E5B9) | 8
        }
        return YAMLKeyPrint(text: hash, value: value, isScalar: true)
    }

    func mayEqual(_ other: YAMLKeyPrint) -> Bool {
        isScalar && other.isScalar && (text == other.text || (value != 0 && value == other.value))
    }
}

extension YAMLComposer {
    /// Small mappings are scanned; past this many pairs a hash index is built.
    static let linearKeyScanLimit = 32

    /// Reports `key` if the mapping at `frame` already has it; returns whether it is a duplicate,
    /// and the key's print to store beside it.
    mutating func checkDuplicate(key: YAMLNode, frame: Int) -> (duplicate: Bool, print: YAMLKeyPrint) {
        guard case .scalar(let scalar) = key.kind else { return (false, .none) }
        let print = YAMLKeyPrint.of(scalar)
        let firstPosition: Int?
        if stack[frame].isIndexed {
            let identity = YAMLKeyIdentity.of(scalar)
            var found = stack[frame].keyIndex[identity.text]
            if found == nil, let value = identity.value { found = stack[frame].keyIndex[value] }
            firstPosition = found
        } else {
            firstPosition = linearSearch(scalar, print: print, frame: frame)
        }
        if let firstPosition {
            let first = pending[stack[frame].childStart + 2 * firstPosition]
            report(.error(
                "yaml.duplicate-key", "duplicate key '\(scalar.text)'", in: file, at: key.range,
                notes: [DiagnosticNote("'\(first.scalar?.text ?? scalar.text)' is first defined here", at: SourceSpan(file: file, range: first.range))],
                hint: "a mapping may hold each key once; remove or rename one of them"))
            return (true, print)
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
        return (false, print)
    }

    private mutating func insert(_ identity: (text: YAMLKeyIdentity, value: YAMLKeyIdentity?), at position: Int, frame: Int) {
        stack[frame].keyIndex[identity.text] = position
        if let value = identity.value { stack[frame].keyIndex[value] = position }
    }

    /// The pair position of an earlier key equal to `key`, scanning the frame's pending keys.
    private func linearSearch(_ key: YAMLScalar, print: YAMLKeyPrint, frame: Int) -> Int? {
        let childStart = stack[frame].childStart
        var index = childStart
        while index < pending.count {
            if pending.print(at: index).mayEqual(print), Self.sameKey(pending[index].scalar, key) {
                return (index - childStart) / 2
            }
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
