import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML

/// Builds a revision from the files: the first load and every reload. Everything is read and
/// compiled before anything is served: a revision exists only when the policies compile, the
/// workspace loads and the token file (when there is one) reads.
struct RevisionLoader: Sendable {
    let configuration: ServeConfiguration

    /// A loaded revision with the warnings its files gave (an expired exception, say).
    struct Loaded: Sendable {
        let snapshot: PolicySnapshot
        let warnings: [Diagnostic]
    }

    func load(trigger: String) -> Result<Loaded, ReloadFailure> {
        let now = WallTime.now
        func failure(_ message: String, _ diagnostics: [Diagnostic]) -> Result<Loaded, ReloadFailure> {
            let errors = Diagnostic.sortedForDisplay(diagnostics.filter { $0.severity == .error })
            return .failure(ReloadFailure(at: now, trigger: trigger, message: message, diagnostics: Array(errors.prefix(configuration.maxDiagnostics))))
        }
        guard let today = configuration.fixedToday ?? now.date else {
            return failure("the system clock gives no valid date", [])
        }
        let compiled = ServeRuns.compile(paths: configuration.policyPaths, today: today, budgetOverride: configuration.budgetOverride)
        var warnings = compiled.diagnostics.filter { $0.severity != .error }
        guard let policies = compiled.set else {
            return failure("the policies do not compile", compiled.diagnostics)
        }
        let workspaceFile: SourceFile
        do {
            workspaceFile = try SourceFile.read(path: configuration.workspace, maxBytes: YAMLLimits.default.maxBytes)
        } catch {
            return failure("the workspace config cannot be read", [error])
        }
        let loaded = ServeRuns.loadWorkspace(workspaceFile)
        warnings += loaded.diagnostics.filter { $0.severity != .error }
        guard let workspace = loaded.workspace else {
            return failure("the workspace config does not load", loaded.diagnostics)
        }
        var tokens: AccessTokens?
        if let tokenFile = configuration.tokenFile {
            let read = AccessTokens.load(path: tokenFile)
            guard let found = read.tokens else { return failure("the token file cannot be used", read.diagnostics) }
            tokens = found
        } else {
            tokens = configuration.tokens
        }
        var revision = Revision()
        for file in compiled.files {
            revision.add(file.path)
            revision.add(file.bytes)
        }
        revision.add(workspaceFile.bytes)
        revision.add(today.description)
        for (dimension, limit) in configuration.budgetOverride.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            revision.add("\(dimension.rawValue)=\(limit)")
        }
        let snapshot = PolicySnapshot(
            revision: revision.text, loadedAt: now, today: today, policies: policies, workspace: workspace,
            workspacePath: configuration.workspace, policyFiles: compiled.files.map(\.path), tokens: tokens)
        snapshot.deciders.warm()
        return .success(Loaded(snapshot: snapshot, warnings: warnings))
    }
}
