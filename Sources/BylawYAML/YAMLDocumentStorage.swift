/// Every node of one loaded file, in one contiguous buffer (an arena).
///
/// Composing a large file used to allocate an array per collection and a `String` per scalar;
/// here a node is a fixed-size ``YAMLNodeRecord``, a collection's children are a run of indices
/// in one shared `children` buffer, and a scalar's text is a byte range of the source itself
/// (when the text is written verbatim, as most plain scalars are) or of one shared `text`
/// buffer. ``YAMLNode`` is a handle: this storage and an index. Immutable once built.
final class YAMLDocumentStorage: Sendable {
    let records: YAMLArenaBuffer<YAMLNodeRecord>
    /// Children of every collection: a sequence's items, or a mapping's keys and values
    /// alternating; each collection's run is contiguous.
    let children: YAMLArenaBuffer<UInt32>
    /// Scalar texts that are not verbatim in the source (escaped, folded, block scalars).
    let text: YAMLArenaBuffer<UInt8>
    /// The file's bytes, for scalar texts written verbatim.
    let source: [UInt8]
    /// Distinct tags; a record's `tag` is an index into this plus one (zero is no tag).
    let tags: [String]
    /// What records cannot hold themselves (see ``YAMLNodeRecord``).
    let extras: YAMLNodeExtras

    init(records: YAMLArenaBuffer<YAMLNodeRecord>, children: YAMLArenaBuffer<UInt32>, text: YAMLArenaBuffer<UInt8>, source: [UInt8], tags: [String], extras: YAMLNodeExtras) {
        self.extras = extras
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

/// One node of a ``YAMLDocumentStorage``, 28 bytes.
///
/// A large file holds millions of these, written once each to fresh memory: every byte saved
/// is page faults and kernel page zeroing saved. So nothing is stored that can be derived: a
/// verbatim scalar's content starts at its text (`first`), a plain one's at `start`, a quoted
/// one's just after its quote; what cannot be derived (block scalars' content start and
/// indentation, tags past 16 bits) waits in the storage's ``YAMLNodeExtras``, flagged by `hasExtra`.
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
    // Two halves rather than one UInt64: 4-byte alignment keeps the record at 28 bytes.
    private var valueLow: UInt32 = 0
    private var valueHigh: UInt32 = 0
    /// Index into `tags` plus one; zero for none, ``wideTag`` when the index is in the extras.
    var shortTag: UInt16
    /// Kind (2 bits), style (3 bits) and value kind (3 bits).
    private var packed: UInt8 = 0
    private var flags: UInt8 = 0

    /// `shortTag` when the tag index does not fit in 16 bits.
    static let wideTag = UInt16.max

    init(kind: Kind, start: UInt32, end: UInt32, first: UInt32, count: UInt32, shortTag: UInt16) {
        self.start = start
        self.end = end
        self.first = first
        self.count = count
        self.shortTag = shortTag
        self.kind = kind
    }

    /// A scalar with no tag and no extra, its bits packed at once.
    init(
        scalarAt start: UInt32, end: UInt32, first: UInt32, count: UInt32, style: YAMLScalarStyle,
        value: YAMLValueBits, textInSource: Bool
    ) {
        self.start = start
        self.end = end
        self.first = first
        self.count = count
        self.shortTag = 0
        self.valueBits = value.bits
        packed = Kind.scalar.rawValue | Self.styleCode(style) << 2 | value.kind.rawValue << 5
        flags = textInSource ? 1 : 0
    }

    var kind: Kind {
        get { Kind(rawValue: packed & 0b11) ?? .scalar }
        set { packed = (packed & ~0b11) | newValue.rawValue }
    }

    var style: YAMLScalarStyle {
        get {
            switch (packed >> 2) & 0b111 {
            case 1: return .singleQuoted
            case 2: return .doubleQuoted
            case 3: return .literal
            case 4: return .folded
            default: return .plain
            }
        }
        set { packed = (packed & ~0b1_1100) | (Self.styleCode(newValue) << 2) }
    }

    var valueKind: ValueKind {
        get { ValueKind(rawValue: packed >> 5) ?? .string }
        set { packed = (packed & 0b1_1111) | (newValue.rawValue << 5) }
    }

    var valueBits: UInt64 {
        get { UInt64(valueHigh) << 32 | UInt64(valueLow) }
        set {
            valueLow = UInt32(truncatingIfNeeded: newValue)
            valueHigh = UInt32(truncatingIfNeeded: newValue >> 32)
        }
    }

    /// The scalar's text is a range of the source, not of the storage's `text`.
    var textInSource: Bool {
        get { flags & 1 != 0 }
        set { flags = newValue ? flags | 1 : flags & ~1 }
    }

    /// The storage's extras hold an entry for this node.
    var hasExtra: Bool {
        get { flags & 2 != 0 }
        set { flags = newValue ? flags | 2 : flags & ~2 }
    }

    /// Where a scalar's content starts when that can be derived from the record alone.
    var derivedContentStart: UInt32 {
        if textInSource, count > 0 { return first }
        return Self.contentStart(of: style, start: start, end: end)
    }

    /// Where a scalar's content starts when its text does not say: at its start, or just after
    /// the opening quote (for block scalars, which need more, the extras hold it).
    @inline(__always)
    static func contentStart<Offset: FixedWidthInteger>(of style: YAMLScalarStyle, start: Offset, end: Offset) -> Offset {
        switch style {
        case .singleQuoted, .doubleQuoted: return min(start &+ 1, end)
        default: return start
        }
    }

    private static func styleCode(_ style: YAMLScalarStyle) -> UInt8 {
        switch style {
        case .plain: return 0
        case .singleQuoted: return 1
        case .doubleQuoted: return 2
        case .literal: return 3
        case .folded: return 4
        }
    }

    static func collection(_ kind: Kind, start: Int, tag: UInt16) -> YAMLNodeRecord {
        var record = YAMLNodeRecord(
            kind: kind, start: UInt32(clamping: start), end: UInt32(clamping: start), first: 0, count: 0, shortTag: tag)
        record.textInSource = true
        return record
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
