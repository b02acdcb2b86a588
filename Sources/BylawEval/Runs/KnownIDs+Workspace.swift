import BylawModel
import BylawPolicy

extension KnownIDs {
    /// Adds every id `workspace` declares, under the schema table's type names.
    public mutating func insert(_ workspace: Workspace) {
        insert(workspace.id, type: DomainSchema.workspace.name)
        for org in workspace.orgs { insert(org.id, type: DomainSchema.org.name) }
        // Users by their interned table: a million of them need no million strings here.
        let users = workspace.userIDs
        insert(IDList(count: users.count, contains: { users.contains($0) }, all: { users.all }), type: DomainSchema.user.name)
        for app in workspace.apps { insert(app.id, type: DomainSchema.app.name) }
        for provider in workspace.providers { insert(provider.id, type: DomainSchema.provider.name) }
        for account in workspace.billing.accounts { insert(account.id, type: DomainSchema.billingAccount.name) }
        for subscription in workspace.subscriptions { insert(subscription.id, type: DomainSchema.subscription.name) }
    }
}
