#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawSource

/// The files of the example folders a page can offer to pick: workspace configs, events, usage
/// streams, and folders of policies (a proposed set). Found by a bounded walk (a few levels, a
/// few hundred entries, no hidden entries, no symbolic links), so a huge folder given by mistake
/// costs little.
struct ExampleFiles {
    /// A file or folder, as pages name it (`examples/0:workspaces/acme.yaml`) and show it.
    struct Entry: Equatable {
        let qualified: String
        let shown: String
    }

    private(set) var configs: [Entry] = []
    private(set) var events: [Entry] = []
    private(set) var streams: [Entry] = []
    private(set) var policySets: [Entry] = []

    static let maxEntries = 500
    static let maxDepth = 4

    init(_ folders: StudioFolders) {
        var budget = Self.maxEntries
        for root in folders.examples {
            walk(root, relative: "", depth: 0, budget: &budget)
        }
    }

    private mutating func walk(_ root: StudioFolders.Root, relative: String, depth: Int, budget: inout Int) {
        guard depth < Self.maxDepth, budget > 0 else { return }
        let directory = relative.isEmpty ? root.path : root.path + "/" + relative
        guard let handle = opendir(directory) else { return }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if !name.hasPrefix(".") { names.append(name) }
        }
        var holdsPolicies = false
        for name in names.sorted() {
            guard budget > 0 else { return }
            budget -= 1
            let path = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(root.path + "/" + path, &info) == 0 else { continue }
            let entry = Entry(qualified: "\(root.key):\(path)", shown: "\(root.path)/\(path)")
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                walk(root, relative: path, depth: depth + 1, budget: &budget)
            case S_IFREG:
                if name.hasSuffix(".ndjson") {
                    streams.append(entry)
                } else if name.hasSuffix(".json") {
                    events.append(entry)
                } else if name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
                    switch Self.kind(of: root.path + "/" + path) {
                    case .policy: holdsPolicies = true
                    case .event: events.append(entry)
                    case .config: configs.append(entry)
                    }
                }
            default:
                continue
            }
        }
        if holdsPolicies, !relative.isEmpty {
            policySets.append(Entry(qualified: "\(root.key):\(relative)", shown: "\(root.path)/\(relative)/"))
        }
    }

    private enum Kind { case policy, event, config }

    /// What a YAML file holds, from the first key of its first lines.
    private static func kind(of path: String) -> Kind {
        guard let file = try? SourceFile.read(path: path, maxBytes: 1 << 20) else { return .config }
        for index in 0..<min(file.lineCount, 40) {
            let line = file.lineText(index)
            if line.hasPrefix("policy:") { return .policy }
            if line.hasPrefix("workspace:") { return .config }
            if line.hasPrefix("kind:") || line.hasPrefix("user:") { return .event }
        }
        return .config
    }

    /// `<option>`s for a `<select>`, `selected` marked.
    static func options(_ entries: [Entry], selected: String?) -> String {
        entries.map { entry in
            "<option value=\"\(h(entry.qualified))\"\(entry.qualified == selected ? " selected" : "")>\(h(entry.shown))</option>"
        }.joined()
    }
}
