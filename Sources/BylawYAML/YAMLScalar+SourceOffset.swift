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
        let (starts, ends) = sourceMap(in: file)
        return starts + [ends.last ?? contentStart]
    }

    /// Maps a UTF-8 offset in ``text`` to a byte offset in `file` (offsets past the end of the
    /// text map to its end). See ``sourceOffsets(in:)``.
    public func sourceOffset(ofTextOffset utf8Offset: Int, in file: SourceFile) -> Int {
        let offsets = sourceOffsets(in: file)
        return offsets[max(0, min(utf8Offset, offsets.count - 1))]
    }

    /// Maps a range of UTF-8 offsets in ``text`` to the source bytes it came from, whole
    /// escapes and quote pairs included.
    public func sourceRange(ofTextRange range: Range<Int>, in file: SourceFile) -> SourceRange {
        let (starts, ends) = sourceMap(in: file)
        guard !starts.isEmpty else { return .at(contentStart) }
        let lower = max(0, min(range.lowerBound, starts.count))
        let upper = max(lower, min(range.upperBound, starts.count))
        let start = lower < starts.count ? starts[lower] : ends[ends.count - 1]
        guard upper > lower else { return .at(start) }
        return SourceRange(start: start, end: max(start, ends[upper - 1]))
    }

    /// Start and end source offsets of each text byte.
    private func sourceMap(in file: SourceFile) -> (starts: [Int], ends: [Int]) {
        let length = text.utf8.count
        let map = YAMLScalarTextMap(
            file: file, start: contentStart, length: length, style: style, blockIndentation: blockIndentation)
        if map.output.elementsEqual(text.utf8) { return (map.offsets, map.ends) }
        // The source does not rebuild this text (a case the re-reader does not know): fall back
        // to counting bytes from the content start, which is exact for one-line unescaped text.
        let starts = (0..<length).map { min(contentStart + $0, file.bytes.count) }
        return (starts, starts.map { min($0 + 1, file.bytes.count) })
    }
}

extension YAMLNode {
    /// For a scalar, the source byte offset of a UTF-8 offset in its text (see
    /// ``YAMLScalar/sourceOffset(ofTextOffset:in:)``); for a collection, where the node starts.
    public func sourceOffset(ofTextOffset utf8Offset: Int, in file: SourceFile) -> Int {
        scalar?.sourceOffset(ofTextOffset: utf8Offset, in: file) ?? range.start
    }
}
