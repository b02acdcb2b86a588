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
