import BylawSource

/// Re-reads a scalar's source the way libyaml's scanner does (quotes, escapes, line folding,
/// block indentation and chomping) and records, for each byte of the resulting text, the
/// source byte it came from.
///
/// It runs only when asked (a CEL error inside a scalar), never while loading, and stops as
/// soon as it has produced as many bytes as the scalar's text.
struct YAMLScalarTextMap {
    private let bytes: [UInt8]
    private let limit: Int
    private var position: Int
    /// The rebuilt text, kept so callers can check it against libyaml's.
    private(set) var output: [UInt8] = []
    /// Source offset of each byte of `output`.
    private(set) var offsets: [Int] = []
    /// Source offset just past what produced each byte of `output` (a whole escape, both quotes
    /// of `''`, a whole CRLF), so a range of text maps to whole source characters.
    private(set) var ends: [Int] = []

    /// Rebuilds up to `length` bytes of text of a scalar whose content starts at `start`.
    init(file: SourceFile, start: Int, length: Int, style: YAMLScalarStyle, blockIndentation: Int?) {
        bytes = file.bytes
        limit = length
        position = min(max(0, start), bytes.count)
        output.reserveCapacity(length)
        offsets.reserveCapacity(length)
        ends.reserveCapacity(length)
        switch style {
        case .plain: flow(quote: nil)
        case .singleQuoted: flow(quote: UInt8(ascii: "'"))
        case .doubleQuoted: flow(quote: UInt8(ascii: "\""))
        case .literal, .folded: block(folded: style == .folded, indent: blockIndentation ?? 1)
        }
    }

    private var done: Bool { output.count >= limit || position >= bytes.count }

    private mutating func emit(_ byte: UInt8, at offset: Int, length: Int = 1) {
        guard output.count < limit else { return }
        output.append(byte)
        offsets.append(offset)
        ends.append(min(offset + length, bytes.count))
    }

    private mutating func emit(_ text: [UInt8], at offset: Int, length: Int) {
        for byte in text { emit(byte, at: offset, length: length) }
    }

    private func isBlank(_ index: Int) -> Bool {
        index < bytes.count && (bytes[index] == UInt8(ascii: " ") || bytes[index] == UInt8(ascii: "\t"))
    }

