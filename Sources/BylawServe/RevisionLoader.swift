import BylawReload
import BylawSource

/// Builds a revision from the files: the first load and every reload. The policies and the
/// workspace load as `bylaw consume` loads them (``PolicySources``); the token file (when there
/// is one) must read too before anything is served.
struct RevisionLoader: Sendable {
    let configuration: ServeConfiguration

    /// A loaded revision with the warnings its files gave (an expired exception, say).
    struct Loaded: Sendable {
        let snapshot: PolicySnapshot
        let warnings: [Diagnostic]
    }

    func load(trigger: String) -> Result<Loaded, ReloadFailure> {
        let loaded: LoadedRevision
        switch configuration.sources.load(trigger: trigger) {
        case .success(let revision): loaded = revision
        case .failure(let failure): return .failure(failure)
        }
        var tokens: AccessTokens?
        if let tokenFile = configuration.tokenFile {
            let read = AccessTokens.load(path: tokenFile)
            guard let found = read.tokens else {
                let errors = Diagnostic.sortedForDisplay(read.diagnostics.filter { $0.severity == .error })
                return .failure(ReloadFailure(
                    at: loaded.loadedAt, trigger: trigger, message: "the token file cannot be used",
                    diagnostics: Array(errors.prefix(configuration.maxDiagnostics))))
            }
            tokens = found
        } else {
            tokens = configuration.tokens
        }
        let snapshot = PolicySnapshot(
            revision: loaded.revision, loadedAt: loaded.loadedAt, today: loaded.today, policies: loaded.policies, workspace: loaded.workspace,
            workspacePath: configuration.workspace, policyFiles: loaded.policyFiles, tokens: tokens)
        snapshot.deciders.warm()
        return .success(Loaded(snapshot: snapshot, warnings: loaded.warnings))
    }
}
