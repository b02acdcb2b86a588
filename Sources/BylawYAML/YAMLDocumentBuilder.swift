import BylawSource

/// Fills the buffers of a ``YAMLDocumentStorage`` as a document is composed: appending a node
/// is appending a fixed-size record, never an allocation of its own.
struct YAMLDocumentBuilder {
    var records: YAMLArenaBuffer<YAMLNodeRecord>
    var children: YAMLArenaBuffer<UInt32>
    var text = YAMLArenaBuffer<UInt8>()
    let source: [UInt8]
    var tags: [String] = []
    var extras = YAMLNodeExtras()
    private var tagIndex: [String: UInt32] = [:]

    init(source: [UInt8]) {
        self.source = source
        // A node takes at least a few bytes of source: reserve for the common density once,
        // rather than regrow a large buffer many times.
        records = YAMLArenaBuffer(capacity: source.count / 6 + 16)
        children = YAMLArenaBuffer(capacity: source.count / 6 + 16)
    }

    /// The size of the arena at one moment, to drop what was appended after it.
    struct Mark {
        var records = 0
        var children = 0
        var text = 0
    }

    /// The arena's size now.
    var mark: Mark { Mark(records: records.count, children: children.count, text: text.count) }

    /// Drops every node, child run and text appended since `mark` (a streamed item once its
    /// consumer has read it). Tags stay: they are names, shared by any node.
    mutating func truncate(to mark: Mark) {
        records.removeLast(records.count - mark.records)
        children.removeLast(children.count - mark.children)
        text.removeLast(text.count - mark.text)
        extras.removeEntries(fromNode: mark.records)
    }

    /// The index plus one of `name` in `tags`, added if new.
    mutating func tag(_ name: String) -> UInt32 {
        if let index = tagIndex[name] { return index }
        tags.append(name)
        let index = UInt32(tags.count)
        tagIndex[name] = index
        return index
    }

    /// Where a scalar's text `bytes` will be: in the source, when the source has those very
    /// bytes at `contentStart` (no copy), else copied to the end of `text`.
    @inline(__always)
    private mutating func placeText(_ bytes: UnsafeBufferPointer<UInt8>, at contentStart: Int) -> (first: Int, verbatim: Bool) {
        let length = bytes.count
        guard length > 0 else { return (0, true) }
        let verbatim = source.withUnsafeBufferPointer { all in
            guard contentStart + length <= all.count, let base = all.baseAddress, let wanted = bytes.baseAddress else { return false }
            // The simple items' scalars are slices of the source itself: nothing to compare.
            return wanted == base + contentStart || memoryEquals(base + contentStart, wanted, length)
        }
        if verbatim { return (contentStart, true) }
        let first = text.count
        text.append(contentsOf: bytes)
        return (first, false)
    }

