#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--output FILE`: a whole document written to a file rather than to stdout.
enum OutputFile {
    /// Writes `text` to `path`, created or replaced, or says why not on stderr and exits 2. The
    /// file is written whole before the command ends, so a failure is never silent.
    static func write(_ text: String, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure(path, errno) }
        var text = text
        let writeError = text.withUTF8 { Terminal.write(bytes: $0, to: descriptor) }
        let closeError = close(descriptor) == 0 ? 0 : errno
        if writeError != 0 { throw failure(path, writeError) }
        if closeError != 0 { throw failure(path, closeError) }
    }

    private static func failure(_ path: String, _ error: Int32) -> Error {
        Terminal.err("bylaw: cannot write \(path): \(String(cString: strerror(error)))\n")
        return BylawExit.invalidInput.exitCode
    }
}
