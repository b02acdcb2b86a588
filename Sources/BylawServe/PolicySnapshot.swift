import BylawModel
import BylawPolicy
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

/// The revision of a loaded set: FNV-1a (64 bits) over the policy files' paths and bytes, the
/// workspace config's bytes, the date exceptions are compiled against and the budget override.
/// Equal inputs give equal revisions on every machine; any edit gives another. (The studio
/// names the version of a file an editor opened with it.)
package struct Revision {
    private var hash: UInt64 = 0xCBF2_9CE4_8422_2325

    package init() {}

    package mutating func add(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        // A separator, so that ("ab", "c") and ("a", "bc") differ.
        hash ^= 0xFF
        hash = hash &* 0x0000_0100_0000_01B3
    }

    package mutating func add(_ text: String) { add(text.utf8) }

    /// Sixteen hex digits.
    package var text: String {
        let digits = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
