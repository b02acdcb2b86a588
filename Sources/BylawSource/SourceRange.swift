/// A half-open byte range `start..<end` in one ``SourceFile``.
///
/// Ranges are cheap values stored on every YAML node, policy field and CEL node; equality of
/// syntax trees never depends on them.
public struct SourceRange: Hashable, Sendable {
    /// First byte.
    public var start: Int
    /// One past the last byte.
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = max(start, end)
    }

    /// An empty range at one offset (a caret with nothing underlined).
    public static func at(_ offset: Int) -> SourceRange { SourceRange(start: offset, end: offset) }

    public var length: Int { end - start }

    /// The smallest range covering both.
    public func union(_ other: SourceRange) -> SourceRange {
        SourceRange(start: min(start, other.start), end: max(end, other.end))
    }
}

/// A range together with the file it belongs to: what a diagnostic or finding points at.
public struct SourceSpan: Sendable, Hashable {
    public let file: SourceFile
    public let range: SourceRange

    public init(file: SourceFile, range: SourceRange) {
        self.file = file
        self.range = range
    }

    /// Where the span starts, as line and column.
    public var start: SourceLocation { file.location(ofByte: range.start) }
    /// Where the span ends, as line and column.
    public var end: SourceLocation { file.location(ofByte: range.end) }

    public static func == (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
        lhs.file === rhs.file && lhs.range == rhs.range
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(file))
        hasher.combine(range)
    }
}
