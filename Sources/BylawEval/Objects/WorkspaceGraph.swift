import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// The CEL view of a resolved ``Workspace``: one adapter object per model object, built in one
/// linear pass, so `org.parent`, `workspace.user(id)` and friends are array reads.
///
/// Not `Sendable`, on purpose: the adapters are made lazily and the field trace below is
/// written while a rule runs, so a graph serves one evaluation at a time. Concurrent
/// evaluations (a server's requests) each use their own graph over the shared, `Sendable`
/// ``Workspace``; building one is a linear pass. Keep the graph alive while any value from it
/// is in use (adapters hold it `unowned`; ``ExpressionRun`` keeps it for the values it returns).
public final class WorkspaceGraph {
    public let workspace: Workspace
    /// The workspace's own adapters; lazy because they refer back to the graph.
    private(set) lazy var root = WorkspaceNode(graph: self)
    private(set) lazy var billing = BillingNode(graph: self)
    private(set) var orgs: [OrgNode] = []
    private(set) var orgBillings: [OrgBillingNode] = []
    private(set) var users: [UserNode] = []
    private(set) var apps: [AppNode] = []
    private(set) var providers: [ProviderNode] = []
    private(set) var accounts: [AccountNode] = []
    private(set) var subscriptions: [SubscriptionNode] = []
    /// Which source field a rule read first, to locate its findings (see ``FieldTrace``).
    var trace = FieldTrace()

    public init(_ workspace: Workspace) {
        self.workspace = workspace
        orgs = workspace.orgs.map { OrgNode(graph: self, org: $0) }
        orgBillings = workspace.orgs.map { OrgBillingNode(graph: self, org: $0) }
        users = workspace.users.map { UserNode(graph: self, user: $0) }
        apps = workspace.apps.map { AppNode(graph: self, app: $0) }
        providers = workspace.providers.map { ProviderNode(graph: self, provider: $0) }
        accounts = workspace.billing.accounts.map { AccountNode(graph: self, account: $0) }
        subscriptions = workspace.subscriptions.map { SubscriptionNode(graph: self, subscription: $0) }
    }

    deinit {
        // The orgs' remembered lists hold one another (parent and child): let them go.
        for org in orgs { org.forgetLists() }
    }

    /// The workspace as a CEL value (`workspace`, `before`, `after`).
    public var value: CELValue { .object(root) }

    func value(_ org: Org?) -> CELValue { org.map { .object(orgs[$0.index]) } ?? .null }
    func value(_ user: User?) -> CELValue { user.map { .object(users[$0.index]) } ?? .null }
    func value(_ app: App?) -> CELValue { app.map { .object(apps[$0.index]) } ?? .null }
    func value(_ provider: Provider?) -> CELValue { provider.map { .object(providers[$0.index]) } ?? .null }
    func value(_ account: BillingAccount?) -> CELValue { account.map { .object(accounts[$0.index]) } ?? .null }
    func value(_ subscription: Subscription?) -> CELValue { subscription.map { .object(subscriptions[$0.index]) } ?? .null }

    func list(_ orgs: [Org]) -> CELValue { .list(orgs.map { .object(self.orgs[$0.index]) }) }
    func list(_ users: [User]) -> CELValue { .list(users.map { .object(self.users[$0.index]) }) }
    func list(_ apps: [App]) -> CELValue { .list(apps.map { .object(self.apps[$0.index]) }) }
    func list(_ accounts: [BillingAccount]) -> CELValue { .list(accounts.map { .object(self.accounts[$0.index]) }) }
    func list(_ subscriptions: [Subscription]) -> CELValue { .list(subscriptions.map { .object(self.subscriptions[$0.index]) }) }
}

/// Records the first source-backed field a rule reads on one object (the `for:` element, or the
/// workspace): that field is what "decided", and a finding points at its line.
struct FieldTrace {
    /// The object being watched; nil when tracing is off.
    var target: ObjectIdentifier?
    /// The first field read on it that the source wrote.
    var first: SourceSpan?

    mutating func start(watching object: AnyObject?) {
        target = object.map(ObjectIdentifier.init)
        first = nil
    }

    mutating func stop() { target = nil }

    /// Moves the watch from a section to its contents (`workspace.billing` → its `accounts:`),
    /// so the finding points at the field inside the section that decided. References between
    /// objects (`org.billing_account`) are not followed: the referring field is what decided.
    mutating func descend(from section: AnyObject, into part: AnyObject) {
        guard let target, first == nil, target == ObjectIdentifier(section) else { return }
        self.target = ObjectIdentifier(part)
    }

    @inline(__always)
    mutating func record(_ object: AnyObject, _ span: @autoclosure () -> SourceSpan?) {
        guard let target, first == nil, target == ObjectIdentifier(object) else { return }
        first = span()
    }
}

/// Base of every adapter: the graph it belongs to.
///
/// `@unchecked Sendable` because CEL values (which carry these adapters) must be `Sendable`;
/// the adapters themselves are used only by the one evaluation at a time their graph serves
/// (the graph is not `Sendable`, so it cannot be handed to another task).
class GraphNode: DomainObject, @unchecked Sendable {
    unowned let graph: WorkspaceGraph
    init(graph: WorkspaceGraph) {
        self.graph = graph
        super.init()
    }
}

extension Workspace {
    /// The workspace usage rules see when none is given (a test with only an event, `bylaw
    /// expr` without `--workspace`): no orgs, users or apps; single billing with no account.
    public static func empty() -> Workspace? {
        WorkspaceLoader.load(SourceFile(path: "<empty workspace>", text: "workspace: empty\nbilling: {mode: single, accounts: []}\n")).workspace
    }
}
