import BylawSchema

/// Writes the Swift sources that follow from the table: the field ids (one enum per workspace
/// object type, and ``UsageEventField``) and the scanner's key matcher. Their text depends on
/// the table alone, so a test can compare the committed files with it.
enum SchemaSourceGenerator {
    static let header = """
        // Generated from the table in Sources/BylawSchema/DomainSchema*.swift; do not edit.
        // After changing the table: BYLAW_UPDATE_SCHEMA=1 swift test --filter SchemaGeneratedTests

        """

    /// `Sources/BylawSchema/Generated/SchemaFieldIDs.swift`.
    static func fieldIDs() -> String {
        var out = header + "import BylawSource\n"
        for type in DomainSchema.workspaceTypes { out += "\n" + objectEnum(type) }
        out += "\n" + eventEnum()
        return out
    }

    private static func objectEnum(_ type: SchemaObjectType) -> String {
        let name = type.name + "Field"
        let cases = type.fields.map { swiftName($0.name) }
        let configFields = type.fields.enumerated().filter { $0.element.configKey != nil }
        var out = """
            /// The fields of `\(type.name)`, in the table's order: a case's raw value is the field's CEL index.
            public enum \(name): Int, ObjectFieldID {
                case \(cases.joined(separator: ", "))

                public typealias Ranges = InlineArray<\(configFields.count + 1), FieldRange>
                public static var objectType: SchemaObjectType { DomainSchema.\(tableName(type)) }
                public static let configKeys: [String] = [\(configFields.map { "\"\($0.element.configKey ?? "")\"" }.joined(separator: ", "))]

                public static var idField: \(name)? { \(type.fields.firstIndex { if case .id = $0.source { true } else { false } }.map { "." + cases[$0] } ?? "nil") }
                public static let requiredFields: [\(name)] = [\(type.fields.enumerated().filter { $0.element.isRequired }.map { "." + cases[$0.offset] }.joined(separator: ", "))]

                public init?(configKey: String) {
                    switch configKey {

            """
        for (index, field) in configFields { out += "        case \"\(field.configKey ?? "")\": self = .\(cases[index])\n" }
        out += """
                    default: return nil
                    }
                }

                public var configKey: String? {
                    switch self {

            """
        out += arms(cases, values: type.fields.map { $0.configKey.map { "\"\($0)\"" } ?? "nil" })
        out += """
                    }
                }

                @inlinable public var rangeSlot: Int? {
                    switch self {

            """
        out += arms(cases, values: type.fields.map { field in configFields.firstIndex { $0.element == field }.map { String($0 + 1) } ?? "nil" })
        out += """
                    }
                }

                @inlinable public var configValueKind: ConfigValueKind? {
                    switch self {

            """
        out += arms(cases, values: type.fields.map { $0.configValueKind.map { ".\($0)" } ?? "nil" })
        out += """
                    }
                }
            }

            """
        return out
    }

    /// `case .a, .b: return v` lines, cases with the same value together, in order of first use.
    private static func arms(_ cases: [String], values: [String]) -> String {
        var order: [String] = []
        var grouped: [String: [String]] = [:]
        for (name, value) in zip(cases, values) {
            if grouped[value] == nil { order.append(value) }
            grouped[value, default: []].append("." + name)
        }
        return order.map { "        case \(grouped[$0, default: []].joined(separator: ", ")): return \($0)\n" }.joined()
    }

