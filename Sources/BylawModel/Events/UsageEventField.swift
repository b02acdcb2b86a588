/// A field of the usage event format that Bylaw knows (docs/usage-events.md).
///
/// The raw value is the field's bit in ``UsageEventFields`` and, for strings and numbers, its
/// slot in ``UsageEvent``. Nested fields are named by their dotted path (`tokens.in`).
public enum UsageEventField: UInt8, CaseIterable, Sendable, Hashable, CustomStringConvertible {
    // Strings (their decoded UTF-8 is kept in the event).
    case id = 0, time, kind, user, org, scope, app, provider, model, subscription, category
    case costCurrency, artifactType, artifactClassification, destinationKind, destinationApp
    case targetScope, targetOrg, targetUser
    // Numbers.
    case tokensIn, tokensOut, costAmount
    // Objects: present when the object itself is present (even if empty).
    case tokens, cost, artifact, destination, target

    /// The JSON type a field must have; `null` is accepted for every field and reads as absent.
    public enum ValueKind: Sendable, Hashable {
        /// A JSON string.
        case string
        /// A JSON number written as an integer (no fraction, no exponent) that fits in `Int64`.
        case integer
        /// Any finite JSON number.
        case decimal
        /// A JSON object.
        case object
    }

    /// The JSON type the field must have.
    @inline(__always)
    public var valueKind: ValueKind {
        // The cases are declared grouped by kind, so a range check decides.
        if rawValue < UsageEventField.tokensIn.rawValue { return .string }
        if rawValue < UsageEventField.costAmount.rawValue { return .integer }
        if rawValue == UsageEventField.costAmount.rawValue { return .decimal }
        return .object
    }

    /// The dotted path, as written in CEL after `event.` and in diagnostics (`tokens.in`).
    public var path: String {
        switch self {
        case .id: return "id"
        case .time: return "time"
        case .kind: return "kind"
        case .user: return "user"
        case .org: return "org"
        case .scope: return "scope"
        case .app: return "app"
        case .provider: return "provider"
        case .model: return "model"
        case .subscription: return "subscription"
        case .category: return "category"
        case .costCurrency: return "cost.currency"
        case .artifactType: return "artifact.type"
        case .artifactClassification: return "artifact.classification"
        case .destinationKind: return "destination.kind"
        case .destinationApp: return "destination.app"
        case .targetScope: return "target.scope"
        case .targetOrg: return "target.org"
        case .targetUser: return "target.user"
        case .tokensIn: return "tokens.in"
        case .tokensOut: return "tokens.out"
        case .costAmount: return "cost.amount"
        case .tokens: return "tokens"
        case .cost: return "cost"
        case .artifact: return "artifact"
        case .destination: return "destination"
        case .target: return "target"
        }
    }

    public var description: String { path }

    /// The field with this dotted path (`"tokens.in"`), or `nil`.
    public init?(path: String) {
        guard let field = UsageEventField.allCases.first(where: { $0.path == path }) else { return nil }
        self = field
    }

    /// The object a nested field belongs to (`tokens` for `tokens.in`), `nil` at the top level.
    public var parent: UsageEventField? {
        switch self {
        case .tokensIn, .tokensOut: return .tokens
        case .costAmount, .costCurrency: return .cost
        case .artifactType, .artifactClassification: return .artifact
        case .destinationKind, .destinationApp: return .destination
        case .targetScope, .targetOrg, .targetUser: return .target
        default: return nil
        }
    }

    /// Number of fields that keep a text slot in the event (every string field, and `cost.amount`
    /// whose source text is kept for exact decimal arithmetic).
    static let slotCount = Int(UsageEventField.costAmount.rawValue) + 1
}

/// A set of ``UsageEventField``s as a bitset: which fields an event has, which fields the
/// compiled rules read (the scanner's mask).
public struct UsageEventFields: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32

    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// The set holding one field.
    @inlinable public init(_ field: UsageEventField) { self.rawValue = 1 << UInt32(field.rawValue) }

    /// The set holding these fields.
    public init(_ fields: [UsageEventField]) {
        var raw: UInt32 = 0
        for field in fields { raw |= 1 << UInt32(field.rawValue) }
        self.rawValue = raw
    }

    /// Every known field.
    public static let all = UsageEventFields(UsageEventField.allCases)

    /// Whether the set holds `field`.
    @inlinable @inline(__always) public func contains(_ field: UsageEventField) -> Bool {
        rawValue & (1 << UInt32(field.rawValue)) != 0
    }

    /// Adds one field.
    @inlinable @inline(__always) public mutating func insert(_ field: UsageEventField) {
        self = UsageEventFields(rawValue: rawValue | 1 << UInt32(field.rawValue))
    }

    /// The fields in the set, in declaration order.
    public var fields: [UsageEventField] { UsageEventField.allCases.filter(contains) }
}
