/// A byte range stored in 8 bytes, for the per-field positions every model object keeps.
///
/// A workspace with a million users keeps several ranges per user; two `UInt32`s instead of a
/// ``SourceRange`` (two `Int`s) halves that. Offsets past 4 GiB are clamped, which no whole-file
/// input reaches (``SourceFile/defaultMaxBytes`` is 256 MiB, and `--max-input-size` allows at
/// most 2 GiB). ``absent`` marks a field the source did not write.
public struct FieldRange: Hashable, Sendable {
    public let start: UInt32
    public let end: UInt32

    /// The range of a field the source did not write.
    public static let absent = FieldRange(start: .max, end: .max)

    public init(start: UInt32, end: UInt32) {
        self.start = start
        self.end = max(start, end)
    }

    /// Narrows a source range, clamping offsets that do not fit.
    public init(_ range: SourceRange) {
        let limit = Int(UInt32.max - 1)
        self.init(start: UInt32(max(0, min(range.start, limit))), end: UInt32(max(0, min(range.end, limit))))
    }

    /// Whether the source wrote the field.
    public var isPresent: Bool { self != .absent }

    /// The range, or nil for an absent field.
    public var sourceRange: SourceRange? {
        isPresent ? SourceRange(start: Int(start), end: Int(end)) : nil
    }
}
