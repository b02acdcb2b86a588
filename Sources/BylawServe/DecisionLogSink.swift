#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the decision log's bytes go: a file opened for appending, or standard output.
///
/// `@unchecked Sendable`: the descriptor changes only on the log's writer thread (``reopen()``
/// and ``write(_:)`` are called from nowhere else); the log holds the sink to hand it there.
final class DecisionLogSink: @unchecked Sendable {
    /// Why the log could not be opened at start-up.
    struct OpenError: Error {
        let message: String
    }

    private let path: String
    private var descriptor: Int32

    init(path: String) throws(OpenError) {
        self.path = path
        if path == "-" {
            descriptor = STDOUT_FILENO
        } else {
            descriptor = -1
            if let problem = openFile() { throw OpenError(message: problem) }
        }
    }

    deinit {
        if path != "-", descriptor >= 0 { close(descriptor) }
    }

    /// Opens the file again, so a rotated-away log is followed by a new one; the problem, if any.
    func reopen() -> String? {
        guard path != "-" else { return nil }
        let old = descriptor
        if let problem = openFile() { return problem }
        if old >= 0 { close(old) }
        return nil
    }

    /// Writes all of `bytes`; the problem, if any (`ENOSPC`, a closed pipe).
    func write(_ bytes: [UInt8]) -> String? {
        guard descriptor >= 0 else { return "cannot write '\(path)': it is not open" }
        return bytes.withUnsafeBytes { raw -> String? in
            guard var base = raw.baseAddress else { return nil }
            var remaining = raw.count
            while remaining > 0 {
                let count = Self.systemWrite(descriptor, base, remaining)
                if count < 0 {
                    if errno == EINTR { continue }
                    return "cannot write '\(path == "-" ? "<stdout>" : path)': \(String(cString: strerror(errno)))"
                }
                remaining -= count
                base += count
            }
            return nil
        }
    }

    private static func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, bytes, count)
        #else
        Darwin.write(descriptor, bytes, count)
        #endif
    }

    private func openFile() -> String? {
        let opened = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o640)
        guard opened >= 0 else { return "cannot open '\(path)': \(String(cString: strerror(errno)))" }
        descriptor = opened
        return nil
    }
}
