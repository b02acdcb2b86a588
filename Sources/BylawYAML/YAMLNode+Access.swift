/// Reading nodes without building arrays or strings: what hot callers (decoders of large
/// workspaces) use instead of ``YAMLNode/kind``, ``YAMLNode/mapping`` and ``YAMLNode/sequence``.
extension YAMLNode {
    /// Whether the node is a scalar.
    public var isScalar: Bool { record.kind == .scalar }

    /// Whether the node is a mapping.
    public var isMapping: Bool { record.kind == .mapping }

    /// Whether the node is a sequence.
    public var isSequence: Bool { record.kind == .sequence }

    /// Whether the node is a scalar that resolves to null (`~`, `null`, nothing at all).
    public var isNull: Bool {
        let record = self.record
        return record.kind == .scalar && record.valueKind == .null
    }

    /// The pairs of a mapping, as a lazy collection over the node storage; `nil` otherwise.
    public var pairs: YAMLPairs? {
        let record = self.record
        return record.kind == .mapping ? YAMLPairs(storage: storage, record: record) : nil
    }

    /// The items of a sequence, as a lazy collection over the node storage; `nil` otherwise.
    public var items: YAMLItems? {
        let record = self.record
        return record.kind == .sequence ? YAMLItems(storage: storage, record: record) : nil
    }

    /// The number of pairs of a mapping, the number of items of a sequence, zero for a scalar.
    public var childCount: Int {
        let record = self.record
        switch record.kind {
        case .scalar: return 0
        case .mapping: return Int(record.count) / 2
        case .sequence: return Int(record.count)
        }
    }

    /// A scalar's text (what ``YAMLScalar/text`` holds), without building the ``YAMLScalar``.
    public var scalarText: String? {
        let record = self.record
        return record.kind == .scalar ? storage.string(record) : nil
    }

    /// A scalar's resolved value (see ``YAMLScalar/value``).
    public var scalarValue: YAMLScalarValue? {
        let record = self.record
        guard record.kind == .scalar else { return nil }
        return record.value { storage.string(record) }
    }

    /// Calls `body` with a scalar's text as UTF-8 bytes, in place; nil for a mapping or sequence.
    public func withScalarBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result? {
        let record = self.record
        guard record.kind == .scalar else { return nil }
        return storage.withText(record, body)
    }

    /// Where a scalar's text is found, byte for byte, in its file (a plain or quoted scalar
    /// without escapes or folding): a reader may keep the range instead of the text. Nil when
    /// the text differs from every range of the source, or for a mapping or sequence.
    public var verbatimSourceRange: Range<Int>? {
        let record = self.record
        guard record.kind == .scalar, record.textInSource else { return nil }
        let start = Int(record.first)
        return start..<(start + Int(record.count))
    }

    /// Whether `other` is this very node (not merely an equal one).
    public func isSameNode(as other: YAMLNode) -> Bool {
        storage === other.storage && index == other.index
    }

    /// Whether the node is a scalar whose text is exactly `text`; compares bytes in place.
    public func scalarText(equals text: String) -> Bool {
        let record = self.record
        return record.kind == .scalar && storage.textEquals(record, text)
    }
}

/// The pairs of a mapping node, read in place from the node storage.
public struct YAMLPairs: RandomAccessCollection, Sendable {
    let storage: YAMLDocumentStorage
    let first: Int
    public let count: Int

    init(storage: YAMLDocumentStorage, record: YAMLNodeRecord) {
        self.storage = storage
        self.first = Int(record.first)
        self.count = Int(record.count) / 2
    }

    /// Positions run from zero.
    public var startIndex: Int { 0 }
    /// One past the last pair.
    public var endIndex: Int { count }

    /// The pair at `position`.
    public subscript(position: Int) -> YAMLPair {
        precondition(position >= 0 && position < count, "pair index out of range")
        let children = storage.children
        let child = first + 2 * position
        return YAMLPair(
            key: YAMLNode(storage: storage, index: Int(children[child])),
            value: YAMLNode(storage: storage, index: Int(children[child + 1])))
    }
}

/// The items of a sequence node, read in place from the node storage.
public struct YAMLItems: RandomAccessCollection, Sendable {
    let storage: YAMLDocumentStorage
    let first: Int
    public let count: Int

    init(storage: YAMLDocumentStorage, record: YAMLNodeRecord) {
        self.storage = storage
        self.first = Int(record.first)
        self.count = Int(record.count)
    }

    /// Positions run from zero.
    public var startIndex: Int { 0 }
    /// One past the last item.
    public var endIndex: Int { count }

    /// The item at `position`.
    public subscript(position: Int) -> YAMLNode {
        precondition(position >= 0 && position < count, "item index out of range")
        return YAMLNode(storage: storage, index: Int(storage.children[first + position]))
    }
}
