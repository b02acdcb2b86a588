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
}
