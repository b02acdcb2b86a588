import BylawSource

/// The checks made on raw bytes: size, encoding, UTF-8 validity and characters YAML forbids.
/// libyaml would report most of these too, but by character index and with terse messages;
/// here each gets its own code and the exact byte.
///
/// Before libyaml runs, only what the composer needs is checked: size, encoding, and every
/// multi-byte sequence (which gives the table of multi-byte runs on the way). ASCII control
/// characters are left to libyaml's reader, which refuses exactly the same ones (all but tab,
/// line feed and carriage return below 0x20, and 0x7F) as it reads the whole stream: a file
/// that parses has none. When the parse fails or stops, ``firstProblem(in:)`` scans everything
/// again, in file order, and its problem, if any, is the file's one diagnostic, as if it had
/// been found first. This way a valid file's ASCII text is read with one test per eight bytes.
struct YAMLInputCheck {
    /// Length of a leading UTF-8 byte-order mark (0 or 3).
    var bomLength = 0
    /// Whether every byte is ASCII, so libyaml's character indexes are byte offsets.
    var isASCII = true
    /// Where the multi-byte characters are, for converting libyaml's marks without a walk.
    var multibyte: YAMLMultibyteRuns

    /// The state before scanning `bytes`; the runs table is sized for them only when kept.
    private init(_ bytes: [UInt8], keepingRuns: Bool) {
        bomLength = Self.bomLength(of: bytes)
        multibyte = YAMLMultibyteRuns(byteCount: keepingRuns ? bytes.count : 0)
    }

