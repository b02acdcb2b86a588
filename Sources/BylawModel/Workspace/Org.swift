import BylawSource

/// An org of the workspace's org tree, with its resolved place in the tree and its billing.
///
/// Built parents first, so `parent`, `root` and `depth` are stored, not walked;
/// ``ancestors`` is computed on demand. An org holds what it points up to (its parent, its root,
/// its billing account) strongly, so one kept after its workspace is gone still answers; what
/// lies below it (children, users) the workspace answers: ``Workspace/children(of:)``.
///
/// `@unchecked Sendable`: the builder sets `billing` before the workspace is returned, and
/// nothing changes after that; the parent link is cleared only by `deinit`.
public final class Org: WorkspaceObject, @unchecked Sendable {
    /// What the config wrote for the org's plain fields.
    struct Values: ConfigValues {
        var name: String?
        var labels: [String: String] = [:]

        mutating func set(_ field: OrgField, _ value: ConfigValue) {
            switch field {
            case .name: name = value.string
            case .labels: labels = value.labels ?? [:]
            case .id, .parent, .root, .ancestors, .children, .depth, .billing_account, .billing, .users: break
            }
        }
    }

    public let id: String
    let values: Values
    /// The parent org, nil for a top-level org.
    public var parent: Org? { parentLink }
    /// The account this org's own `billing_account` field names, whatever the mode decides
    /// (policies compare it with ``billing``); nil when the org declares none.
    public let billingAccount: BillingAccount?
    /// 0 for a top-level org, its parent's depth + 1 otherwise.
    public let depth: Int
    /// Position in `orgs`.
    public let index: Int
    public let file: SourceFile
    public let spans: FieldRanges<OrgField>
    /// The accounts this org draws from, the silo and where that was decided.
    public internal(set) var billing: OrgBilling = .unresolved

    private var parentLink: Org?
    private let rootOfParent: Org?

    init(
        id: String, values: Values, parent: Org?, billingAccount: BillingAccount?, index: Int, file: SourceFile, spans: FieldRanges<OrgField>
    ) {
        self.id = id
        self.values = values
        self.parentLink = parent
        self.billingAccount = billingAccount
        self.depth = parent.map { $0.depth + 1 } ?? 0
        self.rootOfParent = parent?.root
        self.index = index
        self.file = file
        self.spans = spans
    }

    deinit {
        // Parents are held strongly: releasing a 100,000-deep chain from its leaf would recurse
        // once per level. While this org holds the last reference to an ancestor, unlink that
        // ancestor from its own parent before letting it go, so each release is flat.
        var next = parentLink
        parentLink = nil
        while var ancestor = next {
            next = nil
            guard isKnownUniquelyReferenced(&ancestor) else { break }
            next = ancestor.parentLink
            ancestor.parentLink = nil
        }
    }

    /// The display name; the id when not written.
    public var name: String { values.name ?? id }
    public var labels: [String: String] { values.labels }

    public func value(_ field: OrgField) -> ConfigValue? {
        switch field {
        case .name: return .string(name)
        case .labels: return .labels(labels)
        case .id, .parent, .root, .ancestors, .children, .depth, .billing_account, .billing, .users: return nil
        }
    }

    /// The top-level org of this org's tree (itself for a top-level org).
    public var root: Org { rootOfParent ?? self }

    /// Whether this is a top-level org.
    public var isRoot: Bool { parent == nil }

    /// Parent first, then the parent's parent, up to the root.
    public var ancestors: [Org] {
        var result: [Org] = []
        result.reserveCapacity(depth)
        var current = parent
        while let org = current {
            result.append(org)
            current = org.parent
        }
        return result
    }

    /// Whether `other` is this org or one of its ancestors (O(depth difference)).
    public func isDescendant(of other: Org) -> Bool {
        guard other.depth <= depth else { return false }
        var current: Org? = self
        while let org = current, org.depth > other.depth { current = org.parent }
        return current === other
    }
}

/// How an org is billed once the workspace's billing mode is applied.
public struct OrgBilling: Sendable {
    /// The accounts the org draws from: the one account (`single`), the root's account
    /// (`assigned`; empty when the root declares none), or every declared account (`pooled`).
    public let accounts: [BillingAccount]
    /// The isolation unit: the root org's id in assigned mode, the workspace id otherwise.
    public let silo: String
    /// Where the accounts were decided.
    public let provenance: BillingProvenance

    /// The one account that pays for the org: the only element of ``accounts`` outside pooled
    /// mode, nil in pooled mode or when there is not exactly one.
    public var account: BillingAccount? {
        guard !isPooled, accounts.count == 1 else { return nil }
        return accounts.first
    }

    /// The org whose `billing_account` decided for `org` (assigned mode: its root), else nil.
    public func inheritedFrom(for org: Org) -> Org? { provenance.decidedBy(for: org) }

    let isPooled: Bool

    static let unresolved = OrgBilling(
        accounts: [], silo: "", provenance: BillingProvenance(decidedByRoot: false, field: .absent, file: nil), isPooled: false)
}

/// Which declaration decided an org's billing, so a finding can say
/// "inherited from org `us` (workspace.yaml:14)".
public struct BillingProvenance: Sendable {
    /// In assigned mode the root of the org's tree decides (its `billing_account`); in single
    /// and pooled mode the workspace's `billing.accounts` decide. Kept as a flag, not a link: a
    /// root's own provenance pointing at the root would be a cycle.
    let decidedByRoot: Bool
    /// The deciding field: the root's `billing_account:` (assigned) or `billing.accounts:`;
    /// absent when nothing was declared (a root without an account).
    public let field: FieldRange
    let file: SourceFile?

    /// The org whose `billing_account` decided for `org`: its root in assigned mode; nil in single
    /// and pooled mode.
    public func decidedBy(for org: Org) -> Org? { decidedByRoot ? org.root : nil }

    /// Where the deciding field was written, if it was.
    public var span: SourceSpan? {
        guard let file, let range = field.sourceRange else { return nil }
        return SourceSpan(file: file, range: range)
    }

    /// A phrase for messages, from the point of view of `org`: "declared by org `us`
    /// (workspace.yaml:14)", "inherited from org `us` (workspace.yaml:14)", or
    /// "workspace billing accounts (workspace.yaml:5)".
    public func describe(for org: Org) -> String {
        let place = span.map { " (\($0.file.path):\($0.start.line))" } ?? ""
        guard let decider = decidedBy(for: org) else { return "workspace billing accounts" + place }
        let verb = decider === org ? "declared by" : "inherited from"
        return "\(verb) org `\(decider.id)`" + place
    }
}
