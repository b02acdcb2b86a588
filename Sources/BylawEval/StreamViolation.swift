import BylawPolicy
import BylawSource

/// A violation found on a stream event, lent to a sink for the length of one call: its message,
/// hint and event id are UTF-8 bytes in the decider's buffers, so a sink that writes bytes
/// (NDJSON) prints it without a ``Finding`` and without a `String`. ``finding`` makes the
/// finding a sink that keeps findings needs; its texts are the same.
///
/// Not to be kept past the call that receives it: the decider reuses its buffers for the next.
public struct StreamViolation {
    /// The rule that fired.
    public let rule: RuleDescriptor
    /// The rule's place among the decider's rules (the same rule has the same number for the
    /// whole run): what a sink keeps a rule's encoded pieces under.
    public let ruleNumber: Int
    /// The stream's path.
    public let inputPath: String
    /// The event's 1-based line number in the stream.
    public let line: Int
    let message: StreamText
    let hint: StreamText?
    /// The event's id (valid UTF-8), nil when the event has none.
    let id: [UInt8]?

    /// The enforcement in force: the rule's.
    public var enforcement: Enforcement { rule.enforcement }

    // The three accessors are neither generic nor throwing: a sink in another module would
    // call a generic one unspecialised, with a run-time conformance lookup per call.

    /// Calls `body` with the message's UTF-8 (valid), without making a `String`.
    public func withMessageUTF8(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        message.withUTF8(body)
    }

    /// Calls `body` with the hint's UTF-8 (valid), nil when the rule has no hint.
    public func withHintUTF8(_ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        guard let hint else { return body(nil) }
        hint.withUTF8 { body($0) }
    }

    /// Calls `body` with the event id's UTF-8 (valid), nil when the event has no id.
    public func withIDUTF8(_ body: (UnsafeBufferPointer<UInt8>?) -> Void) {
        guard let id else { return body(nil) }
        id.withUnsafeBufferPointer { body($0) }
    }

    /// The finding the violation stands for: what the decider hands a sink that takes findings.
    public var finding: Finding {
        Finding(
            rule: rule, message: message.string, hint: hint?.string, inputPath: inputPath, location: nil,
            event: EventReference(line: line, id: id.map { String(decoding: $0, as: UTF8.self) }))
    }
}

/// A finding's text as the stream has it: a `String` (a cached rendering, kept as is) or valid
/// UTF-8 bytes (rendered for this event).
enum StreamText {
    case string(String)
    case bytes([UInt8])

    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        switch self {
        case .string(var text): return try text.withUTF8(body)
        case .bytes(let bytes): return try bytes.withUnsafeBufferPointer(body)
        }
    }

    var string: String {
        switch self {
        case .string(let text): return text
        case .bytes(let bytes): return String(decoding: bytes, as: UTF8.self)
        }
    }
}

/// What the decider hands on for a rule that fired or failed on an event.
public enum StreamFinding {
    /// A finding (always for evaluation errors, for explained findings and when the caller
    /// does not take violations).
    case finding(Finding)
    /// A violation lent for the call (see ``StreamViolation``).
    case violation(StreamViolation)

    /// The finding, made from the violation when it is one.
    public var finding: Finding {
        switch self {
        case .finding(let finding): return finding
        case .violation(let violation): return violation.finding
        }
    }
}

/// A sink that prints a stream's violations from the decider's bytes (``StreamViolation``),
/// without a ``Finding`` for each.
public protocol StreamViolationSink: FindingSink {
    /// A rule fired on a stream event; the same as `emit(violation.finding)` would print.
    func emit(_ violation: StreamViolation)
}

/// Writes lent violations as the bytes a sink prints for them. Each thread deciding blocks of
/// a file gets its own (``StreamViolationEncodingSink/encoderFactory``), so a violation's line
/// is written on the thread that found it and the sink only copies finished lines, in order.
public protocol StreamViolationEncoder {
    /// Appends the bytes the sink would print for `violation` (whole lines) to `bytes`.
    mutating func encode(_ violation: StreamViolation, into bytes: inout [UInt8])
}

/// A violation sink whose lines other threads can write: several threads then hand over
/// bytes instead of a ``Finding`` per violation.
public protocol StreamViolationEncodingSink: StreamViolationSink {
    /// Makes an encoder, on the thread that will use it; what it writes must be exactly what
    /// ``StreamViolationSink/emit(_:)`` prints for the same violations.
    var encoderFactory: @Sendable () -> any StreamViolationEncoder { get }
    /// Prints lines an encoder wrote (one violation's).
    func emitEncoded(_ bytes: UnsafeBufferPointer<UInt8>)
}
