import BylawModel
import BylawPolicy
import CEL

/// `event`: the CEL view of a ``UsageEvent``.
///
/// One instance is reused for every line of a stream (the scanner writes into ``event``), so
/// evaluating an event allocates no objects; nested parts (`event.artifact`, …) are fixed
/// sub-objects reading the same event. Absent fields read as zero values and absent parts as
/// empty objects, so `event.artifact.classification` is `""` when the event has no artifact;
/// `has()` tells presence. Single-threaded use only.
///
/// Every field is read by the table's layout: a compiled field index names a scanner field
/// (``UsageEventField/fields(ofType:)``), whose value kind says where the event keeps it.
public final class EventNode: CELObject, @unchecked Sendable {
    /// The event being evaluated; the stream evaluator scans each line straight into it.
    // No dynamic exclusivity check on every field read: one evaluation reads it at a time, and
    // the stream writes it only between evaluations (this class is single-threaded anyway).
    @exclusivity(unchecked) public var event = UsageEvent()
    /// The scanner field behind each of the event's CEL fields.
    private let fields = EventNode.eventFields
    /// The part objects, by ``UsageEventField/objectStart``-relative index; made on first use.
    private lazy var parts: [EventPartNode] = Self.partLayouts.map { EventPartNode(parent: self, typeName: $0.typeName, fields: $0.fields) }

    // Worked out once from the table: a test run makes an event node per test.
    private static let eventFields = UsageEventField.fields(ofType: DomainSchema.event.name)
    private static let partLayouts: [(typeName: String, fields: [UsageEventField])] =
        DomainSchema.eventLayout.filter { $0.valueKind == .object }.compactMap { row in
            row.field.type.objectName.map { ($0, UsageEventField.fields(ofType: $0)) }
        }

    public init() {}

    public var celTypeName: String { DomainSchema.event.name }

    public func celField(_ index: Int) -> CELValue {
        guard fields.indices.contains(index) else { return .error(CELError("no field \(index) on Event")) }
        return value(of: fields[index])
    }

    public func celHasField(_ index: Int) -> Bool {
        guard fields.indices.contains(index) else { return false }
        return event.has(fields[index])
    }

    /// A field's value as CEL reads it (a switch on its kind: this runs for every field read).
    @inline(__always)
    func value(of field: UsageEventField) -> CELValue {
        // Read in place: copying the event would retain and release its storage.
        switch field.valueKind {
        case .string:
            guard field == .time else { return .string(event.string(field)) }
            guard let time = event.timestamp else { return .epoch }
            return (try? CELTimestamp(seconds: time.seconds, nanos: time.nanos)).map { .timestamp($0) } ?? .error(CELError("event time out of range"))
        case .integer: return .int(event.integer(field))
        case .decimal: return .double(event.decimal(field))
        case .object: return .object(parts[Int(field.rawValue &- UsageEventField.objectStart)])
        }
    }
}

/// A nested part of an event (`tokens`, `cost`, `artifact`, `destination`, `target`).
final class EventPartNode: CELObject, @unchecked Sendable {
    unowned let parent: EventNode
    let celTypeName: String
    /// The scanner field behind each of the part's CEL fields.
    private let fields: [UsageEventField]

    init(parent: EventNode, typeName: String, fields: [UsageEventField]) {
        self.parent = parent
        self.celTypeName = typeName
        self.fields = fields
    }

    func celField(_ index: Int) -> CELValue {
        guard fields.indices.contains(index) else { return .error(CELError("no field \(index) on \(celTypeName)")) }
        return parent.value(of: fields[index])
    }

    func celHasField(_ index: Int) -> Bool {
        guard fields.indices.contains(index) else { return false }
        return parent.event.has(fields[index])
    }
}