    /// Appends a scalar whose text is `bytes`, placed by ``placeText(_:at:)``.
    mutating func appendScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, value: YAMLValueBits, range: SourceRange,
        contentStart: Int, indentation: Int?, tag: UInt32
    ) -> Int {
        let length = bytes.count
        let (first, verbatim) = placeText(bytes, at: contentStart)
        var record = YAMLNodeRecord(
            kind: .scalar, start: UInt32(clamping: range.start), end: UInt32(clamping: range.end),
            first: UInt32(clamping: first), count: UInt32(clamping: length), shortTag: 0)
        record.style = style
        record.valueKind = value.kind
        record.valueBits = value.bits
        record.textInSource = verbatim
        let indentation = indentation.map { UInt16(clamping: max(0, min($0, Int(UInt16.max) - 1))) } ?? .max
        return append(record, tag: tag, contentStart: UInt32(clamping: contentStart), indentation: indentation)
    }

    /// Appends a plain or quoted scalar with no tag (most nodes of a large file): what
    /// ``appendScalar(_:style:value:range:contentStart:indentation:tag:)`` does, with what it
    /// decides for such a scalar decided once here. Its content start (`start`, or the byte
    /// after a quote) is what its record derives, so it never needs an extra.
    mutating func appendFlowScalar(
        _ bytes: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, value: YAMLValueBits, start: Int, end: Int
    ) -> Int {
        let contentStart = YAMLNodeRecord.contentStart(of: style, start: start, end: end)
        let length = bytes.count
        let (first, verbatim) = placeText(bytes, at: contentStart)
        let node = records.count
        // Offsets and lengths fit in 32 bits: the input check refuses files past 2 GiB, which
        // keeps the file and the text buffer under 4 GiB.
        records.append(YAMLNodeRecord(
            scalarAt: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: end),
            first: UInt32(truncatingIfNeeded: first), count: UInt32(truncatingIfNeeded: length),
            style: style, value: value, textInSource: verbatim))
        return node
    }

    /// Appends `record` with what it cannot hold itself moved to the extras.
    mutating func append(_ record: YAMLNodeRecord, tag: UInt32, contentStart: UInt32, indentation: UInt16) -> Int {
        var record = record
        let node = records.count
        let wideTag = tag >= UInt32(YAMLNodeRecord.wideTag)
        record.shortTag = wideTag ? YAMLNodeRecord.wideTag : UInt16(tag)
        let needsExtra = record.kind == .scalar && (indentation != .max || record.derivedContentStart != contentStart)
        record.hasExtra = needsExtra || wideTag
        if record.hasExtra {
            extras.append(.init(node: UInt32(clamping: node), contentStart: contentStart, indentation: indentation, tag: tag))
        }
        records.append(record)
        return node
    }

    /// Appends the nodes of `count` pending children, from `start`, as one run of `children`.
    mutating func appendChildren(_ pending: YAMLArenaBuffer<YAMLComposer.Pending>, from start: Int, count: Int) {
        pending.withUnsafeBufferPointer { items in
            for position in start..<(start + count) { children.append(items[position].node) }
        }
    }

    /// Appends a copy of the node at `node` (an alias of it) with the range `start..<end`.
    mutating func appendCopy(of node: Int, start: Int, end: Int) -> Int {
        var copy = records[node]
        copy.start = UInt32(clamping: start)
        copy.end = UInt32(clamping: end)
        let contentStart = copy.kind == .scalar ? UInt32(clamping: extras.contentStart(of: records[node], at: node)) : copy.start
        return append(
            copy, tag: extras.tag(of: records[node], at: node), contentStart: contentStart,
            indentation: extras.indentation(of: records[node], at: node))
    }

    /// Appends a mapping or sequence whose children (a mapping's keys and values alternating)
    /// are already in `records`.
    mutating func appendCollection(_ kind: YAMLNodeRecord.Kind, range: SourceRange, tag: UInt32, children items: [UInt32]) -> Int {
        var record = YAMLNodeRecord.collection(kind, start: range.start, tag: 0)
        record.end = UInt32(clamping: range.end)
        record.first = UInt32(clamping: children.count)
        record.count = UInt32(clamping: items.count)
        children.append(contentsOf: items)
        return append(record, tag: tag, contentStart: record.start, indentation: .max)
    }

    /// Whether the scalar texts of two records are the same bytes.
    func sameText(_ a: YAMLNodeRecord, _ b: YAMLNodeRecord) -> Bool {
        guard a.count == b.count else { return false }
        return withText(a) { left in withText(b) { right in
            guard let l = left.baseAddress, let r = right.baseAddress else { return true }
            return memoryEquals(l, r, left.count)
        } }
    }

    func withText<Result>(_ record: YAMLNodeRecord, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        let start = Int(record.first)
        let end = start + Int(record.count)
        if record.textInSource {
            return source.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
        }
        return text.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[start..<end])) }
    }

    func string(_ record: YAMLNodeRecord) -> String {
        withText(record) { String(decoding: $0, as: UTF8.self) }
    }

    /// Copies every node of `storage` into this builder (their indices shifted) and returns
    /// where its node `index` landed. Each storage is copied once per builder (`adopted`).
    mutating func adopt(_ node: YAMLNode, adopted: inout [ObjectIdentifier: Int]) -> Int {
        let storage = node.storage
        if let base = adopted[ObjectIdentifier(storage)] { return base + node.index }
        let base = records.count
        let childBase = UInt32(clamping: children.count)
        adopted[ObjectIdentifier(storage)] = base
        records.reserveCapacity(base + storage.records.count)
        for (index, var record) in storage.records.enumerated() {
            let contentStart = record.kind == .scalar ? UInt32(clamping: storage.extras.contentStart(of: record, at: index)) : record.start
            let indentation = storage.extras.indentation(of: record, at: index)
            let oldTag = storage.extras.tag(of: record, at: index)
            if record.kind == .scalar {
                if record.count > 0 {
                    let copied = text.count
                    storage.withText(record) { text.append(contentsOf: $0) }
                    record.first = UInt32(clamping: copied)
                }
                record.textInSource = false
            } else {
                record.first = UInt32(clamping: Int(record.first) + Int(childBase))
            }
            let newTag = oldTag == 0 ? 0 : tag(storage.tags[Int(oldTag) - 1])
            _ = append(record, tag: newTag, contentStart: contentStart, indentation: indentation)
        }
        let shift = UInt32(clamping: base)
        children.append(contentsOf: storage.children.lazy.map { $0 &+ shift })
        return base + node.index
    }

    func build() -> YAMLDocumentStorage {
        YAMLDocumentStorage(records: records, children: children, text: text, source: source, tags: tags, extras: extras)
    }
}

/// Whether `count` bytes at `a` and `b` are equal.
///
/// Eight bytes at a time; the tail as one more word, or two smaller loads, that overlap bytes
/// already compared rather than a loop over single bytes (scalars are short: the tail is most
/// of the work).
@inline(__always)
func memoryEquals(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    let left = UnsafeRawPointer(a)
    let right = UnsafeRawPointer(b)
    if count >= 8 {
        var index = 0
        while index + 8 <= count {
            if left.loadUnaligned(fromByteOffset: index, as: UInt64.self) != right.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
                return false
            }
            index += 8
        }
        let last = count - 8
        return index == count
            || left.loadUnaligned(fromByteOffset: last, as: UInt64.self) == right.loadUnaligned(fromByteOffset: last, as: UInt64.self)
    }
    if count >= 4 {
        let last = count - 4
        return left.loadUnaligned(as: UInt32.self) == right.loadUnaligned(as: UInt32.self)
            && left.loadUnaligned(fromByteOffset: last, as: UInt32.self) == right.loadUnaligned(fromByteOffset: last, as: UInt32.self)
    }
    if count >= 2 {
        let last = count - 2
        return left.loadUnaligned(as: UInt16.self) == right.loadUnaligned(as: UInt16.self)
            && left.loadUnaligned(fromByteOffset: last, as: UInt16.self) == right.loadUnaligned(fromByteOffset: last, as: UInt16.self)
    }
    return count == 0 || a.pointee == b.pointee
}
