import BylawModel
import BylawPolicy
import BylawSource

/// The warnings for literals in policies that name no id of the workspaces a run has (see
/// ``KnownValueCheck``): `bylaw check --workspace`, `bylaw lint` (its workspace rules) and
/// `bylaw test` (each policy's rules, against the workspaces of its tests).
public enum WorkspaceIDCheck {
    /// The warnings for the rules `include` selects, against `ids`, sorted by place.
    public static func diagnostics(_ policies: PolicySet, against ids: KnownIDs, include: (CompiledRule) -> Bool = { _ in true }) -> [Diagnostic] {
        guard !ids.isEmpty else { return [] }
        let found = policies.policies.flatMap { policy in
            KnownValueCheck.diagnostics(policy, rules: policy.rules.filter(include), against: .workspace(ids))
        }
        return Diagnostic.sortedForDisplay(found)
    }

    /// Loads the workspace configs `paths` for `bylaw check --workspace`: the ids they declare,
    /// with the diagnostics of loading them (a config with errors adds none).
    public static func load(_ paths: [String]) -> (ids: KnownIDs, diagnostics: [Diagnostic]) {
        var ids = KnownIDs(origin: paths.count == 1 ? paths[0] : "the \(paths.count) workspaces given")
        var diagnostics: [Diagnostic] = []
        for path in paths {
            let loaded = WorkspaceLoader.load(path: path)
            diagnostics += loaded.diagnostics
            if let workspace = loaded.workspace { ids.insert(workspace) }
        }
        return (ids, diagnostics)
    }
}
