import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// `workspace`: fields, and the id lookups (`workspace.org(id)`, …).
final class WorkspaceNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    var celTypeName: String { DomainSchema.workspace.name }
    var celID: String { graph.workspace.id }
    private lazy var orgList: CELValue = .list(graph.orgs.map { .object($0) })
    private lazy var userList: CELValue = .list(graph.users.map { .object($0) })
    private lazy var appList: CELValue = .list(graph.apps.map { .object($0) })
    private lazy var providerList: CELValue = .list(graph.providers.map { .object($0) })
    private lazy var subscriptionList: CELValue = .list(graph.subscriptions.map { .object($0) })
    /// The objects the last ids looked up named (a stream names the same few again and again).
    @exclusivity(unchecked) private var memo = IDLookupMemo()

    func celField(_ index: Int) -> CELValue {
        let workspace = graph.workspace
        guard let field = WorkspaceField(rawValue: index) else { return .error(CELError("no field \(index) on Workspace")) }
        switch field {
        case .id: graph.trace.record(self, workspace.span(of: .id)); return .string(workspace.id)
        case .billing: graph.trace.descend(from: self, into: graph.billing); return .object(graph.billing)
        case .subscriptions: graph.trace.record(self, workspace.span(of: .subscriptions)); return subscriptionList
        case .orgs: graph.trace.record(self, workspace.span(of: .orgs)); return orgList
        case .users: graph.trace.record(self, workspace.span(of: .users)); return userList
        case .providers: graph.trace.record(self, workspace.span(of: .providers)); return providerList
        case .apps: graph.trace.record(self, workspace.span(of: .apps)); return appList
        default: return plainField(field, of: workspace, id: workspace.id)
        }
    }

    func celHasField(_ index: Int) -> Bool {
        guard let field = WorkspaceField(rawValue: index) else { return false }
        return field.configValueKind == nil ? celField(index).isSet : hasPlainField(field, of: graph.workspace, id: graph.workspace.id)
    }

    override func celLookup(_ kind: WorkspaceLookupKind, id: String) -> CELValue {
        let workspace = graph.workspace
        let found = memo.position(of: id, kind: kind) { id in
            switch kind {
            case .org: return workspace.org(id)?.index
            case .user: return workspace.user(id)?.index
            case .app: return workspace.app(id)?.index
            case .provider: return workspace.provider(id)?.index
            case .account: return workspace.account(id)?.index
            case .subscription: return workspace.subscription(id)?.index
            }
        }
        guard let position = found else { return .null }
        switch kind {
        case .org: return .object(graph.orgs[position])
        case .user: return .object(graph.users[position])
        case .app: return .object(graph.apps[position])
        case .provider: return .object(graph.providers[position])
        case .account: return .object(graph.accounts[position])
        case .subscription: return .object(graph.subscriptions[position])
        }
    }
}

/// `workspace.billing`.
final class BillingNode: GraphNode, CELObject, @unchecked Sendable {
    var celTypeName: String { DomainSchema.billing.name }
    private lazy var accountList: CELValue = .list(graph.accounts.map { .object($0) })

    func celField(_ index: Int) -> CELValue {
        let billing = graph.workspace.billing
        // `billing.labels` is kept in the model but not declared to CEL: no compiled rule selects it.
        guard let field = BillingField(rawValue: index) else { return .error(CELError("no field \(index) on Billing")) }
        switch field {
        case .accounts:
            graph.trace.record(self, billing.span(of: .accounts))
            return accountList
        default: return plainField(field, of: billing, id: nil)
        }
    }

    func celHasField(_ index: Int) -> Bool { celField(index).isSet }
}

/// A billing account.
final class AccountNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    let account: BillingAccount
    init(graph: WorkspaceGraph, account: BillingAccount) {
        self.account = account
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.billingAccount.name }
    var celID: String { account.id }

    func celField(_ index: Int) -> CELValue {
        guard let field = BillingAccountField(rawValue: index) else { return .error(CELError("no field \(index) on BillingAccount")) }
        switch field {
        case .id: graph.trace.record(self, account.span(of: .id)); return .string(account.id)
        case .subscriptions: return graph.list(graph.workspace.subscriptions(of: account))
        default: return plainField(field, of: account, id: account.id)
        }
    }

    func celHasField(_ index: Int) -> Bool { celField(index).isSet }
}

/// A subscription.
final class SubscriptionNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    let subscription: Subscription
    init(graph: WorkspaceGraph, subscription: Subscription) {
        self.subscription = subscription
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.subscription.name }
    var celID: String { subscription.id }

    func celField(_ index: Int) -> CELValue {
        guard let field = SubscriptionField(rawValue: index) else { return .error(CELError("no field \(index) on Subscription")) }
        switch field {
        case .id: graph.trace.record(self, subscription.span(of: .id)); return .string(subscription.id)
        case .account: graph.trace.record(self, subscription.span(of: .account)); return graph.value(subscription.account)
        default: return plainField(field, of: subscription, id: subscription.id)
        }
    }

    func celHasField(_ index: Int) -> Bool { celField(index).isSet }
}
