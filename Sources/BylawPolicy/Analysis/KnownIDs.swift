/// The ids some workspaces declare, by object type (`Org`, `User`, …, as the schema table names
/// them), and where they come from: what a string literal compared with an id field may be
/// (``KnownValueCheck``). The compiler knows no workspace; a run that has some fills this in.
public struct KnownIDs: Sendable {
    private var ids: [String: Set<String>] = [:]
    private var lists: [String: [IDList]] = [:]
    /// How messages name where the ids come from (`Examples/workspaces/acme.yaml`, `the
    /// workspaces of this policy's tests`).
    public var origin: String

    /// Ids kept elsewhere and looked up there, not copied: a workspace's million user ids are
    /// interned once in its table, and the check asks it about a few literals.
    public struct IDList: Sendable {
        /// How many ids the list holds.
        public let count: Int
        let contains: @Sendable (String) -> Bool
        let all: @Sendable () -> [String]

        /// A list of `count` ids answering `contains`, and listing them all with `all` (only for
        /// the message about a literal that is not one of them).
        public init(count: Int, contains: @escaping @Sendable (String) -> Bool, all: @escaping @Sendable () -> [String]) {
            self.count = count
            self.contains = contains
            self.all = all
        }
    }

    /// The ids of one type: those inserted one by one and those of lists.
    struct Known {
        let set: Set<String>
        let lists: [IDList]

        func contains(_ id: String) -> Bool {
            set.contains(id) || lists.contains { $0.contains(id) }
        }

        /// Every id, each once (for suggestions and listings).
        var all: Set<String> { lists.reduce(into: set) { all, list in all.formUnion(list.all()) } }
    }

    /// No ids yet, from `origin`.
    public init(origin: String) {
        self.origin = origin
    }

    /// Adds the id of an object of type `type`.
    public mutating func insert(_ id: String, type: String) {
        ids[type, default: []].insert(id)
    }

    /// Adds the ids of `list`, of objects of type `type`.
    public mutating func insert(_ list: IDList, type: String) {
        guard list.count > 0 else { return }
        lists[type, default: []].append(list)
    }

    /// The ids of `type`; nil when no workspace declares one (nothing is then known about them,
    /// and nothing is checked).
    func ids(of type: String) -> Known? {
        let set = ids[type] ?? []
        let lists = lists[type] ?? []
        guard !set.isEmpty || !lists.isEmpty else { return nil }
        return Known(set: set, lists: lists)
    }

    /// Whether no id of any type is known.
    public var isEmpty: Bool { ids.values.allSatisfy(\.isEmpty) && lists.values.allSatisfy(\.isEmpty) }
}
