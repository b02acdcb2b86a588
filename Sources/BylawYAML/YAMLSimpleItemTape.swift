/// What ``YAMLSimpleItemScanner`` found in the simple items it accepted, kept so that they are
/// read from the bytes once: the check before libyaml starts records each item's mapping and
/// scalars here, and the composer then replays them without scanning the bytes again.
///
/// Positions are kept as distances from the previous one, in 16 bits: an accepted item's
/// lines are shorter than ``YAMLSimpleItemScanner/maxLine`` bytes, so every distance is under
/// twice that (the scanner refuses an item when one is not). An item is its scalar count, the
/// distance to its mapping's start, a (distance, length) pair per scalar (the length with
/// the quotes), then, for a flow mapping, the distance from its last scalar to just after its
/// `}` (0 for a block mapping). Each number is a `UInt16`; a user of three fields takes 30
/// bytes.
struct YAMLSimpleItemTape {
    private(set) var words: YAMLArenaBuffer<UInt16>
    /// Where the last recorded position is, in the file.
    private var cursor: Int
    /// Where the item being recorded starts in `words`, and the cursor before it.
    private var itemWords = 0
    private var itemCursor: Int
    /// Where its scalar count goes, and the count so far.
    private var countWord = 0
    private var scalars = 0
    /// A distance or count did not fit: the item cannot be recorded, so it is not simple.
    private(set) var overflowed = false

    /// A tape whose first item starts at or after `start`, for items among the next `bytes`
    /// bytes.
    ///
    /// An item takes no more words than it has bytes (`- {a: b}` and a line feed are nine
    /// bytes for seven words; each further pair adds four words and at least six bytes), so
    /// room for as many words as bytes is never outgrown: no copy of a tape of tens of megabytes
    /// as it grows. Only the memory written is the process's.
    init(from start: Int, bytes: Int) {
        words = YAMLArenaBuffer(capacity: max(4096, bytes), hugePages: false)
        cursor = start
        itemCursor = start
    }

    /// The distance from the cursor to `position`, which becomes the cursor.
    private mutating func append(distanceTo position: Int) {
        append(position - cursor)
        cursor = position
    }

    private mutating func append(_ value: Int) {
        guard value >= 0, value <= Int(UInt16.max) else {
            overflowed = true
            return
        }
        words.append(UInt16(truncatingIfNeeded: value))
    }

    /// Drops what was recorded of the current item: it is not simple, or libyaml reads it.
    mutating func dropItem() {
        words.removeLast(words.count - itemWords)
        cursor = itemCursor
        overflowed = false
    }

    /// Keeps the current item and starts the next.
    mutating func keepItem() {
        itemWords = words.count
        itemCursor = cursor
    }

    /// Frees the words once they are replayed.
    mutating func release() {
        words = YAMLArenaBuffer(capacity: 16)
    }
}

extension YAMLSimpleItemTape: YAMLSimpleItemVisitor {
    mutating func simpleMapping(start: Int, isFlow: Bool) {
        countWord = words.count
        scalars = 0
        words.append(0)
        append(distanceTo: start)
    }

    mutating func simpleScalar(_ text: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, start: Int, end: Int) {
        append(distanceTo: start)
        append(end - start)
        cursor = end
        scalars += 1
    }

    mutating func simpleMappingEnd(flowEnd: Int) {
        if scalars > Int(UInt16.max) { overflowed = true } else { words[countWord] = UInt16(truncatingIfNeeded: scalars) }
        if flowEnd > 0 { append(distanceTo: flowEnd) } else { words.append(0) }
    }
}

extension YAMLSimpleItemTape {
    /// Calls `visitor` for every recorded item, as the scanner did while recording it, while
    /// `proceed` holds before each item.
    func replay<Visitor: YAMLSimpleItemVisitor>(
        _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, visitor: inout Visitor, while proceed: (inout Visitor) -> Bool
    ) {
        words.withUnsafeBufferPointer { words in
            Self.replay(words, bytes, from: start, visitor: &visitor, while: proceed)
        }
    }

    private static func replay<Visitor: YAMLSimpleItemVisitor>(
        _ words: UnsafeBufferPointer<UInt16>, _ bytes: UnsafeBufferPointer<UInt8>, from start: Int, visitor: inout Visitor,
        while proceed: (inout Visitor) -> Bool
    ) {
        var position = start
        var index = 0
        let count = words.count
        while index < count, proceed(&visitor) {
            let scalars = Int(words[index])
            position += Int(words[index + 1])
            index += 2
            let isFlow = bytes[position] == UInt8(ascii: "{")
            visitor.simpleMapping(start: position, isFlow: isFlow)
            for _ in 0..<scalars {
                let scalarStart = position + Int(words[index])
                let scalarEnd = scalarStart + Int(words[index + 1])
                index += 2
                position = scalarEnd
                let quote = bytes[scalarStart]
                if quote == UInt8(ascii: "'") || quote == UInt8(ascii: "\"") {
                    let style: YAMLScalarStyle = quote == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
                    visitor.simpleScalar(
                        UnsafeBufferPointer(rebasing: bytes[(scalarStart + 1)..<(scalarEnd - 1)]), style: style, start: scalarStart, end: scalarEnd)
                } else {
                    visitor.simpleScalar(UnsafeBufferPointer(rebasing: bytes[scalarStart..<scalarEnd]), style: .plain, start: scalarStart, end: scalarEnd)
                }
            }
            let end = Int(words[index])
            index += 1
            if isFlow { position += end }
            visitor.simpleMappingEnd(flowEnd: isFlow ? position : 0)
        }
    }
}
