#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The file system steps of `bylaw init`: whether a file is there, and the folders it goes in.
enum ProjectFiles {
    /// Whether anything (a file, a folder, a link, even a dangling one) is at `path`.
    static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }

    /// Creates the folders above `path` that are missing, or says why not on stderr and exits 2.
    static func createParents(of path: String) throws {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        var folder = ""
        for (index, part) in parts.enumerated() {
            folder += index == 0 ? String(part) : "/" + part
            guard !folder.isEmpty, part != ".", part != ".." else { continue }
            if mkdir(folder, 0o755) != 0, errno != EEXIST {
                Terminal.err("bylaw: cannot create \(folder): \(String(cString: strerror(errno)))\n")
                throw BylawExit.invalidInput.exitCode
            }
        }
    }
}
