/// A run of whole lines cut from a usage stream, to be read on its own (by another thread)
/// with ``UsageStreamReader/init(block:name:maxLineLength:chunkSize:)``: the lines it holds are
/// numbered, placed and cut exactly as reading the whole stream gives them.
///
/// A block ends after a newline, except the stream's last one (which may end without one) and a
/// block cut inside a line longer than the block (whose next block then `startsInsideLine`).
public struct StreamBlock: Sendable {
    /// The block's bytes.
    public let bytes: [UInt8]
    /// The number of the first line that starts in the block (1 for the first block).
    public let firstLine: Int
    /// The stream offset of the block's first byte.
    public let offset: Int
    /// Whether the block begins inside a line that began in an earlier block (a too-long line,
    /// already reported there): its bytes up to the first newline are skipped.
    public let startsInsideLine: Bool
    /// How many lines start in the block.
    public let lineCount: Int

    /// A block; the reader's ``UsageStreamReader/forEachBlock(size:_:)`` makes them.
    public init(bytes: [UInt8], firstLine: Int, offset: Int, startsInsideLine: Bool, lineCount: Int) {
        self.bytes = bytes
        self.firstLine = firstLine
        self.offset = offset
        self.startsInsideLine = startsInsideLine
        self.lineCount = lineCount
    }
}
