import BylawSource

extension EventLineParser {
    /// Scans a string's body from just after its opening quote to just after its closing
    /// quote, validating escapes and UTF-8. Returns whether the string holds escapes.
    ///
    /// The plain case (ASCII, no escape) stays inline; anything else goes to
    /// ``scanStringBodySlowly()``.
    @inline(__always)
    mutating func scanStringBody() throws(ScanFailure) -> Bool {
        skipPlainStringBytes()
        if index < count, base[index] == UInt8(ascii: "\"") {
            index += 1
            return false
        }
        return try scanStringBodySlowly()
    }

    @inline(never)
    private mutating func scanStringBodySlowly() throws(ScanFailure) -> Bool {
        var escaped = false
        while true {
            skipPlainStringBytes()
            guard index < count else {
                throw ScanFailure(.invalidJSON, at: index, "unterminated string: the line ends before its closing '\"'")
            }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                index += 1
                return escaped
            }
            if byte == UInt8(ascii: "\\") {
                try validateEscape()
                escaped = true
            } else if byte < 0x20 {
                throw ScanFailure(.invalidJSON, at: index, "control character U+\(hex(UInt32(byte), width: 4)) must be escaped in a string")
            } else {
                try validateUTF8Sequence()
            }
        }
    }

    /// Eight bytes of the line from `at`, little-endian (`at + 8 <= count`).
    @inline(__always)
    func loadWord(at offset: Int) -> UInt64 {
        UnsafeRawPointer(base + offset).loadUnaligned(as: UInt64.self)
    }

    /// The high bit of each byte of `word` that needs attention in a string: `"`, `\`, a control
    /// character, or non-ASCII. The lowest flagged byte is exact (borrows only flag bytes above
    /// a true hit), so `trailingZeroBitCount >> 3` is the first such byte.
    @inline(__always)
    func stringSpecials(_ word: UInt64) -> UInt64 {
        // `word` itself flags the bytes whose high bit is set: non-ASCII.
        WordBytes.flags(WordBytes.equal(to: 0x22, in: word) | WordBytes.equal(to: 0x5C, in: word) | WordBytes.below(0x20, in: word) | word)
    }

    /// A mask of the low `count` bytes of a word (`count` in 0...7).
    @inline(__always)
    func lowBytes(_ count: Int) -> UInt64 {
        count == 0 ? 0 : ~UInt64(0) >> (64 - 8 * count)
    }

    /// Advances over bytes that need no attention in a string, eight at a time where it can.
    @inline(__always)
    private mutating func skipPlainStringBytes() {
        #if _endian(little)
        while index + 8 <= count {
            let hits = stringSpecials(loadWord(at: index))
            if hits != 0 {
                index += hits.trailingZeroBitCount >> 3
                return
            }
            index += 8
        }
        #endif
        while index < count {
            let byte = base[index]
            if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 || byte >= 0x80 { return }
            index += 1
        }
    }

    /// Validates one escape at `index` (on its backslash) and advances past it.
    private mutating func validateEscape() throws(ScanFailure) {
        let start = index
        guard index + 1 < count else { throw ScanFailure(.invalidJSON, at: start, "unterminated escape at the end of the line") }
        switch base[index + 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
            UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index += 2
        case UInt8(ascii: "u"):
            let unit = try hexEscape(at: start)
            index += 6
            if unit >= 0xD800, unit <= 0xDBFF {
                guard index + 1 < count, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u") else {
                    throw ScanFailure(.invalidJSON, at: start, "\\u\(hex(unit, width: 4)) is a high surrogate without the low surrogate that must follow it")
                }
                let low = try hexEscape(at: index)
                guard low >= 0xDC00, low <= 0xDFFF else {
                    throw ScanFailure(.invalidJSON, at: index, "\\u\(hex(low, width: 4)) does not complete the surrogate pair started by \\u\(hex(unit, width: 4))")
                }
                index += 6
            } else if unit >= 0xDC00, unit <= 0xDFFF {
                throw ScanFailure(.invalidJSON, at: start, "\\u\(hex(unit, width: 4)) is a low surrogate without a high surrogate before it")
            }
        default:
            // `describeByte` quotes a printable character ('q'); the escape reads '\q' then.
            let shown = describeByte(at: index + 1)
            let escape = shown.hasPrefix("'") ? "'\\" + shown.dropFirst() : "a backslash followed by \(shown)"
            throw ScanFailure(.invalidJSON, at: start, "invalid escape \(escape) (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)")
        }
    }

    /// The code unit of the `\uXXXX` escape starting at `at`.
    private func hexEscape(at start: Int) throws(ScanFailure) -> UInt32 {
        guard start + 6 <= count else {
            throw ScanFailure(.invalidJSON, at: start, "\\u must be followed by four hexadecimal digits")
        }
        var value: UInt32 = 0
        for offset in 2..<6 {
            guard let digit = hexValue(base[start + offset]) else {
                throw ScanFailure(.invalidJSON, at: start, "\\u must be followed by four hexadecimal digits")
            }
            value = value << 4 | digit
        }
        return value
    }

    private func hexValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case 0x30...0x39: return UInt32(byte - 0x30)
        case 0x41...0x46: return UInt32(byte - 0x41 + 10)
        case 0x61...0x66: return UInt32(byte - 0x61 + 10)
        default: return nil
        }
    }

    /// Validates the multi-byte UTF-8 sequence at `index` and advances past it.
    mutating func validateUTF8Sequence() throws(ScanFailure) {
        let length = utf8SequenceLength(at: index)
        guard length > 0 else {
            throw ScanFailure(.invalidUTF8, at: index, "invalid UTF-8 byte 0x\(hex(UInt32(base[index]), width: 2))")
        }
        index += length
    }

    /// Length of the valid UTF-8 sequence starting at `at`, 0 when it is not valid (overlong
    /// forms, surrogates and code points past U+10FFFF are not).
    func utf8SequenceLength(at start: Int) -> Int { UTF8Sequences.length(at: start, of: base, count: count) }

    /// Appends the decoded UTF-8 of a string body already validated by ``scanStringBody()``.
    func decodeEscapes(_ body: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) {
        var position = 0
        let end = body.count
        while position < end {
            let byte = body[position]
            guard byte == UInt8(ascii: "\\"), position + 1 < end else {
                out.append(byte)
                position += 1
                continue
            }
            let kind = body[position + 1]
            position += 2
            switch kind {
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = decodeHex(body, position)
                position += 4
                if scalar >= 0xD800, scalar <= 0xDBFF, position + 6 <= end {
                    let low = decodeHex(body, position + 2)
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    position += 6
                }
                appendUTF8(scalar, to: &out)
            default: out.append(kind)
            }
        }
    }

    private func decodeHex(_ body: UnsafeBufferPointer<UInt8>, _ at: Int) -> UInt32 {
        var value: UInt32 = 0
        for offset in 0..<4 { value = value << 4 | (hexValue(body[at + offset]) ?? 0) }
        return value
    }

    private func appendUTF8(_ scalar: UInt32, to out: inout [UInt8]) {
        switch scalar {
        case 0..<0x80:
            out.append(UInt8(scalar))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | scalar >> 6))
            out.append(UInt8(0x80 | scalar & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | scalar >> 12))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        default:
            out.append(UInt8(0xF0 | scalar >> 18))
            out.append(UInt8(0x80 | scalar >> 12 & 0x3F))
            out.append(UInt8(0x80 | scalar >> 6 & 0x3F))
            out.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}

/// Upper-case hexadecimal with leading zeros.
func hex(_ value: UInt32, width: Int) -> String {
    let digits = String(value, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
