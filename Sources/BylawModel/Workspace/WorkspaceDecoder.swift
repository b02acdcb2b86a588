import BylawSource
import BylawYAML

/// Reads YAML nodes into declarations, reporting every type error at the node that has it.
///
/// The primitives below never stop: a wrong value is reported and read as absent, so one pass
/// over the file finds every error.
struct WorkspaceDecoder {
    let file: SourceFile
    var diagnostics: [Diagnostic] = []

    init(file: SourceFile) { self.file = file }

    mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = [], hint: String? = nil) {
        diagnostics.append(.error(code, message, in: file, at: range, notes: notes, hint: hint))
    }

    /// The range a field's span records: from its key to the end of its value.
    func fieldRange(_ pair: YAMLPair) -> FieldRange {
        FieldRange(pair.key.range.union(pair.value.range))
    }

    /// The pairs of a mapping whose keys the table gives `Field`'s type, with the field each
    /// names; other keys are reported with a "did you mean". Nil (after reporting) when the node
    /// is not a mapping.
    mutating func fields<Field: ObjectFieldID>(
        of node: YAMLNode, what: String, as _: Field.Type
    ) -> [(field: Field, key: String, pair: YAMLPair)]? {
        guard let pairs = node.pairs else {
            error(.workspaceWrongType, "expected \(what) (a mapping), found \(node.kindDescription)", at: node.range)
            return nil
        }
        var known: [(field: Field, key: String, pair: YAMLPair)] = []
        known.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let name = keyText(pair.key) else {
                reportKey(pair.key, name: nil, what: what, as: Field.self)
                continue
            }
            if let field = Field(configKey: name) {
                known.append((field, name, pair))
            } else {
                reportKey(pair.key, name: name, what: what, as: Field.self)
            }
        }
        return known
    }

    /// Reports a key that names no field of `Field`: not a string (`name` nil), or unknown.
    mutating func reportKey<Field: ObjectFieldID>(_ key: YAMLNode, name: String?, what: String, as _: Field.Type) {
        guard let name else {
            error(.workspaceWrongType, "expected a string key in \(what), found \(key.kindDescription)", at: key.range)
            return
        }
        let keys = Field.configKeys
        let hint = DidYouMean.hint(name, from: keys) ?? "\(what) has the keys: \(keys.joined(separator: ", "))"
        error(.workspaceUnknownKey, "unknown key '\(name)' in \(what)", at: key.range, hint: hint)
    }

    func keyText(_ node: YAMLNode) -> String? {
        guard !node.isNull else { return nil }
        return node.scalarText
    }

    /// A string field. Any non-null scalar is read as written (`id: 2024` is the id "2024").
    mutating func string(_ node: YAMLNode, field: String) -> String? {
        guard !node.isNull, let text = node.scalarText else {
            error(.workspaceWrongType, "expected a string for '\(field)', found \(node.kindDescription)", at: node.range)
            return nil
        }
        return text
    }

    /// An id or a reference: a non-empty string, with its range.
    mutating func located(_ node: YAMLNode, field: String) -> Located? {
        guard let text = string(node, field: field) else { return nil }
        guard !text.isEmpty else {
            error(.workspaceInvalidValue, "'\(field)' must not be empty", at: node.range)
            return nil
        }
        return Located(text: text, range: node.range)
    }

    mutating func bool(_ node: YAMLNode, field: String) -> Bool? {
        guard case .bool(let value)? = node.scalarValue else {
            error(
                .workspaceWrongType, "expected a boolean for '\(field)', found \(node.kindDescription)",
                at: node.range, hint: "write true or false")
            return nil
        }
        return value
    }

    /// A whole number ≥ 0.
    mutating func count(_ node: YAMLNode, field: String) -> Int64? {
        guard case .int(let value)? = node.scalarValue else {
            error(.workspaceWrongType, "expected an integer for '\(field)', found \(node.kindDescription)", at: node.range)
            return nil
        }
        guard value >= 0 else {
            error(.workspaceInvalidValue, "'\(field)' must not be negative", at: node.range)
            return nil
        }
        return value
    }

    /// One of an enumeration's known values.
    mutating func enumValue(_ node: YAMLNode, field: String, values: SchemaEnum) -> String? {
        guard let text = string(node, field: field) else { return nil }
        if values.contains(text) { return text }
        let names = values.names
        let hint = DidYouMean.hint(text, from: names) ?? "expected one of: \(names.joined(separator: ", "))"
        error(.workspaceUnknownEnum, "unknown \(values.noun) '\(text)'", at: node.range, hint: hint)
        return nil
    }

    /// The items of a list; a null value (`orgs:` with nothing after it) is an empty list.
    mutating func list(_ node: YAMLNode, field: String) -> [YAMLNode] {
        if let items = node.items { return Array(items) }
        if node.isNull { return [] }
        error(.workspaceWrongType, "expected a list for '\(field)', found \(node.kindDescription)", at: node.range)
        return []
    }

    /// A `labels` map of strings to strings; scalar values are read as written, null is empty.
    mutating func labels(_ node: YAMLNode) -> [String: String] {
        if node.isNull { return [:] }
        guard let pairs = node.pairs else {
            error(.workspaceWrongType, "expected a mapping for 'labels', found \(node.kindDescription)", at: node.range)
            return [:]
        }
        var labels: [String: String] = [:]
        labels.reserveCapacity(pairs.count)
        for pair in pairs {
            guard let key = keyText(pair.key) else {
                error(.workspaceWrongType, "expected a string label name, found \(pair.key.kindDescription)", at: pair.key.range)
                continue
            }
            if let value = string(pair.value, field: "labels.\(key)") { labels[key] = value }
        }
        return labels
    }

    /// A `YYYY-MM-DD` calendar date (the day is checked against its month, leap years included).
    mutating func date(_ node: YAMLNode, field: String) -> String? {
        guard let text = string(node, field: field) else { return nil }
        guard Self.isCalendarDate(text) else {
            error(.workspaceInvalidValue, "'\(field)' must be a date written YYYY-MM-DD, found '\(text)'", at: node.range)
            return nil
        }
        return text
    }

    static func isCalendarDate(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-") else { return false }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// Reports each field the table requires that the source did not write, at the object.
    mutating func requireFields<Field>(_ spans: FieldRanges<Field>, in what: String, object: YAMLNode, id: Located?) {
        for field in Field.requiredFields where !spans[field].isPresent {
            let name = id.map { " '\($0.text)'" } ?? ""
            error(.workspaceMissingField, "\(what)\(name) is missing required field '\(field.configKey ?? "")'", at: object.range)
        }
    }
}
