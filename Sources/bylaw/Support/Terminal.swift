import BylawSource
import Synchronization

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

    /// Writes to stdout through a 64 KiB buffer: a stream of a million findings must not cost a
    /// system call each. The buffer is flushed when full, before anything is written to stderr
    /// (so the two interleave in order), on each progress tick and at exit.
    static func out(_ text: String) {
        StandardOutput.shared.append(text)
    }

    /// ``out(_:)`` for bytes already encoded (NDJSON finding lines).
    static func out(bytes: UnsafeBufferPointer<UInt8>) {
        StandardOutput.shared.append(bytes: bytes)
    }

    static func err(_ text: String) {
        StandardOutput.shared.flush()
        write(all: text, to: 2)
    }

    /// Writes what stdout holds now.
    static func flush() { StandardOutput.shared.flush() }

    /// Writes every byte, retrying on short writes and EINTR. A closed pipe (EPIPE) ends the
    /// run quietly, as `bylaw eval … | head` expects.
    static func write(all text: String, to fileDescriptor: Int32) {
        var text = text
        text.withUTF8 { write(bytes: $0, to: fileDescriptor) }
    }

    static func write(bytes buffer: UnsafeBufferPointer<UInt8>, to fileDescriptor: Int32) {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fileDescriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                // The reader is gone: end quietly, without flushing (we may be inside a flush).
                if errno == EPIPE { Glibc.exit(0) }
                return
            }
            offset += written
        }
    }
}

extension Terminal {
    static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }
}

/// The stdout buffer. The CLI is single-threaded; the mutex only keeps strict concurrency honest.
final class StandardOutput: Sendable {
    static let shared = StandardOutput()
    static let capacity = 64 << 10
    private let buffer = Mutex<[UInt8]>([])

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    func append(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.withLock { buffered in
            buffered.append(contentsOf: bytes)
            if buffered.count >= Self.capacity { Self.writeOut(&buffered) }
        }
    }

    func flush() { buffer.withLock { Self.writeOut(&$0) } }

    private static func writeOut(_ bytes: inout [UInt8]) {
        guard !bytes.isEmpty else { return }
        bytes.withUnsafeBufferPointer { Terminal.write(bytes: $0, to: 1) }
        bytes.removeAll(keepingCapacity: true)
    }
}