    /// The line break at `index`: its length in the source and the text libyaml makes of it
    /// (CRLF, CR, LF and NEL become `\n`; LS and PS stay themselves).
    private func lineBreak(at index: Int) -> (length: Int, text: [UInt8])? {
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\n"): return (1, [0x0A])
        case UInt8(ascii: "\r"):
            return (index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") ? 2 : 1, [0x0A])
        case 0xC2 where index + 1 < bytes.count && bytes[index + 1] == 0x85: return (2, [0x0A])
        case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9):
            return (3, Array(bytes[index..<index + 3]))
        default: return nil
        }
    }

    // MARK: Plain and quoted scalars

    /// Plain, single- and double-quoted scalars: content, then a run of blanks and breaks that
    /// is kept (blanks within a line), folded to one space (one break) or to the breaks after
    /// the first (several breaks).
    private mutating func flow(quote: UInt8?) {
        if quote != nil { /* position is already past the opening quote */ }
        var escapedBreak = false
        while !done {
            // Content up to blanks, a break or the closing quote.
            while !done, !isBlank(position), lineBreak(at: position) == nil {
                let byte = bytes[position]
                if let quote, byte == quote {
                    if quote == UInt8(ascii: "'"), position + 1 < bytes.count, bytes[position + 1] == quote {
                        emit(quote, at: position, length: 2)
                        position += 2
                        continue
                    }
                    return
                }
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    if let (length, _) = lineBreak(at: position + 1) {
                        position += 1 + length
                        escapedBreak = true
                        break
                    }
                    escape()
                    continue
                }
                emit(byte, at: position)
                position += 1
            }
            // Blanks and breaks.
            var blanks: [(UInt8, Int)] = []
            var leadingBreak: (offset: Int, text: [UInt8], length: Int)?
            var trailingBreaks: [(offset: Int, text: [UInt8], length: Int)] = []
            var sawBreak = escapedBreak
            escapedBreak = false
            while position < bytes.count {
                if isBlank(position) {
                    if !sawBreak { blanks.append((bytes[position], position)) }
                    position += 1
                } else if let (length, text) = lineBreak(at: position) {
                    if sawBreak {
                        trailingBreaks.append((position, text, length))
                    } else {
                        blanks.removeAll()
                        leadingBreak = (position, text, length)
                        sawBreak = true
                    }
                    position += length
                } else {
                    break
                }
            }
            if sawBreak {
                if let leadingBreak, leadingBreak.text == [0x0A] {
                    if trailingBreaks.isEmpty { emit(UInt8(ascii: " "), at: leadingBreak.offset, length: leadingBreak.length) }
                } else if let leadingBreak {
                    emit(leadingBreak.text, at: leadingBreak.offset, length: leadingBreak.length)
                }
                for item in trailingBreaks { emit(item.text, at: item.offset, length: item.length) }
            } else {
                for (byte, offset) in blanks { emit(byte, at: offset) }
            }
        }
    }

    /// One double-quoted escape at `position` (a backslash); all its bytes map to the backslash.
    private mutating func escape() {
        let start = position
        var escaped: [UInt8] = []
        defer { emit(escaped, at: start, length: position - start) }
        guard position + 1 < bytes.count else {
            position += 1
            return
        }
        let code = bytes[position + 1]
        position += 2
        var hexDigits = 0
        switch code {
        case UInt8(ascii: "0"): escaped = [0x00]
        case UInt8(ascii: "a"): escaped = [0x07]
        case UInt8(ascii: "b"): escaped = [0x08]
        case UInt8(ascii: "t"), 0x09: escaped = [0x09]
        case UInt8(ascii: "n"): escaped = [0x0A]
        case UInt8(ascii: "v"): escaped = [0x0B]
        case UInt8(ascii: "f"): escaped = [0x0C]
        case UInt8(ascii: "r"): escaped = [0x0D]
        case UInt8(ascii: "e"): escaped = [0x1B]
        case UInt8(ascii: "N"): escaped = [0xC2, 0x85]
        case UInt8(ascii: "_"): escaped = [0xC2, 0xA0]
        case UInt8(ascii: "L"): escaped = [0xE2, 0x80, 0xA8]
        case UInt8(ascii: "P"): escaped = [0xE2, 0x80, 0xA9]
        case UInt8(ascii: "x"): hexDigits = 2
        case UInt8(ascii: "u"): hexDigits = 4
        case UInt8(ascii: "U"): hexDigits = 8
        default: escaped = [code]  // `\"`, `\\`, `\/`, `\ ` and `\'` stand for themselves
        }
        guard hexDigits > 0 else { return }
        var value: UInt32 = 0
        for _ in 0..<hexDigits where position < bytes.count {
            value = value << 4 | UInt32(Self.hexValue(bytes[position]))
            position += 1
        }
        escaped = Array(String(Unicode.Scalar(value).map(Character.init) ?? "\u{FFFD}").utf8)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return 0
        }
    }

    // MARK: Block scalars

    /// Literal and folded scalars, after libyaml's `yaml_parser_scan_block_scalar`.
    private mutating func block(folded: Bool, indent: Int) {
        var trailingBreaks = breaks(indent: indent)
        var leadingBreak: (offset: Int, text: [UInt8], length: Int)?
        var leadingBlank = false
        while !done, indentationReached(indent), lineBreak(at: position) == nil {
            let trailingBlank = isBlank(position)
            if folded, let leading = leadingBreak, leading.text == [0x0A], !leadingBlank, !trailingBlank {
                if trailingBreaks.isEmpty { emit(UInt8(ascii: " "), at: leading.offset, length: leading.length) }
            } else if let leading = leadingBreak {
                emit(leading.text, at: leading.offset, length: leading.length)
            }
            for item in trailingBreaks { emit(item.text, at: item.offset, length: item.length) }
            leadingBlank = isBlank(position)
            while position < bytes.count, lineBreak(at: position) == nil {
                emit(bytes[position], at: position)
                position += 1
            }
            guard let (length, text) = lineBreak(at: position) else { return }
            leadingBreak = (position, text, length)
            position += length
            trailingBreaks = breaks(indent: indent)
        }
        // Chomping: as many of the final breaks as the text holds (stopping by length).
        if let leading = leadingBreak { emit(leading.text, at: leading.offset, length: leading.length) }
        for item in trailingBreaks { emit(item.text, at: item.offset, length: item.length) }
    }

    private var lineColumn = 0

    /// Whether the current line's indentation, already skipped, is exactly `indent`.
    private func indentationReached(_ indent: Int) -> Bool { lineColumn == indent && position < bytes.count }

    /// Skips indentation (up to `indent` spaces) and empty lines, returning those lines' breaks.
    private mutating func breaks(indent: Int) -> [(offset: Int, text: [UInt8], length: Int)] {
        var found: [(offset: Int, text: [UInt8], length: Int)] = []
        while true {
            lineColumn = 0
            while lineColumn < indent, position < bytes.count, bytes[position] == UInt8(ascii: " ") {
                position += 1
                lineColumn += 1
            }
            guard let (length, text) = lineBreak(at: position) else { return found }
            found.append((position, text, length))
            position += length
        }
    }
}
