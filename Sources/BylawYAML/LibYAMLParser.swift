internal import CLibYAML

/// Owns one libyaml parser and its current event, and frees both in `deinit`.
///
/// The parser and event live at fixed heap addresses: libyaml keeps a pointer from the parser
/// to itself (its read handler's data), so the struct must never move.
final class LibYAMLParser {
    let parser: UnsafeMutablePointer<yaml_parser_t>
    let event: UnsafeMutablePointer<yaml_event_t>
    private var hasEvent = false
    private let initialized: Bool

    /// Parses `buffer`, which must stay valid for the parser's lifetime.
    init(buffer: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        initialized = yaml_parser_initialize(parser) == 1
        if initialized {
            yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(parser, buffer.baseAddress, buffer.count)
        }
    }

    deinit {
        if hasEvent { yaml_event_delete(event) }
        if initialized { yaml_parser_delete(parser) }
        event.deallocate()
        parser.deallocate()
    }

    /// Replaces the current event with the next one; `false` on a libyaml error (see `parser`).
    func next() -> Bool {
        if hasEvent {
            yaml_event_delete(event)
            hasEvent = false
        }
        guard initialized, yaml_parser_parse(parser, event) == 1 else { return false }
        hasEvent = true
        return true
    }
}

/// Converts libyaml's marks (0-based counts of Unicode scalars, after any byte-order mark) to
/// byte offsets.
///
/// Events arrive nearly in source order, so the converter walks from the last position it
/// converted: linear over a whole file. ASCII files need no walk at all.
struct MarkConverter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let isASCII: Bool
    private let bomLength: Int
    private var scalarIndex = 0
    private var byteOffset: Int

    init(bytes: UnsafeBufferPointer<UInt8>, isASCII: Bool, bomLength: Int) {
        self.bytes = bytes
        self.isASCII = isASCII
        self.bomLength = bomLength
        self.byteOffset = bomLength
    }

    /// The byte offset of the scalar at `index`.
    mutating func offset(of index: Int) -> Int {
        if isASCII { return min(index + bomLength, bytes.count) }
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

    mutating func offset(of mark: yaml_mark_t) -> Int { offset(of: Int(mark.index)) }
}
