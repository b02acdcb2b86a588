import BylawPolicy
import BylawSource

/// The policy folder as the studio sees it at one moment: every file read and decoded, the set
/// compiled when it compiles, every diagnostic. Made afresh for each request (a folder of
/// policies compiles in milliseconds), so a page always shows what is on disk, or, for the
/// editor, what is on disk with the text being edited in place of its file.
struct WorkingSet {
    /// The policy files read, in discovery order.
    let files: [SourceFile]
    /// The documents that decoded, in file order.
    let documents: [PolicyDocument]
    /// The compiled set; nil when anything is an error.
    let set: PolicySet?
    /// Every diagnostic of every file, the compiler's own, unchanged.
    let diagnostics: [Diagnostic]
    /// The folder does not exist (or is not a folder).
    let folderMissing: Bool

    /// Reads and compiles the policy folder, with `replacing.text` standing for the file at
    /// `replacing.full` (which need not exist yet).
    static func load(_ configuration: StudioConfiguration, replacing: (full: String, text: String)? = nil) -> WorkingSet {
        let root = StudioFolders(policies: configuration.policies, examples: []).policies.path
        var result = PolicySetLoader.Result()
        let (paths, discovery) = SourceDiscovery.yamlFiles([root])
        let missing = discovery.contains { $0.code == .inputUnreadable && $0.path == root }
        result.diagnostics.append(contentsOf: discovery.filter { !($0.code == .inputUnreadable && $0.path == root) })
        var seenReplacement = false
        for path in paths {
            if let replacing, path == replacing.full {
                seenReplacement = true
                PolicySetLoader.load(file: SourceFile(path: path, text: replacing.text), into: &result)
                result.files.append(SourceFile(path: path, text: replacing.text))
                continue
            }
            do {
                let file = try SourceFile.read(path: path, maxBytes: 16 << 20)
                result.files.append(file)
                PolicySetLoader.load(file: file, into: &result)
            } catch {
                result.diagnostics.append(error)
            }
        }
        if let replacing, !seenReplacement {
            let file = SourceFile(path: replacing.full, text: replacing.text)
            result.files.append(file)
            PolicySetLoader.load(file: file, into: &result)
        }
        guard let today = configuration.today else {
            let clock = Diagnostic(code: .inputUnreadable, message: "today's date cannot be read from the clock", path: root)
            return WorkingSet(files: result.files, documents: result.documents, set: nil, diagnostics: result.diagnostics + [clock], folderMissing: missing)
        }
        let (set, compileDiagnostics) = PolicyCompiler(today: today, budgetOverride: configuration.budgetOverride).compile(result.documents)
        let all = result.diagnostics + compileDiagnostics
        let failed = missing || result.files.isEmpty || all.contains { $0.severity == .error }
        return WorkingSet(files: result.files, documents: result.documents, set: failed ? nil : set, diagnostics: all, folderMissing: missing)
    }

    /// The diagnostics of one file, in display order.
    func diagnostics(of path: String) -> [Diagnostic] {
        Diagnostic.sortedForDisplay(diagnostics.filter { $0.path == path })
    }

    /// The errors that keep the set from compiling, in display order.
    var errors: [Diagnostic] {
        Diagnostic.sortedForDisplay(diagnostics.filter { $0.severity == .error })
    }
}
