/// An error from parsing or computing with CEL timestamps and durations.
///
/// The message is meant for users (it says what was wrong and, for range errors, contains
/// the word "range" as the CEL conformance suite expects).
public struct CELTimeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A human-readable description of the problem.
    public let message: String

    /// Creates an error with the given message.
    public init(message: String) {
        self.message = message
    }

    /// The message, so the error prints well in diagnostics and test failures.
    public var description: String { message }

    static func timestampRange() -> CELTimeError {
        CELTimeError(message: "timestamp out of range: valid timestamps are 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z")
    }

    static func durationRange() -> CELTimeError {
        CELTimeError(message: "duration out of range: valid durations are about ±292 years (±9223372036.854775807s)")
    }
}
