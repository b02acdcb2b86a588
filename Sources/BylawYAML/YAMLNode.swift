import BylawSource

/// A node of a composed YAML document, with the byte range it came from.
///
/// Produced by ``YAMLLoader`` from libyaml's events. Mappings keep their pairs in source order
/// and never hold a duplicate key (a duplicate is a diagnostic, not a silently dropped value).
///
/// A node is a cheap handle (a reference to its file's node storage and an index): copying it
/// copies no tree. ``kind``, ``scalar``, ``mapping`` and ``sequence`` build their values on
/// access; hot code reads through the non-allocating accessors (``pairs``, ``items``,
/// ``scalarText(equals:)``, ``isNull``; see `YAMLNode+Access.swift`).
public struct YAMLNode: Sendable {
    /// What the node is.
    public enum Kind: Sendable {
        case scalar(YAMLScalar)
        case mapping([YAMLPair])
        case sequence([YAMLNode])
    }

    let storage: YAMLDocumentStorage
    let index: Int

    init(storage: YAMLDocumentStorage, index: Int) {
        self.storage = storage
        self.index = index
    }

    var record: YAMLNodeRecord { storage.records[index] }

    /// What the node is, built on access (a mapping's pairs and a sequence's items as arrays).
    public var kind: Kind {
        let record = self.record
        switch record.kind {
        case .scalar: return .scalar(YAMLScalar(text: storage.string(record), record: record, at: index, extras: storage.extras))
        case .mapping: return .mapping(Array(YAMLPairs(storage: storage, record: record)))
        case .sequence: return .sequence(Array(YAMLItems(storage: storage, record: record)))
        }
    }

    /// Bytes of the whole node in its file: for a mapping or sequence, from its first to its last
    /// character; for a scalar, including quotes and block indicators.
    public var range: SourceRange {
        let record = self.record
        return SourceRange(start: Int(record.start), end: Int(record.end))
    }

    /// An explicit tag (`!!str`, `!custom`), if the source wrote one.
    public var tag: String? {
        let tag = storage.extras.tag(of: record, at: index)
        return tag == 0 ? nil : storage.tags[Int(tag) - 1]
    }

    /// Creates a node; offsets past 4 GiB are clamped (no loaded file is that large).
    ///
    /// The children of a mapping or sequence are copied into the new node's storage (with the
    /// whole storage they come from): building trees by hand is for tests and small inputs.
    public init(kind: Kind, range: SourceRange, tag: String? = nil) {
        var builder = YAMLDocumentBuilder(source: [])
        let tagIndex = tag.map { builder.tag($0) } ?? 0
        let index: Int
        switch kind {
        case .scalar(let scalar):
            var text = scalar.text
            index = text.withUTF8 { bytes in
                builder.appendScalar(
                    bytes, style: scalar.style, value: YAMLValueBits(scalar.value), range: range,
                    contentStart: scalar.contentStart, indentation: scalar.blockIndentation, tag: tagIndex)
            }
        case .mapping(let pairs):
            var adopted: [ObjectIdentifier: Int] = [:]
            let children = pairs.flatMap { [$0.key, $0.value] }.map { UInt32(clamping: builder.adopt($0, adopted: &adopted)) }
            index = builder.appendCollection(.mapping, range: range, tag: tagIndex, children: children)
        case .sequence(let items):
            var adopted: [ObjectIdentifier: Int] = [:]
            let children = items.map { UInt32(clamping: builder.adopt($0, adopted: &adopted)) }
            index = builder.appendCollection(.sequence, range: range, tag: tagIndex, children: children)
        }
        self.init(storage: builder.build(), index: index)
    }

    /// The scalar, if this is one (its text built on access).
    public var scalar: YAMLScalar? {
        let record = self.record
        guard record.kind == .scalar else { return nil }
        return YAMLScalar(text: storage.string(record), record: record, at: index, extras: storage.extras)
    }

    /// The pairs, if this is a mapping (an array built on access; ``pairs`` builds none).
    public var mapping: [YAMLPair]? {
        pairs.map { Array($0) }
    }

    /// The items, if this is a sequence (an array built on access; ``items`` builds none).
    public var sequence: [YAMLNode]? {
        items.map { Array($0) }
    }

    /// The value for a string key of a mapping (keys compare by their resolved text).
    public subscript(key: String) -> YAMLNode? {
        pair(key)?.value
    }

    /// The pair whose key is `key`, to point at the key itself in a diagnostic.
    public func pair(_ key: String) -> YAMLPair? {
        pairs?.first { $0.key.scalarText(equals: key) }
    }

    /// A word for the node's kind, for messages ("expected a mapping, found a sequence").
    public var kindDescription: String {
        let record = self.record
        switch record.kind {
        case .mapping: return "a mapping"
        case .sequence: return "a sequence"
        case .scalar:
            switch record.valueKind {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "a string"
            }
        }
    }
}

/// One `key: value` entry of a mapping.
public struct YAMLPair: Sendable {
    public let key: YAMLNode
    public let value: YAMLNode

    public init(key: YAMLNode, value: YAMLNode) {
        self.key = key
        self.value = value
    }
}
