/// Well-formed UTF-8 as Unicode defines it (Table 3-7): no overlong forms, no surrogates, nothing
/// past U+10FFFF. One definition for the readers that check bytes themselves (the usage-event
/// scanner, which reports where a sequence breaks, and the templates that print event bytes
/// as they are), so they cannot disagree on what is valid.
public enum UTF8Sequences {
    /// The length of the well-formed sequence starting at `start` (below `count`) of the bytes
    /// at `base`, or 0 when the bytes there are not one.
    @inline(__always)
    public static func length(at start: Int, of base: UnsafePointer<UInt8>, count: Int) -> Int {
        let lead = base[start]
        if lead < 0x80 { return 1 }
        func continuation(_ offset: Int, _ low: UInt8 = 0x80, _ high: UInt8 = 0xBF) -> Bool {
            start + offset < count && base[start + offset] >= low && base[start + offset] <= high
        }
        switch lead {
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0) && continuation(2) ? 3 : 0
        case 0xE1...0xEC, 0xEE...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80, 0x9F) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80, 0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// Whether all of `bytes` are well-formed UTF-8 (ASCII is skipped eight bytes at a time).
    public static func areValid(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return true }
        var index = 0
        let count = bytes.count
        while index < count {
            while index + 8 <= count, JSONBytes.loadWord(bytes, index) & 0x8080_8080_8080_8080 == 0 { index += 8 }
            guard index < count else { return true }
            let length = length(at: index, of: base, count: count)
            guard length > 0 else { return false }
            index += length
        }
        return true
    }
}
