import BylawModel
import BylawPolicy
import BylawSource
import CEL

/// An org of the tree.
final class OrgNode: GraphNode, IdentifiedObject, @unchecked Sendable {
    let org: Org
    init(graph: WorkspaceGraph, org: Org) {
        self.org = org
        super.init(graph: graph)
    }

    var celTypeName: String { DomainSchema.org.name }
    var celID: String { org.id }

    func celField(_ index: Int) -> CELValue {
        guard let field = OrgField(rawValue: index) else { return .error(CELError("no field \(index) on Org")) }
        switch field {
        case .id: graph.trace.record(self, org.span(of: \.id)); return .string(org.id)
        case .name: graph.trace.record(self, org.span(of: \.name)); return .string(org.name)
        case .parent: graph.trace.record(self, org.span(of: \.parent)); return graph.value(org.parent)
        case .root: return graph.value(org.root)
        case .ancestors: return graph.list(org.ancestors)
        case .children: return graph.list(graph.workspace.children(of: org))
        case .depth: return .int(Int64(org.depth))
        case .billing_account:
            graph.trace.record(self, org.span(of: \.billingAccount))
            return graph.value(org.billingAccount)
        case .billing:
            // What decided the billing is the root's `billing_account:` (or `billing.accounts:`).
            graph.trace.record(self, org.billing.provenance.span)
            return .object(graph.orgBillings[org.index])
        case .users: return graph.list(graph.workspace.users(of: org))
        case .labels: graph.trace.record(self, org.span(of: \.labels)); return .labels(org.labels)
        }
    }

    func celHasField(_ index: Int) -> Bool {
        switch OrgField(rawValue: index) {
        case .parent: return org.parent != nil
        case .billing_account: return org.billingAccount != nil
        default: return celField(index).isSet
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
        switch UserField(rawValue: index) {
        case .id: graph.trace.record(self, user.span(of: \.id)); return .string(user.id)
        case .email: graph.trace.record(self, user.span(of: \.email)); return .string(user.email)
        case .org: graph.trace.record(self, user.span(of: \.org)); return graph.value(user.org)
        case .status: graph.trace.record(self, user.span(of: \.status)); return .string(user.status.rawValue)
        case .offboarded_on:
            graph.trace.record(self, user.span(of: \.offboardedOn))
            guard let date = user.offboardedOn else { return .epoch }
            guard let timestamp = try? CELTimestamp.parse(date + "T00:00:00Z") else {
                return .error(CELError("offboarded_on '\(date)' of user \(user.id) is not a date"))
            }
            return .timestamp(timestamp)
        case .owned_apps: return graph.list(graph.workspace.apps(ownedBy: user))
        case .labels: graph.trace.record(self, user.span(of: \.labels)); return .labels(user.labels)
        case nil: return .error(CELError("no field \(index) on User"))
        }
    }

    func celHasField(_ index: Int) -> Bool {
        if UserField(rawValue: index) == .offboarded_on { return user.offboardedOn != nil }
        return celField(index).isSet
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
        switch ProviderField(rawValue: index) {
        case .id: graph.trace.record(self, provider.span(of: \.id)); return .string(provider.id)
        case .vendor: graph.trace.record(self, provider.span(of: \.vendor)); return .string(provider.vendor)
        case .custody: graph.trace.record(self, provider.span(of: \.custody)); return .string(provider.custody.rawValue)
        case .training_opt_out: graph.trace.record(self, provider.span(of: \.trainingOptOut)); return .bool(provider.trainingOptOut)
        case .labels: return .labels(provider.labels)
        case nil: return .error(CELError("no field \(index) on Provider"))
        }
    }

    func celHasField(_ index: Int) -> Bool { celField(index).isSet }
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
        switch AppField(rawValue: index) {
        case .id: graph.trace.record(self, app.span(of: \.id)); return .string(app.id)
        case .kind: graph.trace.record(self, app.span(of: \.kind)); return .string(app.kind.rawValue)
        case .owner: graph.trace.record(self, app.span(of: \.owner)); return graph.value(app.owner)
        case .provider: graph.trace.record(self, app.span(of: \.provider)); return graph.value(app.provider)
        case .orgs: graph.trace.record(self, app.span(of: \.orgs)); return graph.list(app.orgs)
        case .data: graph.trace.record(self, app.span(of: \.data)); return .list(app.data.map { .string($0.rawValue) })
        case .labels: return .labels(app.labels)
        case nil: return .error(CELError("no field \(index) on App"))
        }
    }

    func celHasField(_ index: Int) -> Bool {
        if AppField(rawValue: index) == .owner { return app.owner != nil }
        return celField(index).isSet
    }
}
