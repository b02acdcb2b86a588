import BylawModel
import BylawPolicy
import BylawSource
import BylawYAML
import CEL

/// Where a long-running door (`bylaw serve`, `bylaw consume`) loads its revisions from: the
/// policy paths and the workspace config, with the settings a compile takes. Both doors load,
/// watch and reload through it, so a policy set behaves the same behind either.
public struct PolicySources: Sendable {
    /// Policy files or directories (compiled together into one set); empty means `Policies/`.
    public var policies: [String]
    /// The workspace config the events are decided against.
    public var workspace: String
    /// `--budget` settings, replacing each policy's evaluation budget.
    public var budgetOverride: [CELBudgetDimension: Int] = [:]
    /// A fixed date for exception expiry (`BYLAW_TODAY`); nil means today in UTC, looked up at
    /// every load, so an exception stops applying the day after it expires.
    public var fixedToday: CalendarDate?
    /// The most diagnostics a failure carries.
    public var maxDiagnostics = 100

    public init(policies: [String], workspace: String) {
        self.policies = policies
        self.workspace = workspace
    }

    /// The paths a load reads.
    public var policyPaths: [String] { policies.isEmpty ? ["Policies"] : policies }

    /// The files as they are now, for ``ReloadWatch``; `otherFiles` are watched beside them.
    public func fingerprint(otherFiles: [String] = []) -> SourceFingerprint {
        SourceFingerprint(policies: policyPaths, workspace: workspace, otherFiles: otherFiles)
    }

    /// Reads and compiles everything, or says why it cannot: a revision exists only when the
    /// policies compile and the workspace loads.
    public func load(trigger: String) -> Result<LoadedRevision, ReloadFailure> {
        let now = WallTime.now
        func failure(_ message: String, _ diagnostics: [Diagnostic]) -> Result<LoadedRevision, ReloadFailure> {
            let errors = Diagnostic.sortedForDisplay(diagnostics.filter { $0.severity == .error })
            return .failure(ReloadFailure(at: now, trigger: trigger, message: message, diagnostics: Array(errors.prefix(maxDiagnostics))))
        }
        guard let today = fixedToday ?? now.date else {
            return failure("the system clock gives no valid date", [])
        }
        let compiled = PolicySetLoader.compile(paths: policyPaths, today: today, budgetOverride: budgetOverride)
        var warnings = compiled.diagnostics.filter { $0.severity != .error }
        guard let policies = compiled.set else {
            return failure("the policies do not compile", compiled.diagnostics)
        }
        let workspaceFile: SourceFile
        do {
            workspaceFile = try SourceFile.read(path: workspace, maxBytes: YAMLLimits.default.maxBytes)
        } catch {
            return failure("the workspace config cannot be read", [error])
        }
        let loaded = WorkspaceLoader.load(workspaceFile)
        warnings += loaded.diagnostics.filter { $0.severity != .error }
        guard let model = loaded.workspace else {
            return failure("the workspace config does not load", loaded.diagnostics)
        }
        var revision = Revision()
        for file in compiled.files {
            revision.add(file.path)
            revision.add(file.bytes)
        }
        revision.add(workspaceFile.bytes)
        revision.add(today.description)
        for (dimension, limit) in budgetOverride.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            revision.add("\(dimension.rawValue)=\(limit)")
        }
        return .success(LoadedRevision(
            revision: revision.text, loadedAt: now, today: today, policies: policies, workspace: model,
            policyFiles: compiled.files.map(\.path), warnings: warnings))
    }
}

/// One load of a ``PolicySources``: the compiled policies and the workspace, with the revision
/// naming them.
public struct LoadedRevision: Sendable {
    /// A hash of everything a decision depends on (``Revision``).
    public let revision: String
    /// When it was loaded.
    public let loadedAt: WallTime
    /// The date exceptions were compiled against.
    public let today: CalendarDate
    public let policies: PolicySet
    public let workspace: Workspace
    /// The policy files read, in order.
    public let policyFiles: [String]
    /// What the files gave besides errors (an expired exception, a skipped file).
    public let warnings: [Diagnostic]
}