    /// The length of a leading UTF-8 byte-order mark: 3, or 0 when there is none.
    static func bomLength(of bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// Checks `file`; returns the facts the composer needs, or the first problem found.
    static func run(_ file: SourceFile, limits: YAMLLimits) -> Result<YAMLInputCheck, Diagnostic> {
        let bytes = file.bytes
        // Nodes store offsets in 32 bits, whatever the configured limit: into the file, and into
        // the buffer of unescaped texts, which escapes like `\L` (two bytes making three) can
        // make half as large again as the file. 2 GiB keeps both under 4 GiB.
        let maxBytes = min(limits.maxBytes, Int(UInt32.max / 2))
        if bytes.count > maxBytes {
            return .failure(.error(
                .yamlTooLarge,
                "file is \(bytes.count) bytes, more than the limit of \(maxBytes) bytes",
                in: file, at: .at(0), hint: "split it into several files"))
        }
        if let encoding = wideEncoding(bytes) {
            return .failure(.error(
                .yamlUnsupportedEncoding, "file is encoded as \(encoding); Bylaw reads UTF-8 only",
                in: file, at: .at(0), hint: "convert it, e.g. with `iconv -f \(encoding) -t UTF-8`"))
        }
        var check = YAMLInputCheck(bytes, keepingRuns: true)
        let problem: Diagnostic? = bytes.withUnsafeBufferPointer { buffer in
            check.scan(buffer, file: file, checkingControls: false)
        }
        if let problem { return .failure(firstProblem(in: file) ?? problem) }
        return .success(check)
    }

    /// The first encoding problem of `file` in file order, control characters included.
    static func firstProblem(in file: SourceFile) -> Diagnostic? {
        var check = YAMLInputCheck(file.bytes, keepingRuns: false)
        return file.bytes.withUnsafeBufferPointer { buffer in
            check.scan(buffer, file: file, checkingControls: true)
        }
    }

    /// UTF-16 and UTF-32 show themselves by a byte-order mark or by NULs among the first bytes.
    private static func wideEncoding(_ bytes: [UInt8]) -> String? {
        if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return "UTF-32BE" }
        if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return "UTF-32LE" }
        if bytes.starts(with: [0xFE, 0xFF]) { return "UTF-16BE" }
        if bytes.starts(with: [0xFF, 0xFE]) { return "UTF-16LE" }
        guard bytes.count >= 2 else { return nil }
        if bytes.count >= 4, bytes[0] == 0, bytes[1] == 0, bytes[2] == 0, bytes[3] != 0 { return "UTF-32BE" }
        if bytes.count >= 4, bytes[0] != 0, bytes[1] == 0, bytes[2] == 0, bytes[3] == 0 { return "UTF-32LE" }
        if bytes[0] == 0, bytes[1] != 0 { return "UTF-16BE" }
        if bytes[0] != 0, bytes[1] == 0 { return "UTF-16LE" }
        return nil
    }

    /// One pass: ASCII bytes are checked for control characters; longer sequences are decoded
    /// and validated (no overlong forms, surrogates or values past U+10FFFF).
    @inline(__always)
    private mutating func scan(_ buffer: UnsafeBufferPointer<UInt8>, file: SourceFile, checkingControls: Bool) -> Diagnostic? {
        let count = buffer.count
        var index = bomLength
        while index < count {
            if index + 8 <= count, let base = buffer.baseAddress {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if checkingControls ? Self.isPrintableASCII(word) : word & 0x8080_8080_8080_8080 == 0 {
                    index += 8
                    continue
                }
            }
            let byte = buffer[index]
            if byte < 0x80 {
                if !checkingControls || byte >= 0x20 && byte != 0x7F { index += 1; continue }
                if byte == 0x0A || byte == 0x0D || byte == 0x09 { index += 1; continue }
                return Self.controlCharacter(UInt32(byte), at: index, length: 1, file: file)
            }
            isASCII = false
            let length: Int
            var value: UInt32
            switch byte {
            case 0xC2...0xDF: length = 2; value = UInt32(byte & 0x1F)
            case 0xE0...0xEF: length = 3; value = UInt32(byte & 0x0F)
            case 0xF0...0xF4: length = 4; value = UInt32(byte & 0x07)
            default: return Self.invalidUTF8(at: index, file: file)
            }
            guard index + length <= count else { return Self.invalidUTF8(at: index, file: file) }
            for next in 1..<length {
                let continuation = buffer[index + next]
                guard continuation & 0xC0 == 0x80 else { return Self.invalidUTF8(at: index, file: file) }
                value = value << 6 | UInt32(continuation & 0x3F)
            }
            let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
            if value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                return Self.invalidUTF8(at: index, file: file)
            }
            if (0x80...0x9F).contains(value) && value != 0x85 || value == 0xFFFE || value == 0xFFFF || value == 0xFEFF {
                return Self.controlCharacter(value, at: index, length: length, file: file)
            }
            multibyte.record(width: length, atByte: index - bomLength)
            index += length
        }
        return nil
    }

    /// Whether all eight bytes of `word` are in 0x20...0x7E or line feeds, the common case,
    /// needing no check one by one. Exact per byte: once no byte has its high bit, setting it
    /// makes every byte at least 0x80, so the subtractions below never borrow across bytes.
    private static func isPrintableASCII(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        guard word & highs == 0 else { return false }
        let below20 = ~((word | highs) &- ones &* 0x20) & highs
        let lineFeed = word ^ (ones &* 0x0A)
        let isLineFeed = ~((lineFeed | highs) &- ones) & highs
        let del = word ^ (ones &* 0x7F)
        let isDel = ~((del | highs) &- ones) & highs
        return (below20 & ~isLineFeed) | isDel == 0
    }

    private static func invalidUTF8(at offset: Int, file: SourceFile) -> Diagnostic {
        let hex = String(file.bytes[offset], radix: 16, uppercase: true)
        return .error(
            .yamlInvalidUTF8, "invalid UTF-8: byte 0x\(hex.count == 1 ? "0" + hex : hex) cannot appear here",
            in: file, at: SourceRange(start: offset, end: offset + 1),
            hint: "YAML files must be UTF-8; re-save the file as UTF-8")
    }

    private static func controlCharacter(_ value: UInt32, at offset: Int, length: Int, file: SourceFile) -> Diagnostic {
        var hex = String(value, radix: 16, uppercase: true)
        while hex.count < 4 { hex = "0" + hex }
        let what = value == 0 ? "a NUL character (U+0000)" : value == 0xFEFF ? "a byte-order mark (U+FEFF) after the start" : "the control character U+\(hex)"
        return .error(
            .yamlControlCharacter, "\(what) is not allowed in YAML",
            in: file, at: SourceRange(start: offset, end: offset + length),
            hint: value == 0 ? "is this a binary file, or UTF-16?" : "write it as an escape in a double-quoted string (\"\\u\(hex)\")")
    }
}
