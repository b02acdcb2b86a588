/// What lies below each object of a workspace, as positions in the workspace's arrays: an
/// org's children and users, a user's apps, an account's subscriptions. Kept beside the objects
/// rather than in them so that objects refer only upward (no cycles, nothing to cut on release).
///
/// Each relation is one flat array of positions grouped by owner, with where each owner's group
/// starts: two allocations per relation, whatever the number of objects.
struct WorkspaceRelations: Sendable {
    private var orgChildren = Grouped()
    private var orgUsers = Grouped()
    private var userApps = Grouped()
    private var accountSubscriptions = Grouped()

    /// `userOrgs(i)` is the org position of user `i`.
    init(
        orgParents: [Int?], userOrgs: (Int) -> Int, appOwners: [Int?], subscriptionAccounts: [Int], orgCount: Int, userCount: Int,
        accountCount: Int
    ) {
        orgChildren = Grouped(members: orgParents.count, ownerCount: orgCount) { orgParents[$0] }
        orgUsers = Grouped(members: userCount, ownerCount: orgCount) { userOrgs($0) }
        userApps = Grouped(members: appOwners.count, ownerCount: userCount) { appOwners[$0] }
        accountSubscriptions = Grouped(members: subscriptionAccounts.count, ownerCount: accountCount) { subscriptionAccounts[$0] }
    }

    func children(of org: Int) -> ArraySlice<Int> { orgChildren[org] }
    func users(of org: Int) -> ArraySlice<Int> { orgUsers[org] }
    func apps(ownedBy user: Int) -> ArraySlice<Int> { userApps[user] }
    func subscriptions(of account: Int) -> ArraySlice<Int> { accountSubscriptions[account] }

    /// Members grouped by owner, each group in member order (a counting sort).
    private struct Grouped: Sendable {
        private var starts: [Int] = [0]
        private var members: [Int] = []

        init() {}

        /// `owner(member)` is the owner of each of `count` members, or nil for none (a function,
        /// not an array: the users' owners are read from their columns, with no copy).
        init(members count: Int, ownerCount: Int, owner: (Int) -> Int?) {
            var starts = [Int](repeating: 0, count: ownerCount + 1)
            for member in 0..<count {
                if let owner = owner(member), owner < ownerCount { starts[owner + 1] += 1 }
            }
            for index in 0..<ownerCount { starts[index + 1] += starts[index] }
            var next = starts
            var members = [Int](repeating: 0, count: starts[ownerCount])
            for member in 0..<count {
                guard let owner = owner(member), owner < ownerCount else { continue }
                members[next[owner]] = member
                next[owner] += 1
            }
            self.starts = starts
            self.members = members
        }

        subscript(owner: Int) -> ArraySlice<Int> {
            guard owner + 1 < starts.count else { return [] }
            return members[starts[owner]..<starts[owner + 1]]
        }
    }
}
