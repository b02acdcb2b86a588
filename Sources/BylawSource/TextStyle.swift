#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decorates printed text. Printers call it for each highlighted part; the plain style
/// returns the text unchanged, so colour never leaks into files, pipes or tests.
public struct TextStyle: Sendable {
    /// Whether ANSI colour codes are emitted.
    public let colored: Bool

    public init(colored: Bool) { self.colored = colored }

    public static let plain = TextStyle(colored: false)
    public static let ansi = TextStyle(colored: true)

    /// Colour only when the stream is a terminal and `NO_COLOR` is unset or empty
    /// (https://no-color.org), and never when `TERM=dumb`.
    public static func forStream(fileDescriptor: Int32, environment: [String: String]) -> TextStyle {
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .plain }
        if environment["TERM"] == "dumb" { return .plain }
        return TextStyle(colored: isatty(fileDescriptor) == 1)
    }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func red(_ text: String) -> String { wrap(text, "1;31") }
    public func yellow(_ text: String) -> String { wrap(text, "1;33") }
    public func cyan(_ text: String) -> String { wrap(text, "1;36") }
    public func green(_ text: String) -> String { wrap(text, "1;32") }
    public func dim(_ text: String) -> String { wrap(text, "2") }

    /// The colour used for a severity's label.
    public func severity(_ severity: Severity, _ text: String) -> String {
        switch severity {
        case .error: return red(text)
        case .warning: return yellow(text)
        case .note: return cyan(text)
        }
    }

    private func wrap(_ text: String, _ code: String) -> String {
        colored ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
