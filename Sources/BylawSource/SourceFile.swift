#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One input file held in memory: its display path and its exact bytes.
///
/// Every later stage refers to text by byte offsets into `bytes` (a ``SourceRange``);
/// lines and columns are computed here, and only when something is printed.
public final class SourceFile: Sendable, CustomStringConvertible {
    /// The path as the user gave it (or a pseudo-name such as `<stdin>` or `<expr>`).
    public let path: String
    /// The file's bytes, unchanged (byte-order mark and CRLF included).
    public let bytes: [UInt8]
    /// Byte offset at which each line starts; `lineStarts[0] == 0`.
    private let lineStarts: [Int]
    /// The line number of the first line: 1 for a whole file; a line of a usage stream is held
    /// alone with its own number, so its diagnostics print `stream.ndjson:4182:17`.
    public let firstLine: Int
    /// What ends a line in this file.
    public let lineBreaks: LineBreaks

    /// What ends a line.
    public enum LineBreaks: Sendable {
        /// `\n`, `\r\n` or a lone `\r`, as YAML defines line breaks.
        case yaml
        /// `\n` alone (a `\r` before it is part of the break): a usage stream's lines, where a
        /// lone `\r` is JSON whitespace inside a line.
        case newline
    }

    /// Wraps bytes already read; `path` is what diagnostics print.
    public init(path: String, bytes: [UInt8], firstLine: Int = 1, lineBreaks: LineBreaks = .yaml) {
        self.path = path
        self.bytes = bytes
        self.lineStarts = SourceFile.computeLineStarts(bytes, lineBreaks)
        self.firstLine = firstLine
        self.lineBreaks = lineBreaks
    }

    /// Wraps a string, encoded as UTF-8 (for expressions, tests and generated input).
    public convenience init(path: String, text: String) {
        self.init(path: path, bytes: Array(text.utf8))
    }

    public var description: String { path }

    /// Number of lines; a trailing newline does not start an extra printed line.
    public var lineCount: Int { lineStarts.count }

    /// A line ends at `\n`, at `\r\n`, or (for ``LineBreaks/yaml``) at a lone `\r`.
    private static func computeLineStarts(_ bytes: [UInt8], _ lineBreaks: LineBreaks) -> [Int] {
        bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return [0] }
            let count = buffer.count
            // Without a carriage return only line feeds end lines, and `memchr` finds them many
            // bytes at a time: a workspace of a million users has 60 MiB to look through.
            if lineBreaks == .newline || memchr(base, Int32(UInt8(ascii: "\r")), count) == nil {
                var starts = [0]
                var index = 0
                while index < count, let found = memchr(base + index, Int32(UInt8(ascii: "\n")), count - index) {
                    index = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) + 1
                    starts.append(index)
                }
                return starts
            }
            var starts = [0]
            var index = 0
            while index < count {
                let byte = buffer[index]
                if byte == UInt8(ascii: "\n") {
                    starts.append(index + 1)
                } else if byte == UInt8(ascii: "\r") {
                    if index + 1 < count, buffer[index + 1] == UInt8(ascii: "\n") { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
            return starts
        }
    }

    /// The 0-based line index containing `offset` (an offset at the end belongs to the last line).
    public func lineIndex(ofByte offset: Int) -> Int {
        let clamped = max(0, min(offset, bytes.count))
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= clamped { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Byte range of a 0-based line, without its line break.
    public func lineByteRange(_ lineIndex: Int) -> Range<Int> {
        let start = lineStarts[lineIndex]
        var end = lineIndex + 1 < lineStarts.count ? lineStarts[lineIndex + 1] : bytes.count
        switch lineBreaks {
        case .yaml:
            while end > start, bytes[end - 1] == UInt8(ascii: "\n") || bytes[end - 1] == UInt8(ascii: "\r") {
                end -= 1
            }
        case .newline:
            if end > start, bytes[end - 1] == UInt8(ascii: "\n") {
                end -= 1
                if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
            }
        }
        return start..<end
    }

    /// Text of a 0-based line without its break; invalid UTF-8 shows as U+FFFD.
    public func lineText(_ lineIndex: Int) -> String {
        String(decoding: bytes[lineByteRange(lineIndex)], as: UTF8.self)
    }

    /// The 1-based line and column of a byte offset.
    ///
    /// The column counts characters as a person does (extended grapheme clusters), so
    /// `é`, `日` and `👩‍👩‍👧` are one column each; a byte-order mark at the file start is not counted.
    public func location(ofByte offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(ofByte: clamped)
        var start = lineStarts[line]
        if line == 0, bytes.starts(with: [0xEF, 0xBB, 0xBF]), clamped >= 3 { start = 3 }
        let prefix = String(decoding: bytes[start..<max(start, clamped)], as: UTF8.self)
        let scalarColumn = prefix.unicodeScalars.count + 1
        return SourceLocation(line: line + firstLine, column: prefix.count + 1, scalarColumn: scalarColumn, offset: clamped)
    }

    /// The text of a range, decoded as UTF-8.
    public func text(of range: SourceRange) -> String {
        let lower = max(0, min(range.start, bytes.count))
        let upper = max(lower, min(range.end, bytes.count))
        return String(decoding: bytes[lower..<upper], as: UTF8.self)
    }
}

/// A printable position: 1-based line and column.
public struct SourceLocation: Hashable, Sendable, Comparable {
    /// 1-based line number.
    public let line: Int
    /// 1-based column in characters (grapheme clusters), as editors show it.
    public let column: Int
    /// 1-based column in Unicode scalars (SARIF's `unicodeCodePoints` column kind).
    public let scalarColumn: Int
    /// The byte offset this location was computed from.
    public let offset: Int

    public init(line: Int, column: Int, scalarColumn: Int? = nil, offset: Int = 0) {
        self.line = line
        self.column = column
        self.scalarColumn = scalarColumn ?? column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
