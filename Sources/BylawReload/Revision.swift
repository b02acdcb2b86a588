/// The revision of a loaded set: FNV-1a (64 bits) over the policy files' paths and bytes, the
/// workspace config's bytes, the date exceptions are compiled against and the budget override.
/// Equal inputs give equal revisions on every machine; any edit gives another.
public struct Revision: Sendable {
    private var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    public init() {}

    public mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        hash ^= 0xFF
        hash = hash &* 0x0000_0100_0000_01B3
    }

    public mutating func add(_ text: String) { add(text.utf8) }

    /// Sixteen hex digits.
    public var text: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
