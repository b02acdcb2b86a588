import BylawSchema
import BylawSource
import BylawYAML

// Users are decoded straight into ``UserColumns``, one node at a time (the loader streams the
// `users:` list from the parser): the same checks and messages as every other kind (see
// `object` in WorkspaceDecoder+Objects.swift), but no declaration, `String` or dictionary per
// user.
extension WorkspaceDecoder {
    /// Decodes one item of `users:` and appends it to `users`; an item that is not a mapping
    /// is reported and adds no user.
    mutating func user(_ node: YAMLNode, into users: inout UserColumns) {
        guard let pairs = node.pairs else {
            error(.workspaceWrongType, "expected a user (a mapping), found \(node.kindDescription)", at: node.range)
            return
        }
        let position = users.count
        var record = UserColumns.Record()
        var spans = FieldRanges<UserField>()
        var idValue = FieldRange.absent
        var orgValue = FieldRange.absent
        spans.object = FieldRange(node.range)
        // One pass, keys matched by their bytes: a key's problem and a value's are at different
        // places, so reporting them as they come sorts as `fields(of:)` reporting keys first.
        for pair in pairs {
            guard let field = userField(pair.key) else { continue }
            let key = field.configKey ?? ""
            let value = pair.value
            switch field {
            case .id:
                if let handle = reference(value, field: key, in: &users.ids) {
                    record.id = handle.handle
                    idValue = FieldRange(value.range)
                    if handle.isNew { users.firstPositions.append(UInt32(position)) }
                }
            case .org:
                if let handle = reference(value, field: key, in: &users.orgReferences) {
                    record.org = handle.handle
                    orgValue = FieldRange(value.range)
                }
            case .email:
                if let text = verbatimOrCopied(value, field: key, texts: &users.texts) {
                    (record.emailStart, record.emailLength, record.emailInTexts) = text
                }
            case .status:
                if let values = field.spec.type.enumeration, let text = enumValue(value, field: key, values: values),
                    let index = UserStatus.allCases.firstIndex(where: { $0.rawValue == text })
                {
                    record.status = UInt8(index + 1)
                }
            case .offboarded_on:
                if let date = date(value, field: key) { record.offboardedOn = Self.packedDate(date) }
            case .labels:
                let labels = labels(value)
                if !labels.isEmpty {
                    users.labels.append(labels)
                    record.labels = UInt32(users.labels.count)
                }
            case .owned_apps:
                continue
            }
            spans[field] = fieldRange(pair)
        }
        if UserField.requiredFields.contains(where: { !spans[$0].isPresent }) {
            let id = record.id == IDTable.none ? nil : Located(text: users.ids.string(record.id), range: node.range)
            requireFields(spans, in: "user", object: node, id: id)
        }
        users.records.append(record)
        users.spans.append(spans)
        users.idValues.append(idValue)
        users.orgValues.append(orgValue)
    }

    /// The config keys of a user, as bytes.
    private static let userKeys: [(bytes: [UInt8], field: UserField)] = UserField.allCases.compactMap { field in
        field.configKey.map { (Array($0.utf8), field) }
    }

    /// The field a user's key names; nil after reporting a key that names none.
    private mutating func userField(_ key: YAMLNode) -> UserField? {
        if !key.isNull,
            let field = scalarBytes(key, { bytes in Self.userKeys.first { $0.bytes.elementsEqual(bytes) }?.field }) ?? nil
        {
            return field
        }
        reportKey(key, name: keyText(key), what: "a user", as: UserField.self)
        return nil
    }

    /// Calls `body` with a scalar's text: a slice of the file when it is there verbatim (most
    /// are; read here, without a call into the YAML layer's generic accessor per scalar).
    private func scalarBytes<Result>(_ node: YAMLNode, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        guard let range = node.verbatimSourceRange else { return node.withScalarBytes(body) }
        return file.bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    /// An id or a reference, checked as ``located(_:field:)`` checks it, interned in `table`
    /// without building a `String`.
    private mutating func reference(_ node: YAMLNode, field: String, in table: inout IDTable) -> (handle: UInt32, isNew: Bool)? {
        guard !node.isNull, node.isScalar else {
            error(.workspaceWrongType, "expected a string for '\(field)', found \(node.kindDescription)", at: node.range)
            return nil
        }
        let interned = scalarBytes(node) { bytes in bytes.isEmpty ? nil : table.intern(bytes) } ?? nil
        if interned == nil { error(.workspaceInvalidValue, "'\(field)' must not be empty", at: node.range) }
        return interned
    }

    /// A string field, checked as ``string(_:field:)`` checks it, kept as a range of the source
    /// when its text is there verbatim, else copied to the end of `texts`.
    private mutating func verbatimOrCopied(
        _ node: YAMLNode, field: String, texts: inout [UInt8]
    ) -> (start: UInt32, length: UInt32, inTexts: Bool)? {
        guard !node.isNull, node.isScalar else {
            error(.workspaceWrongType, "expected a string for '\(field)', found \(node.kindDescription)", at: node.range)
            return nil
        }
        if let range = node.verbatimSourceRange {
            return (UInt32(truncatingIfNeeded: range.lowerBound), UInt32(truncatingIfNeeded: range.count), false)
        }
        let start = texts.count
        node.withScalarBytes { texts.append(contentsOf: $0) }
        return (UInt32(truncatingIfNeeded: start), UInt32(truncatingIfNeeded: texts.count - start), true)
    }

    /// A checked `YYYY-MM-DD` date as one integer.
    static func packedDate(_ date: String) -> UInt32 {
        date.utf8.reduce(0) { value, byte in
            byte == UInt8(ascii: "-") ? value : value * 10 + UInt32(byte - UInt8(ascii: "0"))
        }
    }

    /// The date a ``packedDate(_:)`` stands for, as written.
    static func unpackedDate(_ packed: UInt32) -> String {
        func digits(_ value: UInt32, _ count: Int) -> String {
            let text = String(value)
            return String(repeating: "0", count: max(0, count - text.count)) + text
        }
        return "\(digits(packed / 10_000, 4))-\(digits(packed / 100 % 100, 2))-\(digits(packed % 100, 2))"
    }
}
