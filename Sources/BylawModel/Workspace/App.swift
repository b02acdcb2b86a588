import BylawSource

/// An application people use: a company app or a consumer chat.
///
/// Its owner, provider and orgs are held strongly: an app kept after its workspace still answers.
public final class App: WorkspaceObject, Sendable {
    /// What the config wrote for the app's plain fields.
    struct Values: ConfigValues {
        var kind: AppKind?
        var data: [DataClassification] = []
        var labels: [String: String] = [:]

        mutating func set(_ field: AppField, _ value: ConfigValue) {
            switch field {
            case .kind: kind = value.enumeration()
            case .data: data = value.enumerations()
            case .labels: labels = value.labels ?? [:]
            case .id, .owner, .provider, .orgs: break
            }
        }
    }

    public let id: String
    let values: Values
    /// The owner; nil when the app names none (a policy finding, not a load error).
    public let owner: User?
    public let provider: Provider
    /// The orgs the app is limited to, in the order written; empty when `orgs` is not written.
    public let orgs: [Org]
    /// Position in `apps`.
    public let index: Int
    public let file: SourceFile
    public let spans: FieldRanges<AppField>

    init(id: String, values: Values, owner: User?, provider: Provider, orgs: [Org], index: Int, file: SourceFile, spans: FieldRanges<AppField>) {
        self.id = id
        self.values = values
        self.owner = owner
        self.provider = provider
        self.orgs = orgs
        self.index = index
        self.file = file
        self.spans = spans
    }

    // A loaded workspace always has a kind (the decoder requires it); `company` is never read.
    public var kind: AppKind { values.kind ?? .company }
    /// The classifications the app may receive, in the order written.
    public var data: [DataClassification] { values.data }
    public var labels: [String: String] { values.labels }

    public func value(_ field: AppField) -> ConfigValue? {
        switch field {
        case .kind: return .string(kind.rawValue)
        case .data: return .strings(data.map(\.rawValue))
        case .labels: return .labels(labels)
        case .id, .owner, .provider, .orgs: return nil
        }
    }
}
