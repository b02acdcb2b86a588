/// Receives the nodes of the simple items ``YAMLSimpleItemScanner`` reads, as libyaml's events
/// would give them: a mapping's start, its keys and values, its end.
protocol YAMLSimpleItemVisitor {
    /// A mapping opens at `start` (its `{`, or its first key for a block mapping).
    mutating func simpleMapping(start: Int, isFlow: Bool)
    /// A plain or quoted scalar: `text` is its value, `start..<end` its range with quotes.
    mutating func simpleScalar(_ text: UnsafeBufferPointer<UInt8>, style: YAMLScalarStyle, start: Int, end: Int)
    /// The mapping closes; `flowEnd` is just after a flow mapping's `}`.
    mutating func simpleMappingEnd(flowEnd: Int)
}

/// Reads the items of a block sequence that are written in the simplest way straight from the
/// bytes, without libyaml: most of a workspace's `users:` list, where libyaml's scanner would
/// spend about 16,000 instructions a line.
///
/// It accepts only a strict subset, where what libyaml gives is certain: an item is a line
/// `- {key: value, …}` or the lines of a block mapping `- key: value` with each further key
/// under the first, every line ending in a line feed and shorter than 1,000 bytes (libyaml
/// refuses keys past 1,024 characters); a key is a plain scalar, a value a plain scalar or a
/// single-line single- or double-quoted one without escapes; plain scalars are ASCII letters,
/// digits and `-_.@/+` with spaces inside, starting with a letter, digit or `_./+`;
/// blanks are spaces. Nothing else: no comments, tabs, anchors, tags, aliases, nested
/// collections, empty values, multi-line scalars, carriage returns or non-ASCII bytes. Every
/// byte of an accepted item is printable ASCII or a line feed.
///
/// Every other input is libyaml's to read: the scanner says where the first item it is not sure
/// of starts, and the composer hands that item and everything after it to libyaml.
struct YAMLSimpleItemScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    /// The column of the items' `-`.
    let indentation: Int

    static let maxLine = 1_000

    /// Whether the line at `offset` starts an item: `indentation` spaces, then `- `.
    func startsItem(at offset: Int) -> Bool {
        guard offset + indentation + 2 <= bytes.count else { return false }
        for column in 0..<indentation where bytes[offset + column] != UInt8(ascii: " ") { return false }
        return bytes[offset + indentation] == UInt8(ascii: "-") && bytes[offset + indentation + 1] == UInt8(ascii: " ")
    }

    /// Where the first item not read here starts, reading from the item at `start`: the end of
    /// the last item that is simple and followed by another item's line (`start` when there is
    /// no such item); and the items before it, recorded for the composer to replay.
    func simpleRun(from start: Int) -> (end: Int, tape: YAMLSimpleItemTape) {
        var position = start
        var tape = YAMLSimpleItemTape(from: start, bytes: bytes.count - start)
        while let next = item(at: position, visitor: &tape), !tape.overflowed, startsItem(at: next) {
            tape.keepItem()
            position = next
        }
        tape.dropItem()
        return (position, tape)
    }

    /// Reads the simple item whose line starts at `offset` (a line for which ``startsItem(at:)``
    /// holds) into `visitor`; returns where the line after it starts, or nil when the item is not
    /// simple (the visitor may then have seen part of it).
    func item<Visitor: YAMLSimpleItemVisitor>(at offset: Int, visitor: inout Visitor) -> Int? {
        let content = offset + indentation + 2
        guard content < bytes.count else { return nil }
        if bytes[content] == UInt8(ascii: "{") { return flowItem(at: content, lineStart: offset, visitor: &visitor) }
        return blockItem(at: content, lineStart: offset, visitor: &visitor)
    }

    // MARK: Items

    /// `{key: value, …}` and the line's end.
    private func flowItem<Visitor: YAMLSimpleItemVisitor>(at open: Int, lineStart: Int, visitor: inout Visitor) -> Int? {
        let limit = min(bytes.count, lineStart + Self.maxLine)
        visitor.simpleMapping(start: open, isFlow: true)
        var index = skipSpaces(open + 1, limit)
        while true {
            guard let afterKey = key(at: index, limit, flow: true, visitor: &visitor),
                let afterValue = value(at: afterKey, limit, flow: true, visitor: &visitor)
            else { return nil }
            index = skipSpaces(afterValue, limit)
            guard index < limit else { return nil }
            if bytes[index] == UInt8(ascii: "}") { break }
            guard bytes[index] == UInt8(ascii: ",") else { return nil }
            index = skipSpaces(index + 1, limit)
        }
        visitor.simpleMappingEnd(flowEnd: index + 1)
        return lineEnd(index + 1, limit)
    }

    /// `key: value` lines, the first after `- `, the others at the first key's column.
    private func blockItem<Visitor: YAMLSimpleItemVisitor>(at first: Int, lineStart: Int, visitor: inout Visitor) -> Int? {
        visitor.simpleMapping(start: first, isFlow: false)
        var keyStart = first
        var limit = min(bytes.count, lineStart + Self.maxLine)
        while true {
            guard let afterKey = key(at: keyStart, limit, flow: false, visitor: &visitor),
                let afterValue = value(at: afterKey, limit, flow: false, visitor: &visitor),
                let next = lineEnd(afterValue, limit)
            else { return nil }
            // The next line is another key of this item, or ends it. A line indented further
            // could continue the value: not simple.
            var column = 0
            while next + column < bytes.count, bytes[next + column] == UInt8(ascii: " ") { column += 1 }
            if column == indentation + 2, next + column < bytes.count, Self.startsPlain(bytes[next + column]) {
                keyStart = next + column
                limit = min(bytes.count, next + Self.maxLine)
                continue
            }
            guard column <= indentation else { return nil }
            visitor.simpleMappingEnd(flowEnd: 0)
            return next
        }
    }

    // MARK: Scalars

    /// A plain key followed by `: ` and blanks; returns where the value starts.
    private func key<Visitor: YAMLSimpleItemVisitor>(at start: Int, _ limit: Int, flow: Bool, visitor: inout Visitor) -> Int? {
        guard let end = plainEnd(start, limit), end + 1 < limit, bytes[end] == UInt8(ascii: ":"), bytes[end + 1] == UInt8(ascii: " ")
        else { return nil }
        visitor.simpleScalar(slice(start, end), style: .plain, start: start, end: end)
        return skipSpaces(end + 2, limit)
    }

    /// A plain, single- or double-quoted value; returns where it ends. What follows (blanks,
    /// then `,` or `}` in a flow mapping, the line's end in a block one) is the caller's to check.
    private func value<Visitor: YAMLSimpleItemVisitor>(at start: Int, _ limit: Int, flow: Bool, visitor: inout Visitor) -> Int? {
        guard start < limit else { return nil }
        let first = bytes[start]
        if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
            var index = start + 1
            while index < limit, bytes[index] != first {
                let byte = bytes[index]
                guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return nil }
                index += 1
            }
            guard index < limit else { return nil }
            let style: YAMLScalarStyle = first == UInt8(ascii: "'") ? .singleQuoted : .doubleQuoted
            visitor.simpleScalar(slice(start + 1, index), style: style, start: start, end: index + 1)
            return index + 1
        }
        guard let end = plainEnd(start, limit) else { return nil }
        visitor.simpleScalar(slice(start, end), style: .plain, start: start, end: end)
        return end
    }

    /// The end of the plain scalar at `start` (after its last non-blank byte); nil when none
    /// starts there.
    private func plainEnd(_ start: Int, _ limit: Int) -> Int? {
        guard start < limit, Self.startsPlain(bytes[start]) else { return nil }
        var end = start + 1
        while true {
            while end < limit, Self.inPlain(bytes[end]) { end += 1 }
            // Spaces belong to the scalar only when more of it follows them.
            var index = end
            while index < limit, bytes[index] == UInt8(ascii: " ") { index += 1 }
            guard index > end, index < limit, Self.inPlain(bytes[index]) else { return end }
            end = index + 1
        }
    }

    /// Blanks, then the line feed; returns where the next line starts.
    private func lineEnd(_ start: Int, _ limit: Int) -> Int? {
        let index = skipSpaces(start, limit)
        guard index < limit, bytes[index] == UInt8(ascii: "\n") else { return nil }
        return index + 1
    }

    private func skipSpaces(_ start: Int, _ limit: Int) -> Int {
        var index = start
        while index < limit, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index
    }

    private func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    /// Letters, digits, `_`, `.`, `/`, `+`: none of them is a YAML indicator.
    @inline(__always)
    static func startsPlain(_ byte: UInt8) -> Bool {
        inSet(byte, low: 0x03FF_C800_0000_0000, high: 0x07FF_FFFE_87FF_FFFE)
    }

    /// What may follow inside a plain scalar, besides spaces: those and `-`, `@`.
    @inline(__always)
    static func inPlain(_ byte: UInt8) -> Bool {
        inSet(byte, low: 0x03FF_E800_0000_0000, high: 0x07FF_FFFE_87FF_FFFF)
    }

    /// Whether `byte` is in the ASCII set whose bytes 0–63 are the bits of `low` and 64–127
    /// those of `high`: a shift and a test instead of a chain of range comparisons, for the
    /// scanner's loop over every byte of every scalar.
    @inline(__always)
    private static func inSet(_ byte: UInt8, low: UInt64, high: UInt64) -> Bool {
        let word = byte < 64 ? low : (byte < 128 ? high : 0)
        return (word >> UInt64(byte & 63)) & 1 != 0
    }
}
