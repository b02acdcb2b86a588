import BylawSource

/// A workspace config resolved into a graph: the org tree, billing per org, silos, and
/// constant-time lookups by id.
///
/// Produced by ``WorkspaceLoader`` only from a config without load errors, so every reference
/// in it resolves. Objects hold what they point up to strongly (an org its parent, a user its
/// org, an app its owner), so an object kept after the workspace is released still answers;
/// what lies below an object (an org's children and users, a user's apps, an account's
/// subscriptions) the workspace answers, from tables of positions. No object refers to
/// another that can go away first, and no two refer to each other.
public final class Workspace: WorkspaceObject, Sendable {
    /// What the config wrote for the workspace's plain fields.
    struct Values: ConfigValues {
        var name: String?
        var labels: [String: String] = [:]

        mutating func set(_ field: WorkspaceField, _ value: ConfigValue) {
            switch field {
            case .name: name = value.string
            case .labels: labels = value.labels ?? [:]
            case .id, .billing, .subscriptions, .orgs, .users, .providers, .apps: break
            }
        }
    }

    /// The `workspace` key.
    public let id: String
    let values: Values
    public let billing: Billing
    /// In declaration order, each kind in its own array (users in their table, as views).
    public let subscriptions: [Subscription]
    public let orgs: [Org]
    public let users: WorkspaceUsers
    public let providers: [Provider]
    public let apps: [App]
    /// The top-level orgs, in declaration order.
    public let roots: [Org]
    /// Every org, in an order where each one comes after its parent.
    public let orgsParentsFirst: [Org]
    public let file: SourceFile
    /// Positions of the top-level keys (`object` is the whole document).
    public let spans: FieldRanges<WorkspaceField>

    let index: WorkspaceIndex
    let relations: WorkspaceRelations

    init(
        id: String, values: Values, billing: Billing, subscriptions: [Subscription], orgs: [Org], orgsParentsFirst: [Org],
        users: WorkspaceUsers, providers: [Provider], apps: [App], index: WorkspaceIndex, relations: WorkspaceRelations, file: SourceFile,
        spans: FieldRanges<WorkspaceField>
    ) {
        self.id = id
        self.values = values
        self.billing = billing
        self.subscriptions = subscriptions
        self.orgs = orgs
        self.users = users
        self.providers = providers
        self.apps = apps
        self.roots = orgs.filter(\.isRoot)
        self.orgsParentsFirst = orgsParentsFirst
        self.index = index
        self.relations = relations
        self.file = file
        self.spans = spans
    }

    /// The display name; the id when not written.
    public var name: String { values.name ?? id }
    public var labels: [String: String] { values.labels }

    public func value(_ field: WorkspaceField) -> ConfigValue? {
        switch field {
        case .name: return .string(name)
        case .labels: return .labels(labels)
        case .id, .billing, .subscriptions, .orgs, .users, .providers, .apps: return nil
        }
    }

    /// The billing mode (`billing.mode`).
    public var mode: BillingMode { billing.mode }
    /// Every declared billing account.
    public var accounts: [BillingAccount] { billing.accounts }

    /// The org with this id, or nil.
    public func org(_ id: String) -> Org? { index.orgs[ObjectID(id)].map { orgs[$0] } }
    /// The user with this id, or nil.
    public func user(_ id: String) -> User? { users.table.columns.ids.handle(of: id).map { users[Int($0)] } }
    /// The app with this id, or nil.
    public func app(_ id: String) -> App? { index.apps[ObjectID(id)].map { apps[$0] } }
    /// The billing account with this id, or nil.
    public func account(_ id: String) -> BillingAccount? { index.accounts[ObjectID(id)].map { billing.accounts[$0] } }
    /// The provider with this id, or nil.
    public func provider(_ id: String) -> Provider? { index.providers[ObjectID(id)].map { providers[$0] } }
    /// The subscription with this id, or nil.
    public func subscription(_ id: String) -> Subscription? { index.subscriptions[ObjectID(id)].map { subscriptions[$0] } }

    /// The direct children of an org of this workspace, in declaration order.
    public func children(of org: Org) -> [Org] { relations.children(of: org.index).map { orgs[$0] } }
    /// The users who belong to an org of this workspace (not its descendants), in declaration order.
    public func users(of org: Org) -> [User] { relations.users(of: org.index).map { users[$0] } }
    /// The apps a user of this workspace owns, in declaration order.
    public func apps(ownedBy user: User) -> [App] { relations.apps(ownedBy: user.index).map { apps[$0] } }
    /// The subscriptions that name an account of this workspace, in declaration order.
    public func subscriptions(of account: BillingAccount) -> [Subscription] {
        relations.subscriptions(of: account.index).map { subscriptions[$0] }
    }
}

/// Id → position, per object kind but users (their ids are in their table's ``IDTable``):
/// built once while checking for duplicate ids. Ids are compared by their bytes (``ObjectID``).
struct WorkspaceIndex: Sendable {
    var accounts: [ObjectID: Int] = [:]
    var subscriptions: [ObjectID: Int] = [:]
    var orgs: [ObjectID: Int] = [:]
    var providers: [ObjectID: Int] = [:]
    var apps: [ObjectID: Int] = [:]
}
