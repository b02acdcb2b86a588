import BylawSource
import BylawYAML
import CEL

/// Reads policy files from disk and decodes every policy document in them.
///
/// A file may hold several policies separated by `---`. Every file is read and every problem of
/// every file is reported; a broken file never hides the others.
public enum PolicySetLoader {
    /// What reading a set of policy paths produced.
    public struct Result: Sendable {
        /// The files that were read, in order.
        public var files: [SourceFile] = []
        /// Every document that decoded well enough to compile.
        public var documents: [PolicyDocument] = []
        public var diagnostics: [Diagnostic] = []

        public init() {}
    }

    /// Loads the YAML files named by `paths` (files, or directories searched for `.yaml`/`.yml`).
    public static func load(paths: [String], limits: YAMLLimits = .default) -> Result {
        var result = Result()
        let (files, discoveryDiagnostics) = SourceDiscovery.yamlFiles(paths)
        result.diagnostics.append(contentsOf: discoveryDiagnostics)
        // Warnings (a skipped symlink) do not stand in for policies: a run that found none fails.
        if files.isEmpty, !discoveryDiagnostics.contains(where: { $0.severity == .error }) {
            result.diagnostics.append(Diagnostic(
                code: .policyNoPolicies, message: "no policy files (.yaml, .yml) found in \(paths.joined(separator: ", "))",
                path: paths.first, hint: "policies default to Policies/ in the current directory; pass a file or directory"))
        }
        for path in files {
            do {
                let file = try SourceFile.read(path: path)
                result.files.append(file)
                load(file: file, limits: limits, into: &result)
            } catch {
                result.diagnostics.append(error)
            }
        }
        return result
    }

    /// Loads one file already in memory (used by tests and by `bylaw expr`).
    public static func load(file: SourceFile, limits: YAMLLimits = .default, into result: inout Result) {
        let loaded = YAMLLoader.load(file, limits: limits)
        result.diagnostics.append(contentsOf: loaded.diagnostics)
        for node in loaded.documents {
            let (document, diagnostics) = PolicyDecoder.decode(node, file: file)
            result.diagnostics.append(contentsOf: diagnostics)
            if let document { result.documents.append(document) }
        }
    }
}

extension PolicySetLoader {
    /// Loads and compiles in one step: what `bylaw check` and every evaluating command do first.
    /// `budgetOverride` replaces the evaluation budget's default and each policy's `budget:`.
    public static func compile(
        paths: [String], today: CalendarDate, budgetOverride: [CELBudgetDimension: Int] = [:]
    ) -> (set: PolicySet?, files: [SourceFile], diagnostics: [Diagnostic]) {
        let loaded = load(paths: paths)
        let (set, diagnostics) = PolicyCompiler(today: today, budgetOverride: budgetOverride).compile(loaded.documents)
        let all = loaded.diagnostics + diagnostics
        let failed = all.contains { $0.severity == .error }
        return (failed ? nil : set, loaded.files, all)
    }
}
