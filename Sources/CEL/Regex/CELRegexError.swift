/// An error in a regular expression pattern, or a pattern over the engine's limits.
public struct CELRegexError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, in words a policy author can act on.
    public let message: String
    /// The UTF-8 byte offset of the problem in the pattern, when it has one place.
    public let offset: Int?

    /// Creates an error with a message and an optional byte offset into the pattern.
    public init(message: String, offset: Int?) {
        self.message = message
        self.offset = offset
    }

    /// The message, with its offset when known.
    public var description: String {
        if let offset {
            return "\(message) (at byte \(offset) of the pattern)"
        }
        return message
    }
}
