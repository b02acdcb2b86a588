import BylawModel
import BylawPolicy
import BylawReload
import BylawSource

/// One revision being served: the compiled policies, the workspace, the tokens, and the
/// deciders built from them. Immutable; a reload builds a new one and swaps it in whole, so a
/// request sees one revision from start to end.
final class PolicySnapshot: Sendable {
    /// A hash of everything a decision depends on (``Revision``).
    let revision: String
    /// When the revision was loaded.
    let loadedAt: WallTime
    /// The date exceptions were compiled against.
    let today: CalendarDate
    let policies: PolicySet
    let workspace: Workspace
    let workspacePath: String
    /// The policy files read, in order.
    let policyFiles: [String]
    /// Who may ask (nil: everyone).
    let tokens: AccessTokens?
    let deciders: DeciderPool

    init(
        revision: String, loadedAt: WallTime, today: CalendarDate, policies: PolicySet, workspace: Workspace, workspacePath: String,
        policyFiles: [String], tokens: AccessTokens?
    ) {
        self.revision = revision
        self.loadedAt = loadedAt
        self.today = today
        self.policies = policies
        self.workspace = workspace
        self.workspacePath = workspacePath
        self.policyFiles = policyFiles
        self.tokens = tokens
        deciders = DeciderPool(policies: policies, workspace: workspace)
    }

    /// The number of rules by trigger, for the status.
    var ruleCounts: [(RuleTrigger, Int)] {
        [RuleTrigger.usage, .workspace, .change].map { trigger in (trigger, policies.rules.lazy.filter { $0.trigger == trigger }.count) }
    }
}
