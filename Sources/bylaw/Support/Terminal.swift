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

    /// Writes to stdout through a 64 KiB buffer: a stream of a million findings must not cost a
    /// system call each. The buffer is flushed when full, before anything is written to stderr
    /// (so the two interleave in order), on each progress tick and at exit.
    static func out(_ text: String) {
        StandardOutput.shared.append(text)
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
        text.withUTF8 { buffer in
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
}

extension Terminal {
    static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }
}

/// The stdout buffer. The CLI is single-threaded; the lock only keeps strict concurrency honest.
final class StandardOutput: @unchecked Sendable {
    static let shared = StandardOutput()
    private var buffer: [UInt8] = []
    private let lock = NSLockLike()
    static let capacity = 64 << 10

    func append(_ text: String) {
        lock.withLock {
            buffer.append(contentsOf: text.utf8)
            if buffer.count >= Self.capacity { writeOut() }
        }
    }

    func flush() { lock.withLock { writeOut() } }

    private func writeOut() {
        guard !buffer.isEmpty else { return }
        let text = String(decoding: buffer, as: UTF8.self)
        buffer.removeAll(keepingCapacity: true)
        Terminal.write(all: text, to: 1)
    }
}

/// A minimal mutex over pthreads (Foundation is not imported by the CLI).
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return try body()
    }
}
