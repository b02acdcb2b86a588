extension EventLineParser {
    /// Scans a field name at `index` (on its quote) and returns the known field it names in
    /// `object` (`nil` for the line's object), or `nil` for an unknown field.
    ///
    /// The common name (short, ASCII, no escape) is read as one or two little-endian words
    /// and compared with constants: no loop, no call.
    @inline(__always)
    mutating func scanKey(in object: UsageEventField?) throws(ScanFailure) -> UsageEventField? {
        let start = index + 1
        #if _endian(little)
        if start + 16 <= count {
            let w0 = loadWord(at: start)
            let hits0 = stringSpecials(w0)
            if hits0 != 0 {
                let length = hits0.trailingZeroBitCount >> 3
                if base[start + length] == UInt8(ascii: "\"") {
                    index = start + length + 1
                    return Self.knownField(length: length, w0 & lowBytes(length), 0, in: object)
                }
            } else {
                let w1 = loadWord(at: start + 8)
                let hits1 = stringSpecials(w1)
                let length = hits1.trailingZeroBitCount >> 3
                if hits1 != 0, base[start + 8 + length] == UInt8(ascii: "\"") {
                    index = start + 9 + length
                    return Self.knownField(length: 8 + length, w0, w1 & lowBytes(length), in: object)
                }
            }
        }
        #endif
        return try scanKeySlowly(in: object)
    }

    /// Any other name: long, non-ASCII, escaped (`"\u0075ser"` is still `user`), or near the
    /// end of the line.
    @inline(never)
    private mutating func scanKeySlowly(in object: UsageEventField?) throws(ScanFailure) -> UsageEventField? {
        index += 1
        let start = index
        let escaped = try scanStringBody()
        let raw = UnsafeBufferPointer(start: base + start, count: index - 1 - start)
        guard escaped else { return Self.field(named: raw, in: object) }
        scratch.removeAll(keepingCapacity: true)
        decodeEscapes(raw, into: &scratch)
        return scratch.withUnsafeBufferPointer { Self.field(named: $0, in: object) }
    }

    /// The known field called `name` in `object`.
    static func field(named name: UnsafeBufferPointer<UInt8>, in object: UsageEventField?) -> UsageEventField? {
        guard name.count <= 16 else { return nil }
        var w0: UInt64 = 0
        var w1: UInt64 = 0
        for (offset, byte) in name.enumerated() {
            if offset < 8 { w0 |= UInt64(byte) << (8 * offset) } else { w1 |= UInt64(byte) << (8 * (offset - 8)) }
        }
        return knownField(length: name.count, w0, w1, in: object)
    }

    /// The field whose name is `length` bytes held little-endian in `w0` then `w1` (bytes past
    /// the name zeroed). Generated from the field names; each constant's name is beside it.
    @inline(__always)
    static func knownField(length: Int, _ w0: UInt64, _ w1: UInt64, in object: UsageEventField?) -> UsageEventField? {
        switch object {
        case nil:
            switch length {
            case 2:
                if w0 == 0x6469 { return .id }  // id
            case 3:
                if w0 == 0x67726F { return .org }  // org
                if w0 == 0x707061 { return .app }  // app
            case 4:
                if w0 == 0x656D6974 { return .time }  // time
                if w0 == 0x646E696B { return .kind }  // kind
                if w0 == 0x72657375 { return .user }  // user
                if w0 == 0x74736F63 { return .cost }  // cost
            case 5:
                if w0 == 0x65706F6373 { return .scope }  // scope
                if w0 == 0x6C65646F6D { return .model }  // model
            case 6:
                if w0 == 0x736E656B6F74 { return .tokens }  // tokens
                if w0 == 0x746567726174 { return .target }  // target
            case 8:
                if w0 == 0x72656469766F7270 { return .provider }  // provider
                if w0 == 0x7463616669747261 { return .artifact }  // artifact
                if w0 == 0x79726F6765746163 { return .category }  // category
            case 11:
                if w0 == 0x74616E6974736564 && w1 == 0x6E6F69 { return .destination }  // destination
            case 12:
                if w0 == 0x7069726373627573 && w1 == 0x6E6F6974 { return .subscription }  // subscription
            default: break
            }
        case .tokens?:
            switch length {
            case 2:
                if w0 == 0x6E69 { return .tokensIn }  // in
            case 3:
                if w0 == 0x74756F { return .tokensOut }  // out
            default: break
            }
        case .cost?:
            switch length {
            case 6:
                if w0 == 0x746E756F6D61 { return .costAmount }  // amount
            case 8:
                if w0 == 0x79636E6572727563 { return .costCurrency }  // currency
            default: break
            }
        case .artifact?:
            switch length {
            case 4:
                if w0 == 0x65707974 { return .artifactType }  // type
            case 14:
                if w0 == 0x6966697373616C63 && w1 == 0x6E6F69746163 { return .artifactClassification }  // classification
            default: break
            }
        case .destination?:
            switch length {
            case 3:
                if w0 == 0x707061 { return .destinationApp }  // app
            case 4:
                if w0 == 0x646E696B { return .destinationKind }  // kind
            default: break
            }
        case .target?:
            switch length {
            case 3:
                if w0 == 0x67726F { return .targetOrg }  // org
            case 4:
                if w0 == 0x72657375 { return .targetUser }  // user
            case 5:
                if w0 == 0x65706F6373 { return .targetScope }  // scope
            default: break
            }
        default: break
        }
        return nil
    }
}
