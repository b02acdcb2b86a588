import BylawSource

/// The block structure of a file's lines as their indentation shows it: for each line that
/// starts a key or a `-` item, the columns where they start. Lines inside block scalars
/// (`handbook: |`), inside flow collections and quoted scalars spanning lines, and lines
/// continuing a plain value are not structure and are skipped.
///
/// Only read to explain a syntax error (``YAMLIndentationSlip``); libyaml has the last word
/// on what the text means.
struct YAMLLineShapes {
    /// One structural line.
    struct Shape {
        let line: Int
        /// Its `-` items, then its key, left to right.
        let entries: [YAMLIndentationSlip.Entry]
        /// The offset of the `:` after the line's key, if it has one.
        let colon: Int?
        /// A plain value follows on the same line, so a deeper line after it continues that value.
        let hasInlineValue: Bool
        /// `key: |` or `key: >`: the deeper lines after it are text.
        let opensBlockScalar: Bool
        /// Where the value (after the key, or after the `- `) starts.
        let valueStart: Int
    }

    /// The structural lines before the one asked about, in order.
    private(set) var structural: [Shape] = []

    /// Reads lines `0..<lineIndex`.
    init(file: SourceFile, upTo lineIndex: Int) {
        var flowDepth = 0
        var quote: UInt8?
        var blockOwner: Int?
        var continued: Int?
        for line in 0..<min(lineIndex, file.lineCount) {
            let range = file.lineByteRange(line)
            let indent = Self.indentation(file.bytes, range)
            let isBlank = indent == range.upperBound - range.lowerBound
            if let owner = blockOwner {
                if isBlank || indent > owner { continue }
                blockOwner = nil
            }
            if flowDepth > 0 || quote != nil {
                Self.scan(file.bytes, from: range.lowerBound, to: range.upperBound, flowDepth: &flowDepth, quote: &quote)
                continue
            }
            guard let shape = Self.shape(of: line, in: file), let last = shape.entries.last else { continue }
            if let column = continued, indent > column { continue }
            structural.append(shape)
            continued = shape.hasInlineValue ? last.column : nil
            if shape.opensBlockScalar { blockOwner = last.column }
            Self.scan(file.bytes, from: shape.valueStart, to: range.upperBound, flowDepth: &flowDepth, quote: &quote)
        }
    }

    /// The entries that enclose the next line: walking back from the last structural line, each
    /// entry further left than every one after it.
    func enclosingLevels() -> [YAMLIndentationSlip.Entry] {
        var levels: [YAMLIndentationSlip.Entry] = []
        var limit = Int.max
        for shape in structural.reversed() {
            for entry in shape.entries.reversed() where entry.column < limit {
                levels.append(entry)
                limit = entry.column
            }
            if limit == 0 { break }
        }
        return levels
    }

    private static func indentation(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        var index = range.lowerBound
        while index < range.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
        return index - range.lowerBound
    }

    /// The shape of one line; nil for a blank line, a comment, or a line that starts neither a
    /// key nor an item.
    static func shape(of line: Int, in file: SourceFile) -> Shape? {
        let bytes = file.bytes
        let range = file.lineByteRange(line)
        var index = range.lowerBound + indentation(bytes, range)
        guard index < range.upperBound, bytes[index] != UInt8(ascii: "#") else { return nil }
        var entries: [YAMLIndentationSlip.Entry] = []
        var items = 0
        while index < range.upperBound, bytes[index] == UInt8(ascii: "-"),
              index + 1 == range.upperBound || bytes[index + 1] == UInt8(ascii: " ") {
            entries.append(.init(column: index - range.lowerBound, start: index, written: "-", isItem: true, line: line))
            items += 1
            index += 1
            while index < range.upperBound, bytes[index] == UInt8(ascii: " ") { index += 1 }
        }
        let colon = keyColon(bytes, from: index, to: range.upperBound)
        if let colon {
            let key = String(decoding: bytes[index..<colon], as: UTF8.self) + ":"
            entries.append(.init(column: index - range.lowerBound, start: index, written: key, isItem: false, line: line))
        }
        guard !entries.isEmpty else { return nil }
        if items > 0, let first = entries.first {
            let word = colon.map { String(decoding: bytes[index...$0], as: UTF8.self) } ?? firstWord(bytes, from: index, to: range.upperBound)
            entries[0] = .init(column: first.column, start: first.start, written: word.isEmpty ? "-" : "- " + word, isItem: true, line: line)
        }
        var valueStart = colon.map { $0 + 1 } ?? index
        while valueStart < range.upperBound, bytes[valueStart] == UInt8(ascii: " ") { valueStart += 1 }
        let first = valueStart < range.upperBound ? bytes[valueStart] : UInt8(ascii: "#")
        let opensBlock = first == UInt8(ascii: "|") || first == UInt8(ascii: ">")
        let plain = !opensBlock && ![UInt8(ascii: "#"), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: "\""), UInt8(ascii: "'")].contains(first)
        return Shape(line: line, entries: entries, colon: colon, hasInlineValue: plain, opensBlockScalar: opensBlock, valueStart: valueStart)
    }

    /// The `:` ending a key that starts at `start` (`key: value`, `key:`), or nil. Only keys
    /// written as names count (letters, digits, `_`, `-`, `.`, `/`): text such as
    /// `event.x == "a: b"` on a continuation line is a value with a colon in it, not a key.
    private static func keyColon(_ bytes: [UInt8], from start: Int, to end: Int) -> Int? {
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte == UInt8(ascii: ":") {
                return index > start && (index + 1 == end || bytes[index + 1] == UInt8(ascii: " ")) ? index : nil
            }
            let isNameByte = (0x61...0x7A).contains(byte) || (0x41...0x5A).contains(byte) || (0x30...0x39).contains(byte)
                || "_-./".utf8.contains(byte)
            guard isNameByte else { return nil }
            index += 1
        }
        return nil
    }

    private static func firstWord(_ bytes: [UInt8], from start: Int, to end: Int) -> String {
        var index = start
        while index < end, index - start < 24, bytes[index] != UInt8(ascii: " ") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    /// Follows quotes and flow brackets through a value, so the lines of a flow collection or a
    /// quoted scalar that spans lines are not read as structure.
    private static func scan(_ bytes: [UInt8], from start: Int, to end: Int, flowDepth: inout Int, quote: inout UInt8?) {
        var index = start
        var tokenStart = flowDepth > 0 || quote == nil
        while index < end {
            let byte = bytes[index]
            if let open = quote {
                if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == open {
                    if open == UInt8(ascii: "'"), index + 1 < end, bytes[index + 1] == open { index += 2; continue }
                    quote = nil
                }
                index += 1
                continue
            }
            if byte == UInt8(ascii: "#"), index == start || bytes[index - 1] == UInt8(ascii: " ") { return }
            if tokenStart, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if tokenStart, byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                flowDepth += 1
            } else if flowDepth > 0, byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                flowDepth -= 1
            }
            // In a block value only its first character can open a quote or a collection; in a
            // flow collection every item can.
            tokenStart = flowDepth > 0 && " ,[{:".utf8.contains(byte)
            index += 1
        }
    }
}
