import BylawSource

/// What makes two mapping keys the same key.
///
/// Two scalar keys are the same when their texts are equal (`1` and `"1"`: Bylaw looks keys up
/// by text, so both would answer the same lookup) or when they resolve to the same non-string
/// value (`1` and `0x1`, `~` and `null`). Mapping and sequence keys are never compared.
enum YAMLKeyIdentity: Hashable {
    /// The text's bytes, not a `String`: strings compare by canonical equivalence, and `é`
    /// composed and decomposed are two keys, as lookups and the linear scan find them.
    case text([UInt8])
    case null
    case bool(Bool)
    case int(Int64)
    case float(UInt64)

    /// The identity of a key's value when that is not a string.
    static func value(of record: YAMLNodeRecord) -> YAMLKeyIdentity? {
        switch record.valueKind {
        case .string: return nil
        case .null: return .null
        case .bool: return .bool(record.valueBits != 0)
        case .int: return .int(Int64(bitPattern: record.valueBits))
        case .float: return .float(record.valueBits)
        }
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

    static func of(_ text: UnsafeBufferPointer<UInt8>, _ record: YAMLNodeRecord) -> YAMLKeyPrint {
        let hash = hashBytes(text)
        let value: UInt64
        switch record.valueKind {
        case .string: value = 0
        case .null: value = 1
        case .bool: value = record.valueBits != 0 ? 2 : 3
        case .int: value = (record.valueBits &* 0x9E37_79B9_7F4A_7C15) | 4
        case .float: value = (record.valueBits &* 0xBF58_476D_1CE4_E5B9) | 8
        }
        return YAMLKeyPrint(text: hash, value: value, isScalar: true)
    }

    /// A 64-bit hash of `text`, a word at a time: keys are short, and a collision only costs a
    /// full comparison. The tail is read as overlapping loads, never byte by byte; the length
    /// is mixed in, so the overlap cannot make two different texts alike by construction.
    static func hashBytes(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let count = text.count
        var hash = 0xCBF2_9CE4_8422_2325 ^ UInt64(count)
        guard let base = text.baseAddress, count > 0 else { return mix(hash) }
        let raw = UnsafeRawPointer(base)
        var index = 0
        while index + 8 <= count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0x9E37_79B9_7F4A_7C15
            index += 8
        }
        let tail: UInt64
        if index == count {
            return mix(hash)
        } else if count >= 8 {
            // The last word, its bytes already hashed shifted out.
            tail = raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self) >> (8 * UInt64(8 - (count - index)))
        } else if count >= 4 {
            tail = UInt64(raw.loadUnaligned(as: UInt32.self)) | UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
        } else if count >= 2 {
            tail = UInt64(raw.loadUnaligned(as: UInt16.self)) | UInt64(raw.loadUnaligned(fromByteOffset: count - 2, as: UInt16.self)) << 16
        } else {
            tail = UInt64(base.pointee)
        }
        return mix((hash ^ tail) &* 0x9E37_79B9_7F4A_7C15)
    }

    /// Spreads every input bit over the high bits, which ``filterBits`` uses.
    private static func mix(_ value: UInt64) -> UInt64 {
        var hash = value ^ value >> 33
        hash = hash &* 0xFF51_AFD7_ED55_8CCD
        return hash ^ hash >> 33
    }

    /// One bit for the text print and one for a non-string value print, for a mapping's
    /// 64-bit filter of the keys it has: no bit in common proves the key new without a scan.
    var filterBits: UInt64 {
        guard isScalar else { return 0 }
        let textBit: UInt64 = 1 << (text >> 58)
        return value == 0 ? textBit : textBit | 1 << (value >> 58)
    }

    func mayEqual(_ other: YAMLKeyPrint) -> Bool {
        isScalar && other.isScalar && (text == other.text || (value != 0 && value == other.value))
    }
}

extension YAMLComposer {
    /// Small mappings are scanned; past this many pairs a hash index is built.
    static let linearKeyScanLimit = 32

