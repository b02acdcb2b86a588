/// One field of the usage event format as the scanner numbers it: the row of ``DomainSchema``
/// it comes from, its key path in the stream and its path in CEL.
public struct EventFieldRow: Sendable {
    /// The key path in an event line (`tokens.in`).
    public let path: String
    /// The path policies write after `event.` (`tokens.input`).
    public let celPath: String
    /// The row's position in ``DomainSchema/eventLayout`` of the object it belongs to, nil at the
    /// top level.
    public let parent: Int?
    /// The CEL type that holds the field (`Event`, `Tokens`, …) and its index there.
    public let typeName: String
    public let celIndex: Int
    public let field: SchemaField
    public let valueKind: UsageEventField.ValueKind

    /// The Swift name of the field's ``UsageEventField`` case (`tokensIn`).
    public var caseName: String {
        let words = path.split(whereSeparator: { $0 == "." || $0 == "_" || $0 == "-" }).map(String.init)
        return words.enumerated().map { $0.offset == 0 ? $0.element : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }.joined()
    }
}

extension DomainSchema {
    /// Every field of the usage event format, in the order of ``UsageEventField``'s raw values:
    /// the scanner groups them by the JSON type they take (strings, then integers, decimals and
    /// objects), top-level fields before nested ones within each group, table order otherwise.
    public static let eventLayout: [EventFieldRow] = makeEventLayout()

    private static func makeEventLayout() -> [EventFieldRow] {
        struct Entry {
            var path, celPath, typeName: String
            var parentPath: String?
            var celIndex: Int
            var field: SchemaField
            var kind: UsageEventField.ValueKind
        }
        var entries: [Entry] = []
        func add(_ type: SchemaObjectType, parent: (path: String, celPath: String)?) {
            for (index, field) in type.fields.enumerated() {
                guard let key = field.streamKey, let kind = UsageEventField.ValueKind(field.type) else { continue }
                let path = parent.map { "\($0.path).\(key)" } ?? key
                let celPath = parent.map { "\($0.celPath).\(field.name)" } ?? field.name
                entries.append(Entry(
                    path: path, celPath: celPath, typeName: type.name, parentPath: parent?.path, celIndex: index, field: field, kind: kind))
            }
        }
        add(event, parent: nil)
        for entry in entries where entry.kind == .object {
            guard let name = entry.field.type.objectName, let part = type(named: name) else { continue }
            add(part, parent: (entry.path, entry.celPath))
        }
        let order: [(UsageEventField.ValueKind, nested: Bool)] = [
            (.string, false), (.string, true), (.integer, false), (.integer, true), (.decimal, false), (.decimal, true), (.object, false),
            (.object, true),
        ]
        let sorted = order.flatMap { group in entries.filter { $0.kind == group.0 && ($0.parentPath != nil) == group.nested } }
        return sorted.map { entry in
            EventFieldRow(
                path: entry.path, celPath: entry.celPath, parent: entry.parentPath.flatMap { path in sorted.firstIndex { $0.path == path } },
                typeName: entry.typeName, celIndex: entry.celIndex, field: entry.field, valueKind: entry.kind)
        }
    }
}

extension UsageEventField.ValueKind {
    /// The JSON type an event field of this schema type takes; nil for a type events cannot hold.
    public init?(_ type: SchemaType) {
        switch type {
        case .string, .enumeration, .timestamp: self = .string
        case .int: self = .integer
        case .double: self = .decimal
        case .object: self = .object
        case .bool, .list, .map, .reference: return nil
        }
    }
}
