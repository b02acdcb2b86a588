#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawSource

/// The folders the studio may touch, and the one door every path a page names goes through:
/// the policy folder (read and written) and the example folders (read only). A path comes from
/// the browser as text relative to one of them; it is refused when it is absolute, has an empty,
/// `.` or `..` part, a backslash or a control character, or when, symbolic links resolved, it
/// leads outside its folder. Paths are decoded once (from the query or the form) before they get
/// here, so `%2e%2e%2f` is `../` and refused like it; a `%` left after decoding is a plain
/// character of a file name.
struct StudioFolders: Sendable {
    /// A folder and what may be done in it.
    struct Root: Sendable {
        /// How pages name it: `policies` or `examples/N`.
        let key: String
        /// As given on the command line (shown to the user, used to build paths).
        let path: String
        let writable: Bool
    }

    let policies: Root
    let examples: [Root]

    init(policies: String, examples: [String]) {
        self.policies = Root(key: "policies", path: Self.trimmed(policies), writable: true)
        self.examples = examples.enumerated().map { Root(key: "examples/\($0.offset)", path: Self.trimmed($0.element), writable: false) }
    }

    /// Why a path was refused; the message is shown to the user.
    struct Refusal: Error, Sendable {
        let message: String
    }

    /// A path inside a root, checked: `full` is what to open.
    struct Resolved: Sendable, Equatable {
        /// Relative to the root, as pages name it.
        let relative: String
        /// The root's path joined with `relative`, as reports name the file.
        let full: String
    }

    /// `relative` inside the policy folder, for reading or (`forWriting`) writing. A file written
    /// need not exist yet, but its folder must, inside the policy folder.
    func policy(_ relative: String, forWriting: Bool = false) -> Result<Resolved, Refusal> {
        resolve(relative, in: policies, mustExist: !forWriting)
    }

    /// A file of an example folder (or the policy folder) named `ROOTKEY:RELATIVE`, for reading.
    func readable(_ qualified: String) -> Result<Resolved, Refusal> {
        guard let colon = qualified.firstIndex(of: ":") else { return .failure(Refusal(message: "'\(qualified)' names no folder")) }
        let key = String(qualified[..<colon])
        guard let root = ([policies] + examples).first(where: { $0.key == key }) else {
            return .failure(Refusal(message: "no folder '\(key)'"))
        }
        return resolve(String(qualified[qualified.index(after: colon)...]), in: root, mustExist: true)
    }

    private func resolve(_ relative: String, in root: Root, mustExist: Bool) -> Result<Resolved, Refusal> {
        if let problem = Self.problem(relative) { return .failure(Refusal(message: "the path '\(relative)' is refused: \(problem)")) }
        let full = root.path + "/" + relative
        guard let realRoot = ResolvedPath.of(root.path) else {
            return .failure(Refusal(message: "the folder '\(root.path)' does not exist"))
        }
        let outside = Refusal(message: "the path '\(relative)' leads outside '\(root.path)'")
        if let real = ResolvedPath.of(full) {
            guard ResolvedPath.isInside(real, realRoot), real != realRoot else { return .failure(outside) }
            var info = stat()
            guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
                return .failure(Refusal(message: "'\(relative)' is not a file"))
            }
            return .success(Resolved(relative: relative, full: full))
        }
        guard !mustExist else { return .failure(Refusal(message: "no file '\(relative)' in '\(root.path)'")) }
        // A new file: its folder must exist inside the root, and the name must not be a dangling
        // link (writing through one would create its target wherever it points).
        var info = stat()
        if lstat(full, &info) == 0 { return .failure(outside) }
        let folder = relative.lastIndex(of: "/").map { root.path + "/" + relative[..<$0] } ?? root.path
        guard let realFolder = ResolvedPath.of(folder), ResolvedPath.isInside(realFolder, realRoot) else { return .failure(outside) }
        return .success(Resolved(relative: relative, full: full))
    }

    /// What is wrong with a relative path as text, or nil.
    static func problem(_ relative: String) -> String? {
        if relative.isEmpty { return "it is empty" }
        if relative.hasPrefix("/") { return "it is absolute" }
        if relative.utf8.count > 1024 { return "it is too long" }
        if relative.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\\" }) {
            return "it holds a backslash or a control character"
        }
        for part in relative.split(separator: "/", omittingEmptySubsequences: false) {
            if part.isEmpty || part == "." || part == ".." { return "it has an empty, '.' or '..' part" }
            if part.hasPrefix(".") { return "it names a hidden file" }
        }
        return nil
    }

    /// The path relative to `root` of a file found below it (discovery gives `root/…`).
    static func relative(_ full: String, to root: String) -> String {
        let prefix = root + "/"
        return full.hasPrefix(prefix) ? String(full.dropFirst(prefix.count)) : full
    }

    private static func trimmed(_ path: String) -> String {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
