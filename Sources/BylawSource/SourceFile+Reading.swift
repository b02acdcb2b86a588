#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension SourceFile {
    /// The largest file read whole (policies, workspace configs): 256 MiB, room for a
    /// workspace of a few million users. Usage streams are read in chunks and never loaded whole.
    public static let defaultMaxBytes = 256 << 20

    /// Reads a whole file, refusing one larger than `maxBytes` before reading it.
    ///
    /// Errors are diagnostics naming the path: `input.unreadable` (missing, a directory, no
    /// permission) and `input.too-large`.
    public static func read(path: String, maxBytes: Int = defaultMaxBytes) throws(Diagnostic) -> SourceFile {
        guard let handle = fopen(path, "rb") else {
            let reason = String(cString: strerror(errno))
            throw Diagnostic(code: .inputUnreadable, message: "cannot read '\(path)': \(reason)", path: path)
        }
        defer { fclose(handle) }
        var info = stat()
        if fstat(fileno(handle), &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR {
                throw Diagnostic(code: .inputUnreadable, message: "cannot read '\(path)': it is a directory", path: path)
            }
            if Int(info.st_size) > maxBytes {
                throw tooLarge(path: path, maxBytes: maxBytes)
            }
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, handle) }
            if count > 0 { bytes.append(contentsOf: chunk[0..<count]) }
            if bytes.count > maxBytes { throw tooLarge(path: path, maxBytes: maxBytes) }
            if count < chunk.count {
                if ferror(handle) != 0 {
                    throw Diagnostic(code: .inputUnreadable, message: "cannot read '\(path)': read error", path: path)
                }
                break
            }
        }
        return SourceFile(path: path, bytes: bytes)
    }

    /// `256 MiB`, `64 KiB` or `1000 bytes`: a limit as it was most likely given.
    private static func describeSize(_ bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }

    private static func tooLarge(path: String, maxBytes: Int) -> Diagnostic {
        Diagnostic(
            code: .inputTooLarge,
            message: "'\(path)' is larger than the \(describeSize(maxBytes)) limit for a whole-file input",
            path: path,
            hint: "split it into several files")
    }
}
