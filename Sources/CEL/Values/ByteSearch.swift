/// Substring search over bytes in time linear in the text and the needle (Knuth–Morris–Pratt),
/// whatever they hold: the string functions search texts that events supply, and a naive
/// search of `aaaa…ab` in `aaaa…a` is quadratic.
struct ByteSearch {
    let needle: [UInt8]
    /// For each prefix of the needle, the length of its longest proper border.
    private let failure: [Int]

    init(_ needle: [UInt8]) {
        self.needle = needle
        var failure = Array(repeating: 0, count: needle.count)
        var k = 0
        var i = 1
        while i < needle.count {
            while k > 0, needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
            i += 1
        }
        self.failure = failure
    }

    /// The offset, counted from the start of `text`, of the needle's first occurrence, or nil.
    /// An empty needle is found at 0. Search a slice's tail with ``firstOffset(in:after:)``.
    func firstOffset(in text: some Sequence<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        var k = 0
        var offset = 0
        for byte in text {
            while k > 0, byte != needle[k] { k = failure[k - 1] }
            if byte == needle[k] { k += 1 }
            if k == needle.count { return offset - needle.count + 1 }
            offset += 1
        }
        return nil
    }

    /// The offset in `bytes` of the first occurrence starting at `start` or later.
    func firstOffset(in bytes: [UInt8], after start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        return firstOffset(in: bytes[start...]).map { $0 + start }
    }

    /// How many times the needle occurs in `bytes` without overlapping (as `split` and
    /// `replace` find them), reading `bytes` once and building nothing.
    func occurrences(in bytes: [UInt8]) -> Int {
        guard !needle.isEmpty else { return 0 }
        var count = 0
        var start = 0
        while let found = firstOffset(in: bytes, after: start) {
            count += 1
            start = found + needle.count
        }
        return count
    }
}
