/// The ids some workspaces declare, by object type (`Org`, `User`, …, as the schema table names
/// them), and where they come from: what a string literal compared with an id field may be
/// (``KnownValueCheck``). The compiler knows no workspace; a run that has some fills this in.
public struct KnownIDs: Sendable {
    private var ids: [String: Set<String>] = [:]
    /// How messages name where the ids come from (`Examples/workspaces/acme.yaml`, `the
    /// workspaces of this policy's tests`).
    public var origin: String

    /// No ids yet, from `origin`.
    public init(origin: String) {
        self.origin = origin
    }

    /// Adds the id of an object of type `type`.
    public mutating func insert(_ id: String, type: String) {
        ids[type, default: []].insert(id)
    }

    /// The ids of `type`; nil when no workspace declares one (nothing is then known about them,
    /// and nothing is checked).
    public func ids(of type: String) -> Set<String>? {
        guard let known = ids[type], !known.isEmpty else { return nil }
        return known
    }

    /// Whether no id of any type is known.
    public var isEmpty: Bool { ids.values.allSatisfy(\.isEmpty) }
}
