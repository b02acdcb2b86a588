/// Where a file's multi-byte UTF-8 characters are, as runs of consecutive characters of one
/// width, recorded by the input check's single pass over the bytes.
///
/// libyaml's marks count characters; a byte offset is the character index plus the extra bytes
/// of the multi-byte characters before it. With the runs, ``MarkConverter`` finds that sum by
/// arithmetic instead of reading the source again between marks. Text in most files is ASCII
/// with a few accented or CJK words, so the table is small; a file whose table would grow past
/// ``maxRunsPerByte`` of its size (alternating ASCII and multi-byte characters throughout)
/// gives the table up, and the converter walks the bytes instead.
struct YAMLMultibyteRuns {
    /// `count` characters of `extraPerCharacter + 1` bytes each, the first at character index
    /// `start` (counted from the first character after any byte-order mark), with `extraBefore`
    /// extra bytes before it.
    struct Run {
        var start: UInt32
        var count: UInt32
        var extraPerCharacter: UInt32
        var extraBefore: UInt32
    }

    /// One run per this many bytes of input at most (beyond a few thousand, nothing for any file):
    /// the table (16 bytes a run) stays under half the file's size.
    static let maxRunsPerByte = 32

    private(set) var runs: [Run] = []
    /// The extra bytes (beyond one per character) of every multi-byte character recorded so far.
    private(set) var extraBytes = 0
    /// The table grew past its cap and was dropped.
    private(set) var gaveUp = false
    private let maxRuns: Int

    init(byteCount: Int) {
        maxRuns = byteCount / Self.maxRunsPerByte + 4096
    }

    /// Records a character of `width` bytes (2 to 4) starting at byte `offset` of the text after
    /// the byte-order mark; characters must be recorded in order.
    @inline(__always)
    mutating func record(width: Int, atByte offset: Int) {
        let character = UInt32(truncatingIfNeeded: offset - extraBytes)
        let extra = UInt32(truncatingIfNeeded: width - 1)
        extraBytes += width - 1
        guard !gaveUp else { return }
        if let last = runs.last, last.extraPerCharacter == extra, last.start &+ last.count == character {
            runs[runs.count - 1].count += 1
            return
        }
        guard runs.count < maxRuns else {
            gaveUp = true
            runs = []
            return
        }
        runs.append(Run(start: character, count: 1, extraPerCharacter: extra, extraBefore: UInt32(truncatingIfNeeded: extraBytes) - extra))
    }
}
