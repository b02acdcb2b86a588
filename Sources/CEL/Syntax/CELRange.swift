/// A half-open range of UTF-8 byte offsets `start..<end` into the text of one CEL expression.
///
/// CEL knows nothing of files: an embedder that keeps expressions inside a larger document maps
/// these offsets back itself.
public struct CELRange: Hashable, Sendable, CustomStringConvertible {
    /// First byte.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    /// A range; `end` is clamped so it never precedes `start`.
    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at one offset.
    public static func at(_ offset: Int) -> CELRange { CELRange(start: offset, end: offset) }

    /// The smallest range covering both.
    public func union(_ other: CELRange) -> CELRange {
        CELRange(start: min(start, other.start), end: max(end, other.end))
    }

    public var description: String { "\(start)..<\(end)" }
}
