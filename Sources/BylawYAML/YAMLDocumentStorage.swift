/// Every node of one loaded file, in one contiguous buffer (an arena).
///
/// Composing a large file used to allocate an array per collection and a `String` per scalar;
/// here a node is a fixed-size ``YAMLNodeRecord``, a collection's children are a run of indices
/// in one shared `children` buffer, and a scalar's text is a byte range of the source itself
/// (when the text is written verbatim, as most plain scalars are) or of one shared `text`
/// buffer. ``YAMLNode`` is a handle: this storage and an index. Immutable once built.
final class YAMLDocumentStorage: Sendable {
    let records: [YAMLNodeRecord]
    /// Children of every collection: a sequence's items, or a mapping's keys and values
    /// alternating; each collection's run is contiguous.
    let children: [UInt32]
    /// Scalar texts that are not verbatim in the source (escaped, folded, block scalars).
    let text: [UInt8]
    /// The file's bytes, for scalar texts written verbatim.
    let source: [UInt8]
    /// Distinct tags; a record's `tag` is an index into this plus one (zero is no tag).
    let tags: [String]

    init(records: [YAMLNodeRecord], children: [UInt32], text: [UInt8], source: [UInt8], tags: [String]) {
        self.records = records
        self.children = children
        self.text = text
        self.source = source
        self.tags = tags
    }

    /// Calls `body` with the bytes of the scalar text of `record`.
    @inline(__always)
    func withText<Result>(_ record: YAMLNodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = Int(record.first)
        let end = start + Int(record.count)
        if record.textInSource {
            return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        }
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    /// The scalar text of `record` as a string.
    func string(_ record: YAMLNodeRecord) -> String {
        withText(record) { String(decoding: $0, as: UTF8.self) }
    }

    /// Whether the scalar text of `record` is exactly `other`.
    func textEquals(_ record: YAMLNodeRecord, _ other: String) -> Bool {
        var other = other
        return other.withUTF8 { wanted in
            guard wanted.count == Int(record.count) else { return false }
            return withText(record) { bytes in bytes.elementsEqual(wanted) }
        }
    }
}

/// One node of a ``YAMLDocumentStorage``, 40 bytes.
struct YAMLNodeRecord: Sendable {
    enum Kind: UInt8, Sendable {
        case scalar, mapping, sequence
    }

    /// How a scalar's value is stored in `valueBits`.
    enum ValueKind: UInt8, Sendable {
        case string, null, bool, int, float
    }

    var start: UInt32
    var end: UInt32
    /// A scalar's text offset (in `source` or `text`); a collection's first child in `children`.
    var first: UInt32
    /// A scalar's text length in bytes; a collection's number of children (2 × pairs).
    var count: UInt32
    var contentStart: UInt32
    /// Index into `tags` plus one; zero for none.
    var tag: UInt32
    /// `UInt16.max` for none.
    var indentation: UInt16
    var kind: Kind
    var style: YAMLScalarStyle
    var valueKind: ValueKind
    var textInSource: Bool
    var valueBits: UInt64

    static func collection(_ kind: Kind, start: Int, tag: UInt32) -> YAMLNodeRecord {
        YAMLNodeRecord(
            start: UInt32(clamping: start), end: UInt32(clamping: start), first: 0, count: 0, contentStart: UInt32(clamping: start),
            tag: tag, indentation: .max, kind: kind, style: .plain, valueKind: .string, textInSource: true, valueBits: 0)
    }

    /// The resolved value; a string value is the text `text()` returns.
    func value(_ text: () -> String) -> YAMLScalarValue {
        switch valueKind {
        case .string: return .string(text())
        case .null: return .null
        case .bool: return .bool(valueBits != 0)
        case .int: return .int(Int64(bitPattern: valueBits))
        case .float: return .float(Double(bitPattern: valueBits))
        }
    }
}

/// A scalar value resolved without building its text: the kind and the payload's raw bits.
struct YAMLValueBits: Equatable {
    let kind: YAMLNodeRecord.ValueKind
    let bits: UInt64

    static let string = YAMLValueBits(kind: .string, bits: 0)
    static let null = YAMLValueBits(kind: .null, bits: 0)
    static func bool(_ flag: Bool) -> YAMLValueBits { YAMLValueBits(kind: .bool, bits: flag ? 1 : 0) }
    static func int(_ number: Int64) -> YAMLValueBits { YAMLValueBits(kind: .int, bits: UInt64(bitPattern: number)) }
    static func float(_ number: Double) -> YAMLValueBits { YAMLValueBits(kind: .float, bits: number.bitPattern) }

    init(kind: YAMLNodeRecord.ValueKind, bits: UInt64) {
        self.kind = kind
        self.bits = bits
    }

    init(_ value: YAMLScalarValue) {
        switch value {
        case .string: self = .string
        case .null: self = .null
        case .bool(let flag): self = .bool(flag)
        case .int(let number): self = .int(number)
        case .float(let number): self = .float(number)
        }
    }
}
