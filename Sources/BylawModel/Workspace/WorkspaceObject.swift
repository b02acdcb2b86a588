import BylawSource

/// An object of a workspace config that remembers where it and each of its fields were written,
/// and reads its plain fields by their table id.
///
/// The positions are a ``FieldRanges`` of the type's field ids (one ``FieldRange`` per key, plus
/// `object` for the whole mapping); a field's range covers its key and its value
/// (`billing_account: us`), so a finding about a field points at that line.
public protocol WorkspaceObject {
    associatedtype Field: ObjectFieldID
    /// The file the object was read from.
    var file: SourceFile { get }
    /// Where the object and each of its fields were written.
    var spans: FieldRanges<Field> { get }
    /// A plain field's value as policies read it (defaults applied), nil when the config left
    /// it out and it has no default, or for a field that is not a plain value (an id, a
    /// reference, a section, a derived field): those have typed properties.
    func value(_ field: Field) -> ConfigValue?
}

// Inlinable: the CEL view asks for positions on every field read, and only a copy specialised
// for the object's type avoids a runtime generic call each time.
extension WorkspaceObject {
    /// Where the whole object was written.
    @inlinable public var span: SourceSpan {
        SourceSpan(file: file, range: spans.object.sourceRange ?? .at(0))
    }

    /// Where one field was written (key and value), or nil when the source omitted it.
    @inlinable public func span(of field: Field) -> SourceSpan? {
        spans[field].sourceRange.map { SourceSpan(file: file, range: $0) }
    }

    /// The field's span when it was written, else the object's: what a finding points at.
    @inlinable public func bestSpan(_ field: Field) -> SourceSpan {
        span(of: field) ?? span
    }
}