    /// Reports the key at `key` (an arena index) if the innermost open mapping (`top`) already
    /// has it; returns whether it is a duplicate, and the key's print to store beside it.
    mutating func checkDuplicate(key: Int) -> (duplicate: Bool, print: YAMLKeyPrint) {
        let record = builder.records[key]
        guard record.kind == .scalar else { return (false, .none) }
        let print = builder.withText(record) { YAMLKeyPrint.of($0, record) }
        // The common case, a small mapping and a key whose bits are new to its filter, stays
        // here; the rest is out of line, to keep this path small in the instruction cache.
        if !top.isIndexed, top.keyFilter & print.filterBits == 0, pending.count - top.childStart < 2 * Self.linearKeyScanLimit {
            top.keyFilter |= print.filterBits
            return (false, print)
        }
        return (checkDuplicateSlowly(record, print: print), print)
    }

    /// ``checkDuplicate(key:)`` for a key that may repeat one, or in a mapping past
    /// ``linearKeyScanLimit`` pairs (looked up in, or first indexed into, a hash table).
    @inline(never)
    private mutating func checkDuplicateSlowly(_ record: YAMLNodeRecord, print: YAMLKeyPrint) -> Bool {
        let firstPosition: Int?
        if top.isIndexed {
            let keyIndex = keyIndexes[top.node] ?? [:]
            let byText = keyIndex[.text(builder.withText(record) { Array($0) })]
            let byValue = YAMLKeyIdentity.value(of: record).flatMap { keyIndex[$0] }
            // The earlier of the two, as the linear scan finds it: the note names the first definition.
            firstPosition = byText.map { text in byValue.map { min(text, $0) } ?? text } ?? byValue
        } else if top.keyFilter & print.filterBits == 0 {
            firstPosition = nil
        } else {
            firstPosition = linearSearch(record, print: print)
        }
        if let firstPosition {
            let first = builder.records[Int(pending[top.childStart + 2 * firstPosition].node)]
            reportDuplicate(record, first: first)
            return true
        }
        top.keyFilter |= print.filterBits
        // The pair is appended when its value arrives, at the next position.
        let childStart = top.childStart
        let position = (pending.count - childStart) / 2
        if !top.isIndexed, position >= Self.linearKeyScanLimit {
            for earlier in 0..<position {
                let existing = builder.records[Int(pending[childStart + 2 * earlier].node)]
                if existing.kind == .scalar { insert(existing, at: earlier) }
            }
            top.isIndexed = true
        }
        if top.isIndexed { insert(record, at: position) }
        return false
    }

    private mutating func reportDuplicate(_ record: YAMLNodeRecord, first: YAMLNodeRecord) {
        report(.error(
            .yamlDuplicateKey, "duplicate key '\(builder.string(record))'", in: file,
            at: SourceRange(start: Int(record.start), end: Int(record.end)),
            notes: [DiagnosticNote(
                "'\(builder.string(first))' is first defined here",
                at: SourceSpan(file: file, range: SourceRange(start: Int(first.start), end: Int(first.end))))],
            hint: "a mapping may hold each key once; remove or rename one of them"))
    }

    private mutating func insert(_ record: YAMLNodeRecord, at position: Int) {
        keyIndexes[top.node, default: [:]][.text(builder.withText(record) { Array($0) })] = position
        if let value = YAMLKeyIdentity.value(of: record) { keyIndexes[top.node, default: [:]][value] = position }
    }

    /// The pair position of an earlier key equal to `key`, scanning the open mapping's pending keys.
    private func linearSearch(_ key: YAMLNodeRecord, print: YAMLKeyPrint) -> Int? {
        let childStart = top.childStart
        var index = childStart
        while index < pending.count {
            let candidate = pending[index]
            if candidate.print.mayEqual(print), sameKey(builder.records[Int(candidate.node)], key) {
                return (index - childStart) / 2
            }
            index += 2
        }
        return nil
    }

    private func sameKey(_ existing: YAMLNodeRecord, _ key: YAMLNodeRecord) -> Bool {
        guard existing.kind == .scalar else { return false }
        if builder.sameText(existing, key) { return true }
        guard key.valueKind != .string, existing.valueKind != .string else { return false }
        return YAMLKeyIdentity.value(of: existing) == YAMLKeyIdentity.value(of: key)
    }
}
