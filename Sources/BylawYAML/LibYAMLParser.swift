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

    /// What libyaml reads when part of the buffer is left out: the buffer's bytes, through a
    /// read handler that jumps over `skipped`. A class, so that its address (the handler's data)
    /// stays fixed.
    private final class SkippingInput {
        let buffer: UnsafeBufferPointer<UInt8>
        let skipped: Range<Int>
        var position = 0

        init(buffer: UnsafeBufferPointer<UInt8>, skipped: Range<Int>) {
            self.buffer = buffer
            self.skipped = skipped
        }

        /// Copies up to `size` bytes to `target`; never across the skipped range's start, so that
        /// the jump happens exactly there.
        func read(into target: UnsafeMutablePointer<UInt8>, size: Int) -> Int {
            if position == skipped.lowerBound { position = skipped.upperBound }
            let limit = position < skipped.lowerBound ? skipped.lowerBound : buffer.count
            let count = min(size, limit - position)
            guard count > 0, let base = buffer.baseAddress else { return 0 }
            target.update(from: base + position, count: count)
            position += count
            return count
        }
    }

    private let input: SkippingInput?

    /// Parses `buffer`, which must stay valid for the parser's lifetime; libyaml never sees the
    /// bytes in `skipping`, when given (a range of whole lines read without it).
    init(buffer: UnsafeBufferPointer<UInt8>, skipping: Range<Int>? = nil) {
        parser = .allocate(capacity: 1)
        parser.initialize(to: yaml_parser_t())
        event = .allocate(capacity: 1)
        event.initialize(to: yaml_event_t())
        initialized = yaml_parser_initialize(parser) == 1
        input = skipping.map { SkippingInput(buffer: buffer, skipped: $0) }
        guard initialized else { return }
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        if let input {
            yaml_parser_set_input(
                parser,
                { data, target, size, read in
                    guard let data, let target, let read else { return 0 }
                    read.pointee = Unmanaged<SkippingInput>.fromOpaque(data).takeUnretainedValue().read(into: target, size: size)
                    return 1
                }, Unmanaged.passUnretained(input).toOpaque())
        } else {
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
