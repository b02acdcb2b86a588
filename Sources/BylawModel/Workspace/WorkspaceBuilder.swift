import BylawSource

/// Turns checked declarations into the resolved ``Workspace``.
///
/// Runs only when decoding and resolving found no error, so every required field is present
/// and every reference resolves; the guards below return nil instead of trapping should that
/// ever not hold.
struct WorkspaceBuilder {
    let file: SourceFile
    let decl: WorkspaceDecl
    let index: WorkspaceIndex
    let orgParents: [Int?]
    let orgOrder: [Int]
    /// The org position of each distinct org the users name (``WorkspaceResolver``).
    let userOrgReferences: [Int?]

    func build() -> Workspace? {
        guard let id = decl.id?.text else { return nil }
        var accounts: [BillingAccount] = []
        accounts.reserveCapacity(decl.accounts.count)
        for (position, account) in decl.accounts.enumerated() {
            guard let accountID = account.id?.text else { return nil }
            accounts.append(BillingAccount(id: accountID, values: account.values, index: position, file: file, spans: account.spans))
        }
        var subscriptions: [Subscription] = []
        subscriptions.reserveCapacity(decl.subscriptions.count)
        for (position, subscription) in decl.subscriptions.enumerated() {
            guard let subscriptionID = subscription.id?.text,
                  let account = lookup(subscription.account, index.accounts, accounts) else { return nil }
            let built = Subscription(
                id: subscriptionID, values: subscription.values, account: account, index: position, file: file, spans: subscription.spans)
            subscriptions.append(built)
        }
        let billing = Billing(values: decl.billingValues, accounts: accounts, file: file, spans: decl.billingSpans)
        guard let orgs = buildOrgs(accounts: accounts, billing: billing, workspaceID: id) else { return nil }
        let orgsParentsFirst = orgOrder.map { orgs[$0] }

        guard let users = buildUsers(orgs: orgs) else { return nil }
        var providers: [Provider] = []
        providers.reserveCapacity(decl.providers.count)
        for (position, provider) in decl.providers.enumerated() {
            guard let providerID = provider.id?.text else { return nil }
            providers.append(Provider(id: providerID, values: provider.values, index: position, file: file, spans: provider.spans))
        }
        var apps: [App] = []
        apps.reserveCapacity(decl.apps.count)
        for (position, app) in decl.apps.enumerated() {
            guard let appID = app.id?.text, let provider = lookup(app.provider, index.providers, providers) else { return nil }
            let owner = app.owner.flatMap { users.table.columns.ids.handle(of: $0.text) }.map { users[Int($0)] }
            guard (owner == nil) == (app.owner == nil) else { return nil }
            let appOrgs = app.orgs.compactMap { lookup($0, index.orgs, orgs) }
            guard appOrgs.count == app.orgs.count else { return nil }
            let built = App(
                id: appID, values: app.values, owner: owner, provider: provider, orgs: appOrgs, index: position, file: file, spans: app.spans)
            apps.append(built)
        }
        let relations = WorkspaceRelations(
            orgParents: orgParents, userOrgs: { Int(users.table.columns.records[$0].org) }, appOwners: apps.map { $0.owner?.index },
            subscriptionAccounts: subscriptions.map(\.account.index), orgCount: orgs.count, userCount: users.count, accountCount: accounts.count)
        return Workspace(
            id: id, values: decl.values, billing: billing, subscriptions: subscriptions,
            orgs: orgs, orgsParentsFirst: orgsParentsFirst, users: users, providers: providers, apps: apps, index: index,
            relations: relations, file: file, spans: decl.spans)
    }

    /// The users' table, each record's org resolved to its position. A user's id handle is
    /// its position: ids are unique, so each user interned a new one, in order.
    private func buildUsers(orgs: [Org]) -> WorkspaceUsers? {
        var columns = decl.users
        for position in 0..<columns.count {
            let record = columns.records[position]
            guard record.id == UInt32(position), record.org != IDTable.none, Int(record.org) < userOrgReferences.count,
                let org = userOrgReferences[Int(record.org)], orgs.indices.contains(org)
            else { return nil }
            columns.records[position].org = UInt32(org)
        }
        // What only decoding and resolving needed goes before the table is kept.
        columns.idValues = []
        columns.orgValues = []
        columns.firstPositions = []
        columns.orgReferences = IDTable()
        return WorkspaceUsers(table: UserTable(columns: columns, orgs: orgs, file: file))
    }

    private func lookup<T>(_ reference: Located?, _ ids: [ObjectID: Int], _ objects: [T]) -> T? {
        guard let reference, let position = ids[ObjectID(reference.text)], objects.indices.contains(position) else { return nil }
        return objects[position]
    }

    /// Builds orgs parents first, so each one's depth, root and billing come from its parent in
    /// O(1); then returns them in declaration order.
    private func buildOrgs(accounts: [BillingAccount], billing: Billing, workspaceID: String) -> [Org]? {
        let declared = decl.orgs
        guard orgOrder.count == declared.count else { return nil }
        var built = [Org?](repeating: nil, count: declared.count)
        let workspaceBilling = OrgBilling(
            accounts: accounts, silo: workspaceID,
            provenance: BillingProvenance(decidedByRoot: false, field: billing.spans[.accounts], file: file),
            isPooled: billing.mode == .pooled)
        for position in orgOrder {
            let org = declared[position]
            guard let orgID = org.id?.text else { return nil }
            var parent: Org?
            if let parentPosition = orgParents[position] {
                guard let parentOrg = built[parentPosition] else { return nil }
                parent = parentOrg
            }
            var account: BillingAccount?
            if org.billingAccount != nil {
                guard let found = lookup(org.billingAccount, index.accounts, accounts) else { return nil }
                account = found
            }
            let made = Org(
                id: orgID, values: org.values, parent: parent, billingAccount: account, index: position, file: file, spans: org.spans)
            switch billing.mode {
            case .single, .pooled:
                made.billing = workspaceBilling
            case .assigned:
                if let parent {
                    made.billing = parent.billing
                } else {
                    // A root decides for its whole tree; the array is shared by every descendant.
                    made.billing = OrgBilling(
                        accounts: account.map { [$0] } ?? [], silo: orgID,
                        provenance: BillingProvenance(decidedByRoot: true, field: org.spans[.billing_account], file: file),
                        isPooled: false)
                }
            }
            built[position] = made
        }
        let orgs = built.compactMap { $0 }
        guard orgs.count == declared.count else { return nil }
        return orgs
    }
}
