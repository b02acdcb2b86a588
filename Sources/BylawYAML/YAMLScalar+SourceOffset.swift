import BylawSource

extension YAMLScalar {
    /// The source byte offset of each UTF-8 byte of ``text``, plus one final entry for the end
    /// of the text: `count == text.utf8.count + 1`.
    ///
    /// Exact through every style: plain (including multi-line, folded plain scalars),
    /// single-quoted (`''`), double-quoted (escapes map to their backslash; folded and escaped
    /// line breaks to the break), literal `|` and folded `>` block scalars (indentation
    /// stripped, chomped breaks). A folded space or newline maps to the line break it replaced.
    /// Cost is linear in the scalar's length; call it once and keep the result when mapping many
    /// offsets of one scalar.
    public func sourceOffsets(in file: SourceFile) -> [Int] {
        let length = text.utf8.count
        let map = YAMLScalarTextMap(
            file: file, start: contentStart, length: length, style: style, blockIndentation: blockIndentation)
        var offsets: [Int]
        if map.output.elementsEqual(text.utf8) {
            offsets = map.offsets
        } else {
            // The source does not rebuild this text (a case the re-reader does not know): fall
            // back to counting bytes from the content start, which is exact for one-line text.
            offsets = (0..<length).map { min(contentStart + $0, file.bytes.count) }
        }
        let end: Int
        if let last = offsets.last {
            end = min(last + Self.sourceLength(at: last, in: file), file.bytes.count)
        } else {
            end = contentStart
        }
        offsets.append(end)
        return offsets
    }

    /// Maps a UTF-8 offset in ``text`` to a byte offset in `file` (offsets past the end of the
    /// text map to its end). See ``sourceOffsets(in:)``.
    public func sourceOffset(ofTextOffset utf8Offset: Int, in file: SourceFile) -> Int {
        let offsets = sourceOffsets(in: file)
        return offsets[max(0, min(utf8Offset, offsets.count - 1))]
    }

    /// Maps a range of UTF-8 offsets in ``text`` to the source bytes it came from.
    public func sourceRange(ofTextRange range: Range<Int>, in file: SourceFile) -> SourceRange {
        let offsets = sourceOffsets(in: file)
        let clamp = { (offset: Int) in max(0, min(offset, offsets.count - 1)) }
        let start = offsets[clamp(range.lowerBound)]
        guard range.upperBound > range.lowerBound else { return .at(start) }
        let lastByte = offsets[clamp(range.upperBound - 1)]
        let end = range.upperBound >= offsets.count - 1 ? offsets[offsets.count - 1] : lastByte + Self.sourceLength(at: lastByte, in: file)
        return SourceRange(start: start, end: max(start, end))
    }

    /// Bytes of the source character (or escape) at `offset`, so a range can end after it.
    private static func sourceLength(at offset: Int, in file: SourceFile) -> Int {
        let bytes = file.bytes
        guard offset < bytes.count else { return 0 }
        let byte = bytes[offset]
        if byte == UInt8(ascii: "\r"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "\n") { return 2 }
        if byte < 0x80 { return 1 }
        var end = offset + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end - offset
    }
}

extension YAMLNode {
    /// For a scalar, the source byte offset of a UTF-8 offset in its text (see
    /// ``YAMLScalar/sourceOffset(ofTextOffset:in:)``); for a collection, where the node starts.
    public func sourceOffset(ofTextOffset utf8Offset: Int, in file: SourceFile) -> Int {
        scalar?.sourceOffset(ofTextOffset: utf8Offset, in: file) ?? range.start
    }
}
