import BylawSource

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The process's environment as a dictionary (for `NO_COLOR` and `TERM`).
var processEnvironment: [String: String] {
    var result: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
        let text = String(cString: entry)
        if let equals = text.firstIndex(of: "=") {
            result[String(text[..<equals])] = String(text[text.index(after: equals)...])
        }
        pointer += 1
    }
    return result
}

/// Colour for stdout / stderr, decided once per run.
enum Terminal {
    static func style(for fileDescriptor: Int32) -> TextStyle {
        TextStyle.forStream(fileDescriptor: fileDescriptor, environment: processEnvironment)
    }

    /// Writes to stdout and flushes, so output interleaves in order with stderr.
    static func out(_ text: String) {
        fputs(text, stdout)
        fflush(stdout)
    }

    static func err(_ text: String) {
        fputs(text, stderr)
    }
}
