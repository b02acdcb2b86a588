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

    /// Writes to stdout unbuffered, so output interleaves in order with stderr.
    static func out(_ text: String) { write(all: text, to: 1) }

    static func err(_ text: String) { write(all: text, to: 2) }

    /// Writes every byte, retrying on short writes and EINTR. A closed pipe (EPIPE) ends the
    /// run quietly, as `bylaw eval … | head` expects.
    static func write(all text: String, to fileDescriptor: Int32) {
        var text = text
        text.withUTF8 { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fileDescriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    if errno == EPIPE { terminate(0) }
                    return
                }
                offset += written
            }
        }
    }
}

extension Terminal {
    static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }
}
