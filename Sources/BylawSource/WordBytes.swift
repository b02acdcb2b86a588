/// Bytes of a little-endian 64-bit word tested eight at a time (the "has a zero byte" trick),
/// for scanners that skip plain text a word at a time.
///
/// Each test sets the high bit of the bytes it matches, among other bits: join tests with `|`,
/// then keep the flags with ``flags(_:)``. A borrow can flag a byte above a true match, never a
/// byte below the lowest one, so the lowest flag is exact (`trailingZeroBitCount >> 3` is its
/// byte) and a word without a match has no flag.
public enum WordBytes {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101

    /// Bytes equal to `byte`.
    @inlinable @inline(__always)
    public static func equal(to byte: UInt8, in word: UInt64) -> UInt64 {
        let difference = word ^ (ones &* UInt64(byte))
        return (difference &- ones) & ~difference
    }

    /// Bytes below `bound` (at most 0x80).
    @inlinable @inline(__always)
    public static func below(_ bound: UInt8, in word: UInt64) -> UInt64 {
        (word &- ones &* UInt64(bound)) & ~word
    }

    /// The high bit of each flagged byte.
    @inlinable @inline(__always)
    public static func flags(_ tests: UInt64) -> UInt64 {
        tests & 0x8080_8080_8080_8080
    }
}
