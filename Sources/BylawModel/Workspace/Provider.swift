import BylawSource

/// An AI provider connection and who holds its keys.
public final class Provider: WorkspaceObject, Sendable {
    /// What the config wrote for the provider's plain fields.
    struct Values: ConfigValues {
        var vendor: String?
        var custody: Custody?
        var trainingOptOut: Bool?
        var labels: [String: String] = [:]

        mutating func set(_ field: ProviderField, _ value: ConfigValue) {
            switch field {
            case .vendor: vendor = value.string
            case .custody: custody = value.enumeration()
            case .training_opt_out: trainingOptOut = value.bool
            case .labels: labels = value.labels ?? [:]
            case .id: break
            }
        }
    }

    public let id: String
    let values: Values
    /// Position in `providers`.
    public let index: Int
    public let file: SourceFile
    public let spans: FieldRanges<ProviderField>

    init(id: String, values: Values, index: Int, file: SourceFile, spans: FieldRanges<ProviderField>) {
        self.id = id
        self.values = values
        self.index = index
        self.file = file
        self.spans = spans
    }

    /// The vendor as written (`openai`, `together`, `groq`, `xai`, …).
    public var vendor: String { values.vendor ?? "" }
    // A loaded workspace always has a custody (the decoder requires it); `byos` is never read.
    public var custody: Custody { values.custody ?? .byos }
    /// Whether the provider account opted out of training on our data; false when not written.
    public var trainingOptOut: Bool { values.trainingOptOut ?? false }
    public var labels: [String: String] { values.labels }

    public func value(_ field: ProviderField) -> ConfigValue? {
        switch field {
        case .vendor: return .string(vendor)
        case .custody: return .string(custody.rawValue)
        case .training_opt_out: return .bool(trainingOptOut)
        case .labels: return .labels(labels)
        case .id: return nil
        }
    }
}
