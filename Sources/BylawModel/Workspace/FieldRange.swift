import BylawSource

/// A byte range stored in 8 bytes, for the per-field positions every model object keeps.
///
/// A workspace with a million users keeps several ranges per user; two `UInt32`s instead of a
/// ``SourceRange`` (two `Int`s) halves that. Offsets past 4 GiB are clamped, which no whole-file
/// input reaches (``SourceFile/defaultMaxBytes`` is 64 MiB). ``absent`` marks a field the
/// source did not write.
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

/// An object of a workspace config that remembers where it and each of its fields were written.
///
/// `Spans` is a small fixed struct per object kind (one ``FieldRange`` per key, plus `object`
/// for the whole mapping); a field's range covers its key and its value (`billing_account: us`),
/// so a finding about a field points at that line.
public protocol WorkspaceObject: AnyObject {
    associatedtype Spans: WorkspaceSpans
    /// The file the object was read from.
    var file: SourceFile { get }
    /// Where the object and each of its fields were written.
    var spans: Spans { get }
}

/// The span record of one object kind; `object` is the range of the whole mapping.
public protocol WorkspaceSpans: Sendable {
    var object: FieldRange { get }
}

extension WorkspaceObject {
    /// Where the whole object was written.
    public var span: SourceSpan {
        SourceSpan(file: file, range: spans.object.sourceRange ?? .at(0))
    }

    /// Where one field was written (key and value), or nil when the source omitted it.
    public func span(of field: KeyPath<Spans, FieldRange>) -> SourceSpan? {
        spans[keyPath: field].sourceRange.map { SourceSpan(file: file, range: $0) }
    }

    /// The field's span when it was written, else the object's: what a finding points at.
    public func bestSpan(_ field: KeyPath<Spans, FieldRange>) -> SourceSpan {
        span(of: field) ?? span
    }
}
