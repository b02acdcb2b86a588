/// One line of a usage stream, lent to a ``UsageStreamReader/forEachLine(_:)`` callback.
///
/// `bytes` points into the reader's buffer and is valid only during the callback: copy what
/// must outlive it. The line terminator (`\n`, or `\r\n`) is not part of `bytes`.
public struct StreamLine {
    /// 1-based line number: every line counts, blank or malformed.
    public let number: Int
    /// Byte offset of the line's first byte in the stream.
    public let offset: Int
    /// The line's bytes without terminator; for a too-long line, its first
    /// ``UsageStreamReader/maxLineLength`` bytes or more (never the whole line).
    public let bytes: UnsafeBufferPointer<UInt8>
    /// Whether the line is longer than the reader's limit; the rest of it was skipped unread.
    public let isTooLong: Bool
    /// The reader's limit, for messages about too-long lines.
    public let maxLineLength: Int

    public init(number: Int, offset: Int, bytes: UnsafeBufferPointer<UInt8>, isTooLong: Bool = false, maxLineLength: Int = UsageStreamReader.defaultMaxLineLength) {
        self.number = number
        self.offset = offset
        self.bytes = bytes
        self.isTooLong = isTooLong
        self.maxLineLength = maxLineLength
    }

    /// The line decoded as UTF-8 (invalid bytes read as U+FFFD): for tests and messages.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}
