import BylawSource

/// A person of the workspace, member of one org (held strongly: a user kept after its
/// workspace still knows its org). The apps it owns: ``Workspace/apps(ownedBy:)``.
public final class User: WorkspaceObject, Sendable {
    /// What the config wrote for the user's plain fields.
    struct Values: ConfigValues {
        var email: String?
        var status: UserStatus?
        var offboardedOn: String?
        var labels: [String: String] = [:]

        mutating func set(_ field: UserField, _ value: ConfigValue) {
            switch field {
            case .email: email = value.string
            case .status: status = value.enumeration()
            case .offboarded_on: offboardedOn = value.date
            case .labels: labels = value.labels ?? [:]
            case .id, .org, .owned_apps: break
            }
        }
    }

    public let id: String
    let values: Values
    public let org: Org
    /// Position in `users`.
    public let index: Int
    public let file: SourceFile
    public let spans: FieldRanges<UserField>

    init(id: String, values: Values, org: Org, index: Int, file: SourceFile, spans: FieldRanges<UserField>) {
        self.id = id
        self.values = values
        self.org = org
        self.index = index
        self.file = file
        self.spans = spans
    }

    /// `""` when not written.
    public var email: String { values.email ?? "" }
    /// `active` when not written.
    public var status: UserStatus { values.status ?? .active }
    /// The `YYYY-MM-DD` date written as `offboarded_on`, if any (whatever the status says:
    /// policies compare the two).
    public var offboardedOn: String? { values.offboardedOn }
    public var labels: [String: String] { values.labels }

    public func value(_ field: UserField) -> ConfigValue? {
        switch field {
        case .email: return .string(email)
        case .status: return .string(status.rawValue)
        case .offboarded_on: return offboardedOn.map(ConfigValue.date)
        case .labels: return .labels(labels)
        case .id, .org, .owned_apps: return nil
        }
    }
}
