import BylawModel
import BylawPolicy
import BylawSource
import CEL

// The nodes' switches dispatch on the table's generated field ids: a case for each field that
// needs the graph, `default` for the plain values the model reads by id.

/// An org of the tree.
final class OrgNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    let org: Org
    init(graph: WorkspaceGraph, org: Org) {
        self.org = org
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.org.name }
    var celID: String { org.id }
    /// The lists a rule navigates through (ancestors, children, users), built on first read and
    /// then reused: a stream reads the same orgs' ancestors event after event, and building the
    /// list each time cost more than the rest of the rule. They refer to other nodes (an org's
    /// children list its parent among their ancestors), so the graph empties them when it goes.
    private var lists: (ancestors: CELValue?, children: CELValue?, users: CELValue?) = (nil, nil, nil)

    func forgetLists() { lists = (nil, nil, nil) }

    func celField(_ index: Int) -> CELValue {
        guard let field = OrgField(rawValue: index) else { return .error(CELError("no field \(index) on Org")) }
        switch field {
        case .id: graph.trace.record(self, org.span(of: .id)); return .string(org.id)
        case .parent: graph.trace.record(self, org.span(of: .parent)); return graph.value(org.parent)
        case .root: return graph.value(org.root)
        case .ancestors:
            if let list = lists.ancestors { return list }
            lists.ancestors = graph.list(org.ancestors)
            return lists.ancestors ?? .null
        case .children:
            if let list = lists.children { return list }
            lists.children = graph.list(graph.workspace.children(of: org))
            return lists.children ?? .null
        case .depth: return .int(Int64(org.depth))
        case .billing_account:
            graph.trace.record(self, org.span(of: .billing_account))
            return graph.value(org.billingAccount)
        case .billing:
            // What decided the billing is the root's `billing_account:` (or `billing.accounts:`).
            graph.trace.record(self, org.billing.provenance.span)
            return .object(graph.orgBillings[org.index])
        case .users:
            if let list = lists.users { return list }
            lists.users = graph.list(graph.workspace.users(of: org))
            return lists.users ?? .null
        default: return plainField(field, of: org, id: org.id)
        }
    }

    func celHasField(_ index: Int) -> Bool {
        guard let field = OrgField(rawValue: index) else { return false }
        switch field {
        case .parent: return org.parent != nil
        case .billing_account: return org.billingAccount != nil
        default: return field.configValueKind == nil ? celField(index).isSet : hasPlainField(field, of: org, id: org.id)
        }
    }
}

/// `org.billing`: billing resolved by the workspace's mode.
final class OrgBillingNode: GraphNode, CELObject, @unchecked Sendable {
    let org: Org
    init(graph: WorkspaceGraph, org: Org) {
        self.org = org
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.orgBilling.name }

    func celField(_ index: Int) -> CELValue {
        let billing = org.billing
        switch OrgBillingField(rawValue: index) {
        case .accounts: return graph.list(billing.accounts)
        case .account: return graph.value(billing.account)
        case .silo: return .string(billing.silo)
        case .inherited_from: return graph.value(billing.inheritedFrom(for: org))
        case nil: return .error(CELError("no field \(index) on OrgBilling"))
        }
    }

    func celHasField(_ index: Int) -> Bool { celField(index).isSet }
}

/// A user.
final class UserNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    let user: User
    init(graph: WorkspaceGraph, user: User) {
        self.user = user
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.user.name }
    var celID: String { user.id }

    func celField(_ index: Int) -> CELValue {
        guard let field = UserField(rawValue: index) else { return .error(CELError("no field \(index) on User")) }
        switch field {
        case .id: graph.trace.record(self, user.span(of: .id)); return .string(user.id)
        case .org: graph.trace.record(self, user.span(of: .org)); return graph.value(user.org)
        case .owned_apps: return graph.list(graph.workspace.apps(ownedBy: user))
        default: return plainField(field, of: user, id: user.id)
        }
    }

    func celHasField(_ index: Int) -> Bool {
        guard let field = UserField(rawValue: index) else { return false }
        return field.configValueKind == nil ? celField(index).isSet : hasPlainField(field, of: user, id: user.id)
    }
}

/// A provider connection.
final class ProviderNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    let provider: Provider
    init(graph: WorkspaceGraph, provider: Provider) {
        self.provider = provider
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.provider.name }
    var celID: String { provider.id }

    func celField(_ index: Int) -> CELValue {
        guard let field = ProviderField(rawValue: index) else { return .error(CELError("no field \(index) on Provider")) }
        switch field {
        case .id: graph.trace.record(self, provider.span(of: .id)); return .string(provider.id)
        default: return plainField(field, of: provider, id: provider.id)
        }
    }

    func celHasField(_ index: Int) -> Bool {
        guard let field = ProviderField(rawValue: index) else { return false }
        return field.configValueKind == nil ? celField(index).isSet : hasPlainField(field, of: provider, id: provider.id)
    }
}

/// An app.
final class AppNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    let app: App
    init(graph: WorkspaceGraph, app: App) {
        self.app = app
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.app.name }
    var celID: String { app.id }

    func celField(_ index: Int) -> CELValue {
        guard let field = AppField(rawValue: index) else { return .error(CELError("no field \(index) on App")) }
        switch field {
        case .id: graph.trace.record(self, app.span(of: .id)); return .string(app.id)
        case .owner: graph.trace.record(self, app.span(of: .owner)); return graph.value(app.owner)
        case .provider: graph.trace.record(self, app.span(of: .provider)); return graph.value(app.provider)
        case .orgs: graph.trace.record(self, app.span(of: .orgs)); return graph.list(app.orgs)
        default: return plainField(field, of: app, id: app.id)
        }
    }

    func celHasField(_ index: Int) -> Bool {
        guard let field = AppField(rawValue: index) else { return false }
        if field == .owner { return app.owner != nil }
        return field.configValueKind == nil ? celField(index).isSet : hasPlainField(field, of: app, id: app.id)
    }
}
