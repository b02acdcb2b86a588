import BylawModel
import BylawSource
import CEL

// The plain fields of every object (strings, numbers, flags, dates, enumerations, labels) are
// read the same way, from the model's `value(_:)`: the nodes' switches list only the fields that
// need the graph (ids, references, sections, derived fields).
extension GraphNode {
    /// A plain field as CEL reads it, recorded in the trace; a field the config left out (with
    /// no default) reads as its zero value.
    func plainField<Object: WorkspaceObject>(_ field: Object.Field, of object: Object, id: String?) -> CELValue {
        graph.trace.record(self, object.span(of: field))
        guard let value = object.value(field) else { return .zero(field.configValueKind) }
        switch value {
        case .string(let text): return .string(text)
        case .integer(let number): return .int(number)
        case .double(let number): return .double(number)
        case .bool(let flag): return .bool(flag)
        case .date(let date):
            guard let timestamp = try? CELTimestamp.parse(date + "T00:00:00Z") else {
                let owner = [Object.Field.objectType.noun, id].compactMap { $0 }.joined(separator: " ")
                return .error(CELError("\(field.spec.name) '\(date)' of \(owner) is not a date"))
            }
            return .timestamp(timestamp)
        case .strings(let items): return .list(items.map { .string($0) })
        case .labels(let labels): return .labels(labels)
        }
    }

    /// `has()` of a plain field: a date is set when written; other values by CEL's zero-value
    /// rule, read as a selection would (so the trace sees it).
    func hasPlainField<Object: WorkspaceObject>(_ field: Object.Field, of object: Object, id: String?) -> Bool {
        guard let value = object.value(field) else { return false }
        if case .date = value { return true }
        return plainField(field, of: object, id: id).isSet
    }
}

extension CELValue {
    /// What a plain field of this kind reads as when absent.
    static func zero(_ kind: ConfigValueKind?) -> CELValue {
        switch kind {
        case .string?, .enumeration?: return .string("")
        case .integer?: return .int(0)
        case .double?: return .double(0)
        case .bool?: return .bool(false)
        case .date?: return .epoch
        case .enumerationList?, .stringList?: return .list([])
        case .labels?: return .labels([:])
        case nil: return .null
        }
    }
}
