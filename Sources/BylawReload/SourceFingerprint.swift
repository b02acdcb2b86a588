#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawSource

/// What the watched files look like on disk: the policy files found under the policy paths,
/// the workspace config and any other file a reload reads (`bylaw serve`'s token file), each
/// with its inode, size and modification and change times. Two equal fingerprints mean nothing was written, added, removed or replaced
/// (an editor's save-by-rename and a swapped symlink, as Kubernetes mounts config maps, both
/// change the inode or the times).
public struct SourceFingerprint: Equatable, Sendable {
    private struct Stamp: Equatable, Sendable {
        let path: String
        let exists: Bool
        let inode: UInt64
        let size: Int64
        let modified: Int64
        let changed: Int64
    }

    private let stamps: [Stamp]

    /// Looks at the files now (a directory walk and one `stat` a file).
    public init(policies: [String], workspace: String, otherFiles: [String] = []) {
        var paths = SourceDiscovery.yamlFiles(policies).files
        // The folders themselves too: a new file changes its folder's times.
        paths += policies
        paths.append(workspace)
        paths += otherFiles
        stamps = paths.map(Self.stamp)
    }

    private static func stamp(_ path: String) -> Stamp {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return Stamp(path: path, exists: false, inode: 0, size: 0, modified: 0, changed: 0)
        }
        #if canImport(Darwin)
        let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
        return Stamp(path: path, exists: true, inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: modified, changed: changed)
    }
}
