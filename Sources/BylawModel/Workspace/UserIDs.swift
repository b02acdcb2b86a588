/// The ids of a workspace's users as interned when it was loaded: looked up by their bytes, with
/// no `String` per user. It keeps only the ids' table alive, not the workspace.
public struct UserIDs: Sendable {
    let table: IDTable

    /// How many users (each has its own id).
    public var count: Int { table.count }

    /// Whether a user has the id `id` (compared by UTF-8 bytes, as lookups compare ids).
    public func contains(_ id: String) -> Bool { table.handle(of: id) != nil }

    /// Every id, in declaration order.
    public var all: [String] { table.strings }
}

extension Workspace {
    /// The users' ids.
    public var userIDs: UserIDs { UserIDs(table: users.table.columns.ids) }
}
