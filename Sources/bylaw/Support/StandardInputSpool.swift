import BylawSource
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Standard input copied once to an unlinked temporary file, for a command that reads a stream
/// twice: `bylaw plan --usage -` replays the same events under the current and the proposed
/// version, and a pipe can be read only once (the second pass saw no events, so every blocked
/// event read as "no longer blocked"). The file has no name once created and goes with the
/// process; it lives in `$TMPDIR` (default `/tmp`), so a large stream needs room there rather
/// than in memory.
enum StandardInputSpool {
    /// The descriptor of the copy, positioned at its start; `rewind` before each further read.
    static func spool() throws(Diagnostic) -> Int32 {
        let directory = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((directory + "/bylaw-stdin-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { mkstemp($0) } ?? -1
        }
        guard descriptor >= 0 else { throw failure("cannot create a temporary file in \(directory): \(String(cString: strerror(errno)))") }
        template.withUnsafeBufferPointer { buffer in _ = buffer.baseAddress.map { unlink($0) } }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(0, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw failure("cannot read standard input: \(String(cString: strerror(errno)))")
            }
            var written = 0
            while written < count {
                let result = chunk.withUnsafeBytes { write(descriptor, $0.baseAddress.map { $0 + written }, count - written) }
                if result < 0 {
                    if errno == EINTR { continue }
                    throw failure("cannot copy standard input to \(directory): \(String(cString: strerror(errno)))")
                }
                written += result
            }
        }
        rewind(descriptor)
        return descriptor
    }

    /// Moves back to the start of the copy.
    static func rewind(_ descriptor: Int32) {
        _ = lseek(descriptor, 0, SEEK_SET)
    }

    private static func failure(_ message: String) -> Diagnostic {
        Diagnostic(code: .inputUnreadable, message: message, path: "<stdin>", hint: "give the usage stream as a file instead of '-'")
    }
}
