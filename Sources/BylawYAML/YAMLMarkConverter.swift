internal import CLibYAML

/// Converts libyaml's marks (0-based counts of Unicode scalars, after any byte-order mark) to
/// byte offsets.
///
/// ASCII files need no conversion. Otherwise the input check's table of multi-byte runs
/// (``YAMLMultibyteRuns``) gives the extra bytes before a character by arithmetic; events
/// arrive nearly in source order, so most marks fall in the window of the run the last one fell
/// in, and the others move the window a run or two.
/// Without a table (it grew too large) the converter walks the bytes from the last position it
/// converted instead: linear over a whole file too, but reading the source a second time.
struct MarkConverter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool
    private let bomLength: Int
    private let runs: [YAMLMultibyteRuns.Run]
    /// The run whose characters the last mark was in or after (-1: before the first run), and
    /// the characters `window` for which its arithmetic holds: from its start to the next
    /// run's start. Most marks fall in the same window as the one before.
    private var run = -1
    private var window: ClosedRange<Int> = 0...0
    private var runStart = 0
    private var runCount = 0
    private var runExtraPerCharacter = 0
    private var runExtraBefore = 0
    private var scalarIndex = 0
    private var byteOffset: Int

    /// A converter for `bytes`, the whole file; `multibyte` is the input check's table, when
    /// it kept one.
    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, bomLength: Int, multibyte: YAMLMultibyteRuns? = nil) {
        self.bytes = bytes
        self.isASCII = isASCII
        self.bomLength = bomLength
        self.byteOffset = bomLength
        let table = multibyte.flatMap { $0.gaveUp ? nil : $0.runs } ?? []
        self.runs = table
        if let first = table.first { window = 0...Int(first.start) }
    }

    /// The byte offset of the scalar at `index`.
    @inline(__always)
    mutating func offset(of index: Int) -> Int {
        if isASCII { return min(index + bomLength, bytes.count) }
        guard !runs.isEmpty else { return walk(to: index) }
        if !window.contains(index) { moveWindow(to: index) }
        // The index plus the extra bytes of the multi-byte characters before it: those before
        // the run, and those of its characters before `index`.
        let inside = min(max(index - runStart, 0), runCount)
        return min(index + bomLength + runExtraBefore + inside * runExtraPerCharacter, bytes.count)
    }

    /// Moves to the last run starting at or before `index` (or before all of them).
    private mutating func moveWindow(to index: Int) {
        var current = run
        while current + 1 < runs.count, Int(runs[current + 1].start) <= index { current += 1 }
        while current >= 0, Int(runs[current].start) > index { current -= 1 }
        run = current
        let upper = current + 1 < runs.count ? Int(runs[current + 1].start) : Int.max
        guard current >= 0 else {
            (runStart, runCount, runExtraPerCharacter, runExtraBefore) = (0, 0, 0, 0)
            window = 0...upper
            return
        }
        let found = runs[current]
        (runStart, runCount) = (Int(found.start), Int(found.count))
        (runExtraPerCharacter, runExtraBefore) = (Int(found.extraPerCharacter), Int(found.extraBefore))
        window = runStart...upper
    }

    /// The byte offset of the character at `index`, walking from the last one converted.
    private mutating func walk(to index: Int) -> Int {
        let count = bytes.count
        if index > scalarIndex, let base = bytes.baseAddress {
            // Eight bytes at a time, counting the characters that start in them (every byte that
            // is not a continuation byte), while the word cannot overshoot `index`. Most text
            // between two marks is ASCII, and multi-byte text goes just as fast.
            let highs: UInt64 = 0x8080_8080_8080_8080
            while index - scalarIndex >= 8, byteOffset + 8 <= count {
                let word = UnsafeRawPointer(base + byteOffset).loadUnaligned(as: UInt64.self)
                let continuations = word & ~(word << 1) & highs
                byteOffset += 8
                scalarIndex += 8 - continuations.nonzeroBitCount
            }
            // The last word may end inside a character already counted: move to the next start.
            while byteOffset < count, bytes[byteOffset] & 0xC0 == 0x80 { byteOffset += 1 }
            // The few characters left: all ASCII in one check, usually.
            let left = index - scalarIndex
            if left > 0, left < 8, byteOffset + 8 <= count {
                let word = UnsafeRawPointer(base + byteOffset).loadUnaligned(as: UInt64.self)
                let mask = highs & ((1 << (8 * UInt64(left))) &- 1)
                if word & mask == 0 {
                    byteOffset += left
                    scalarIndex = index
                }
            }
        }
        while scalarIndex < index, byteOffset < count {
            byteOffset += 1
            while byteOffset < count, bytes[byteOffset] & 0xC0 == 0x80 { byteOffset += 1 }
            scalarIndex += 1
        }
        while scalarIndex > index, byteOffset > bomLength {
            byteOffset -= 1
            while byteOffset > bomLength, bytes[byteOffset] & 0xC0 == 0x80 { byteOffset -= 1 }
            scalarIndex -= 1
        }
        return byteOffset
    }

    /// The character index from which libyaml's marks fall after lines it did not read (see
    /// ``YAMLComposer/Splice``), and how many characters those lines hold.
    var skippedFrom = Int.max
    var skippedLength = 0

    @inline(__always)
    mutating func offset(of mark: yaml_mark_t) -> Int {
        let index = Int(mark.index)
        return offset(of: index >= skippedFrom ? index + skippedLength : index)
    }
}
