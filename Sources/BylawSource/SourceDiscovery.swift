#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds the YAML files a command was pointed at.
public enum SourceDiscovery {
    /// The YAML files named by `paths`: a file is taken as it is (whatever its extension); a
    /// directory contributes every `.yaml`/`.yml` file below it, recursively, skipping hidden
    /// entries. The result is sorted so runs are reproducible. A missing path is a diagnostic.
    public static func yamlFiles(_ paths: [String]) -> (files: [String], diagnostics: [Diagnostic]) {
        var files: [String] = []
        var diagnostics: [Diagnostic] = []
        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let reason = String(cString: strerror(errno))
                diagnostics.append(Diagnostic(code: .inputUnreadable, message: "cannot read '\(path)': \(reason)", path: path))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                var found: [String] = []
                let root = ResolvedPath.of(path) ?? path
                walk(directory: path, root: root, depth: 0, into: &found, diagnostics: &diagnostics)
                files.append(contentsOf: found.sorted())
            } else {
                files.append(path)
            }
        }
        return (files, diagnostics)
    }

    /// Symlinked directories are not followed (no cycles), and depth is capped. A symlinked
    /// file is read only when it resolves to a regular file inside `root` (the directory given):
    /// a policy folder from a pull request must not make CI print a file from elsewhere on the
    /// machine in a diagnostic.
    private static func walk(directory: String, root: String, depth: Int, into files: inout [String], diagnostics: inout [Diagnostic]) {
        guard depth < 64 else {
            diagnostics.append(Diagnostic(code: .inputTooDeep, severity: .warning, message: "'\(directory)' is nested too deep; not searched", path: directory))
            return
        }
        guard let dir = opendir(directory) else {
            let reason = String(cString: strerror(errno))
            diagnostics.append(Diagnostic(code: .inputUnreadable, message: "cannot read directory '\(directory)': \(reason)", path: directory))
            return
        }
        defer { closedir(dir) }
        let base = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name.hasPrefix(".") { continue }
            let path = base + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(directory: path, root: root, depth: depth + 1, into: &files, diagnostics: &diagnostics)
            case S_IFREG:
                if name.hasSuffix(".yaml") || name.hasSuffix(".yml") { files.append(path) }
            case S_IFLNK:
                guard name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
                var target = stat()
                if let resolved = ResolvedPath.of(path), ResolvedPath.isInside(resolved, root), stat(resolved, &target) == 0, (target.st_mode & S_IFMT) == S_IFREG {
                    files.append(path)
                } else {
                    diagnostics.append(Diagnostic(
                        code: .inputOutsideRoot, severity: .warning,
                        message: "'\(path)' is a symbolic link to something other than a file inside '\(root)'; not read", path: path,
                        hint: "copy the file into the folder, or name it on the command line"))
                }
            default:
                continue
            }
        }
    }
}
