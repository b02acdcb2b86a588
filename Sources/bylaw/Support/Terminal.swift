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

    /// Writes to stderr, after what stdout holds (so the two interleave in order). A failure to
    /// write to stderr is ignored: there is nowhere left to report it.
    static func err(_ text: String) {
        StandardOutput.shared.flush()
        var text = text
        text.withUTF8 { _ = write(bytes: $0, to: 2) }
    }

    /// Writes what stdout holds now.
    static func flush() { StandardOutput.shared.flush() }

    /// Whether stdout still takes output: false once its reader went away (a closed pipe) or a
    /// write failed. A long run (a stream) checks it to stop early.
    static var outputIsOpen: Bool { StandardOutput.shared.state == .open }

    /// Writes every byte, retrying on short writes and EINTR. Returns 0, or the `errno` of the
    /// write that failed.
    static func write(bytes buffer: UnsafeBufferPointer<UInt8>, to fileDescriptor: Int32) -> Int32 {
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(fileDescriptor, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // write(2) returns 0 only when it cannot make progress; retrying would spin forever.
            if written == 0 { return EIO }
            offset += written
        }
        return 0
    }
}

extension Terminal {
    static func isTerminal(_ fileDescriptor: Int32) -> Bool { isatty(fileDescriptor) == 1 }
}

/// What became of stdout.
enum OutputState: Equatable, Sendable {
    /// Everything written so far was written.
    case open
    /// The reader went away (EPIPE: `bylaw eval … | head`): the rest of the output is dropped
    /// quietly and the exit code stays the command's.
    case closed
    /// A write failed otherwise (`ENOSPC`, `EIO`, …), with this `errno`: the rest of the output
    /// is dropped, and the run ends with a message on stderr and exit code 2.
    case failed(Int32)
}

/// The stdout buffer, and the one path every byte of stdout takes: it records the first write
/// error so that the run can stop and end with the right exit code (see ``terminate(_:)``).
/// The CLI is single-threaded; the mutex only keeps strict concurrency honest.
final class StandardOutput: Sendable {
    static let shared = StandardOutput()
    static let capacity = 64 << 10
    private let buffer = Mutex<(bytes: [UInt8], state: OutputState)>(([], .open))

    var state: OutputState { buffer.withLock { $0.state } }

    func append(_ text: String) {
        var text = text
        text.withUTF8 { append(bytes: $0) }
    }

    func append(bytes: UnsafeBufferPointer<UInt8>) {
        buffer.withLock { buffered in
            guard buffered.state == .open else { return }
            buffered.bytes.append(contentsOf: bytes)
            if buffered.bytes.count >= Self.capacity { Self.writeOut(&buffered) }
        }
    }

    func flush() { buffer.withLock { Self.writeOut(&$0) } }

    private static func writeOut(_ buffered: inout (bytes: [UInt8], state: OutputState)) {
        guard !buffered.bytes.isEmpty else { return }
        if buffered.state == .open {
            let error = buffered.bytes.withUnsafeBufferPointer { Terminal.write(bytes: $0, to: 1) }
            if error == EPIPE {
                buffered.state = .closed
            } else if error != 0 {
                buffered.state = .failed(error)
            }
        }
        buffered.bytes.removeAll(keepingCapacity: true)
    }
}
