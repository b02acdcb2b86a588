#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Paths with symbolic links resolved, for keeping what a policy folder makes Bylaw read inside
/// that folder (discovered policy files, a test's workspace path).
public enum ResolvedPath {
    /// `realpath(3)`: absolute, with `.`, `..` and symbolic links resolved; nil when the path
    /// does not exist.
    public static func of(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether the resolved `path` is the resolved `root` or lies below it.
    public static func isInside(_ path: String, _ root: String) -> Bool {
        path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }
}
