#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawReload
import BylawServe

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
import BylawSource

/// Reads and writes policy files for the editor. A file's version is the digest of its bytes
/// (``Revision``): the editor sends back the version it opened, and a save is refused when the
/// file on disk has another. Writing goes to a temporary file in the same folder, then renamed
/// over the file, so a reader (`bylaw serve` watching the folder, CI) never sees half a file,
/// and a symbolic link standing where the file goes is replaced, not followed.
enum PolicyFileStore {
    /// The version of a file that does not exist yet.
    static let absent = "new"

    /// The digest of some bytes, as versions are named.
    static func digest(_ bytes: [UInt8]) -> String {
        var revision = Revision()
        revision.add(bytes)
        return revision.text
    }

    /// The file's text and version, or nil when it does not exist.
    static func read(_ path: String, maxBytes: Int) throws(Diagnostic) -> (text: String, version: String)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        let file = try SourceFile.read(path: path, maxBytes: maxBytes)
        return (String(decoding: file.bytes, as: UTF8.self), digest(file.bytes))
    }

    /// Writes `text` to `path` whole, creating the folder of the policy set (`root`) when it is
    /// missing (one level: the folder the studio was started on). The error says what failed.
    static func write(_ text: String, to path: String, root: String) -> String? {
        var info = stat()
        if stat(root, &info) != 0, mkdir(root, 0o755) != 0 {
            return "cannot create the folder '\(root)': \(String(cString: strerror(errno)))"
        }
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(folder)/.\(name).studio-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { buffer in buffer.baseAddress.map { mkstemp($0) } ?? -1 }
        guard descriptor >= 0 else { return "cannot write in '\(folder)': \(String(cString: strerror(errno)))" }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var mode: mode_t = 0o644
        if lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { mode = info.st_mode & 0o777 }
        fchmod(descriptor, mode)
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { systemWrite(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                let reason = String(cString: strerror(errno))
                close(descriptor)
                unlink(temporary)
                return "cannot write '\(path)': \(reason)"
            }
            written += count
        }
        let synced = fsync(descriptor) == 0
        close(descriptor)
        guard synced, rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            return "cannot write '\(path)': \(reason)"
        }
        return nil
    }
}
