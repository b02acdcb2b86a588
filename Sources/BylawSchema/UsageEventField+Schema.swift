// What the scanner and the evaluators need to know about each event field, read from the table
// (``DomainSchema/eventLayout``). The enum itself is generated (Generated/SchemaFieldIDs.swift).
extension UsageEventField: CustomStringConvertible {
    /// The JSON type a field must have; `null` is accepted for every field and reads as absent.
    public enum ValueKind: Sendable, Hashable {
        /// A JSON string.
        case string
        /// A JSON number written as an integer (no fraction, no exponent) that fits in `Int64`.
        case integer
        /// Any finite JSON number.
        case decimal
        /// A JSON object.
        case object
    }

    /// The JSON type the field must have.
    @inlinable @inline(__always)
    public var valueKind: ValueKind {
        // The cases are generated grouped by kind, so a range check decides.
        if rawValue < Self.integerStart { return .string }
        if rawValue < Self.decimalStart { return .integer }
        if rawValue < Self.objectStart { return .decimal }
        return .object
    }

    /// The field's row in the table.
    public var row: EventFieldRow { DomainSchema.eventLayout[Int(rawValue)] }

    /// The dotted key path in an event line, as diagnostics name the field (`tokens.in`).
    public var path: String { row.path }

    /// The dotted path policies write after `event.` (`tokens.input`: CEL cannot spell `in`).
    public var celPath: String { row.celPath }

    public var description: String { path }

    /// The field with this key path (`"tokens.in"`), or `nil`.
    public init?(path: String) {
        guard let index = DomainSchema.eventLayout.firstIndex(where: { $0.path == path }) else { return nil }
        self.init(rawValue: UInt8(index))
    }

    /// The field policies read as `event.` + `celPath` (`"tokens.input"` is ``tokensIn``), or
    /// `nil`: how a compiled rule's field reads map to the fields the scanner must keep.
    public init?(celPath: String) {
        guard let index = DomainSchema.eventLayout.firstIndex(where: { $0.celPath == celPath }) else { return nil }
        self.init(rawValue: UInt8(index))
    }

    /// The object a nested field belongs to (`tokens` for `tokens.in`), `nil` at the top level.
    public var parent: UsageEventField? { row.parent.flatMap { UsageEventField(rawValue: UInt8($0)) } }

    /// The fields of one CEL type of the event (`Event`, `Tokens`, …) by their CEL index: how
    /// the CEL view of an event turns a compiled field index into the scanner's field.
    public static func fields(ofType typeName: String) -> [UsageEventField] {
        let rows = DomainSchema.eventLayout.enumerated().filter { $0.element.typeName == typeName }
        var fields = [UsageEventField](repeating: .id, count: (rows.map(\.element.celIndex).max() ?? -1) + 1)
        for (index, row) in rows { fields[row.celIndex] = UsageEventField(rawValue: UInt8(index)) ?? .id }
        return fields
    }

    /// Number of fields that keep a text slot in the event (every string field, and `cost.amount`
    /// whose source text is kept for exact decimal arithmetic); slots are indexed by raw value.
    public static var slotCount: Int { Int(objectStart) }

    /// The position of an integer field among the integers, of a decimal among the decimals.
    @inlinable @inline(__always) public var integerIndex: Int { Int(rawValue &- Self.integerStart) }
    @inlinable @inline(__always) public var decimalIndex: Int { Int(rawValue &- Self.decimalStart) }
}