    private static func eventEnum() -> String {
        let layout = DomainSchema.eventLayout
        func start(of kind: UsageEventField.ValueKind) -> Int { layout.firstIndex { $0.valueKind == kind } ?? layout.count }
        let integerStart = min(start(of: .integer), start(of: .decimal), start(of: .object))
        let decimalStart = min(start(of: .decimal), start(of: .object))
        let objectStart = start(of: .object)
        let groups: [(comment: String, rows: ArraySlice<EventFieldRow>)] = [
            ("Strings (their decoded UTF-8 is kept in the event).", layout[0..<integerStart]),
            ("Integers.", layout[integerStart..<decimalStart]),
            ("Decimals.", layout[decimalStart..<objectStart]),
            ("Objects: present when the object itself is present (even if empty).", layout[objectStart...]),
        ]
        var out = """
            /// A field of the usage event format (docs/usage-events.md), numbered for the scanner: the raw
            /// value is the field's bit in ``UsageEventFields`` and, for strings and numbers, its slot in
            /// the event. The cases are grouped by the JSON type they take, so a range check tells it.
            public enum UsageEventField: UInt8, CaseIterable, Sendable, Hashable {

            """
        var first = true
        for group in groups where !group.rows.isEmpty {
            out += "    // \(group.comment)\n"
            var names = group.rows.map(\.caseName)
            if first { names[0] += " = 0" }
            first = false
            out += wrap(names, indent: "    case ")
        }
        out += """

                /// The raw value of the first integer, decimal and object field.
                @inlinable public static var integerStart: UInt8 { \(integerStart) }
                @inlinable public static var decimalStart: UInt8 { \(decimalStart) }
                @inlinable public static var objectStart: UInt8 { \(objectStart) }
                /// Number of fields.
                public static var count: Int { \(layout.count) }
                /// Number of object fields (the parts of an event).
                public static var objectCount: Int { \(layout.count - objectStart) }

                /// Inline storage with one element per integer field and per decimal field: the event's
                /// layout, sized by the table.
                public typealias IntegerArray<Element> = InlineArray<\(decimalStart - integerStart), Element>
                public typealias DecimalArray<Element> = InlineArray<\(objectStart - decimalStart), Element>
            }

            """
        return out
    }

    /// `case a, b, c` lines of at most 120 columns.
    private static func wrap(_ names: [String], indent: String) -> String {
        var lines: [String] = []
        var line = indent
        for name in names {
            let piece = (line == indent ? "" : ", ") + name
            if line.count + piece.count > 120 {
                lines.append(line)
                line = indent + name
            } else {
                line += piece
            }
        }
        lines.append(line)
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Sources/BylawModel/Events/EventLineParser+KnownField.swift`: the key matcher.
    static func keyMatcher() -> String {
        let layout = DomainSchema.eventLayout
        var out = header + """
            extension EventLineParser {
                /// The field whose name is `length` bytes held little-endian in `w0` then `w1` (bytes past
                /// the name zeroed). Each constant's name is beside it.
                @inline(__always)
                static func knownField(length: Int, _ w0: UInt64, _ w1: UInt64, in object: UsageEventField?) -> UsageEventField? {
                    switch object {

            """
        let objects: [(label: String, parent: Int?)] = [("nil", nil)]
            + layout.indices.filter { layout[$0].valueKind == .object }.map { (".\(layout[$0].caseName)?", $0) }
        for object in objects {
            // Within an object: by key length, then in table order.
            let members = layout.enumerated().filter { $0.element.parent == object.parent }
                .sorted { ($0.element.typeName, $0.element.celIndex) < ($1.element.typeName, $1.element.celIndex) }
            let keys = members.map { (key: $0.element.field.streamKey ?? "", name: $0.element.caseName) }
            out += "        case \(object.label):\n            switch length {\n"
            for length in Set(keys.map(\.key.utf8.count)).sorted() {
                out += "            case \(length):\n"
                for key in keys where key.key.utf8.count == length {
                    let bytes = Array(key.key.utf8)
                    var condition = "w0 == \(hexWord(bytes.prefix(8)))"
                    if bytes.count > 8 { condition += " && w1 == \(hexWord(bytes.dropFirst(8)))" }
                    out += "                if \(condition) { return .\(key.name) }  // \(key.key)\n"
                }
            }
            out += "            default: break\n            }\n"
        }
        out += """
                    default: break
                    }
                    return nil
                }
            }

            """
        return out
    }

    /// The bytes as a little-endian word, in hex.
    private static func hexWord<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        var word: UInt64 = 0
        for (offset, byte) in bytes.enumerated() { word |= UInt64(byte) << (8 * offset) }
        return "0x" + String(word, radix: 16, uppercase: true)
    }

    /// A field name as a Swift identifier (keywords in backticks).
    static func swiftName(_ name: String) -> String {
        ["default", "case", "in", "is", "as", "self", "Self", "public", "internal", "private", "protocol", "class", "struct", "enum"]
            .contains(name) ? "`\(name)`" : name
    }

    /// The `DomainSchema` member that holds a type (`billingAccount` for `BillingAccount`).
    private static func tableName(_ type: SchemaObjectType) -> String {
        type.name.prefix(1).lowercased() + type.name.dropFirst()
    }
}
