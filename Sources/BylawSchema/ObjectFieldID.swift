import BylawSource

/// The generated id of a field of one workspace object type (`OrgField`): one case per row of
/// the type's table, in order, so a case's raw value is the field's CEL index. The CEL view of
/// the model and the workspace decoder switch on these ids; nothing at evaluation time looks a
/// field up by name.
public protocol ObjectFieldID: RawRepresentable<Int>, CaseIterable, Hashable, Sendable where AllCases == [Self] {
    /// One ``FieldRange`` for the object (slot 0) and one per field the config writes.
    associatedtype Ranges: FieldRangeSlots

    /// The type's entry in the table.
    static var objectType: SchemaObjectType { get }
    /// The keys a config may write, in table order ("did you mean" picks among them).
    static var configKeys: [String] { get }
    /// The object's id, nil for a type without one (a section).
    static var idField: Self? { get }
    /// The fields a config must write, in table order.
    static var requiredFields: [Self] { get }
    /// The field a config key names, nil for a key the type does not have.
    init?(configKey: String)
    /// The key a config writes the field under; nil for a derived field.
    var configKey: String? { get }
    /// The field's slot in ``Ranges``; nil for a field the config does not write.
    var rangeSlot: Int? { get }
    /// How the config writes the field when it is a plain value (``SchemaField/configValueKind``);
    /// nil for ids, references, sections, lists of objects and derived fields.
    var configValueKind: ConfigValueKind? { get }
}

extension ObjectFieldID {
    /// The field's row in the table.
    public var spec: SchemaField { Self.objectType.fields[rawValue] }
}

/// Fixed-size inline storage of ``FieldRange``s: what a model object keeps of its fields'
/// positions, without a heap allocation per object.
public protocol FieldRangeSlots: Sendable {
    /// Every slot set to `range`.
    init(repeating range: FieldRange)
    /// The range in slot `index`.
    func range(at index: Int) -> FieldRange
    /// Sets slot `index`.
    mutating func setRange(_ range: FieldRange, at index: Int)
}

extension InlineArray: FieldRangeSlots where Element == FieldRange {
    // Through a span: subscripting the inline array directly copies all of it first.
    @inlinable public func range(at index: Int) -> FieldRange { span[index] }
    @inlinable public mutating func setRange(_ range: FieldRange, at index: Int) { self[index] = range }
}

/// Where an object and each field its config wrote were written: a field's range covers its key
/// and its value (`billing_account: us`), so a finding about the field points at that line.
public struct FieldRanges<Field: ObjectFieldID>: Sendable {
    // Inlinable, as all of this type: its clients read positions per field of every object, and
    // only a copy specialised for their field type avoids a runtime generic call each time.
    @usableFromInline var slots = Field.Ranges(repeating: .absent)

    @inlinable public init() {}

    /// The range of the whole mapping.
    @inlinable public var object: FieldRange {
        get { slots.range(at: 0) }
        set { slots.setRange(newValue, at: 0) }
    }

    /// A field's range; ``FieldRange/absent`` when the config did not write it, or for a field
    /// no config writes.
    @inlinable public subscript(field: Field) -> FieldRange {
        get { field.rangeSlot.map { slots.range(at: $0) } ?? .absent }
        set { if let slot = field.rangeSlot { slots.setRange(newValue, at: slot) } }
    }
}
