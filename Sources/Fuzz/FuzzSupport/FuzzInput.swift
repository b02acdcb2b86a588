/// One input handed to a fuzz target by libFuzzer (or by the replay driver), with the cap the
/// target puts on what it feeds to the code under test.
///
/// libFuzzer's `-max_len` already keeps most inputs small; the cap is the harness's own bound,
/// so a target behaves the same however it is run. It bounds only the *size* of what is fed:
/// anything the code under test does with an input under the cap is the code's business.
public enum FuzzInput {
    /// The input's bytes, or nil when it is longer than `limit` (then the target ignores it).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int, limit: Int) -> [UInt8]? {
        guard size <= limit else { return nil }
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }
}
