import BylawSource

/// One billing account declared under `billing.accounts`.
///
/// Objects of a ``Workspace`` are immutable once the loader returns it. The subscriptions that
/// name an account: ``Workspace/subscriptions(of:)``.
public final class BillingAccount: WorkspaceObject, Sendable {
    /// What the config wrote for the account's plain fields.
    struct Values: ConfigValues {
        var currency: String?
        var owner: String?
        var labels: [String: String] = [:]

        mutating func set(_ field: BillingAccountField, _ value: ConfigValue) {
            switch field {
            case .currency: currency = value.string
            case .owner: owner = value.string
            case .labels: labels = value.labels ?? [:]
            case .id, .subscriptions: break
            }
        }
    }

    public let id: String
    let values: Values
    /// Position in `billing.accounts`.
    public let index: Int
    public let file: SourceFile
    public let spans: FieldRanges<BillingAccountField>

    init(id: String, values: Values, index: Int, file: SourceFile, spans: FieldRanges<BillingAccountField>) {
        self.id = id
        self.values = values
        self.index = index
        self.file = file
        self.spans = spans
    }

    /// An ISO 4217 code as written (`EUR`, `USD`); not checked against the list.
    public var currency: String { values.currency ?? "" }
    /// Who answers for the account (free text, usually an email); `""` when not written.
    public var owner: String { values.owner ?? "" }
    public var labels: [String: String] { values.labels }

    public func value(_ field: BillingAccountField) -> ConfigValue? {
        switch field {
        case .currency: return .string(currency)
        case .owner: return .string(owner)
        case .labels: return .labels(labels)
        case .id, .subscriptions: return nil
        }
    }
}

/// A subscription (seats, provider credits, a feature) bought through one billing account.
public final class Subscription: WorkspaceObject, Sendable {
    /// What the config wrote for the subscription's plain fields.
    struct Values: ConfigValues {
        var resource: String?
        var quantity: Int64?
        var labels: [String: String] = [:]

        mutating func set(_ field: SubscriptionField, _ value: ConfigValue) {
            switch field {
            case .resource: resource = value.string
            case .quantity: quantity = value.integer
            case .labels: labels = value.labels ?? [:]
            case .id, .account: break
            }
        }
    }

    public let id: String
    let values: Values
    /// The account that pays for it.
    public let account: BillingAccount
    /// Position in `subscriptions`.
    public let index: Int
    public let file: SourceFile
    public let spans: FieldRanges<SubscriptionField>

    init(id: String, values: Values, account: BillingAccount, index: Int, file: SourceFile, spans: FieldRanges<SubscriptionField>) {
        self.id = id
        self.values = values
        self.account = account
        self.index = index
        self.file = file
        self.spans = spans
    }

    /// What is bought (`seats`, `openai-credits`, …), as written.
    public var resource: String { values.resource ?? "" }
    /// How many; 1 when not written.
    public var quantity: Int64 { values.quantity ?? 1 }
    public var labels: [String: String] { values.labels }

    public func value(_ field: SubscriptionField) -> ConfigValue? {
        switch field {
        case .resource: return .string(resource)
        case .quantity: return .integer(quantity)
        case .labels: return .labels(labels)
        case .id, .account: return nil
        }
    }
}

/// The workspace's `billing` section: its mode and declared accounts.
public final class Billing: WorkspaceObject, Sendable {
    /// What the config wrote for the section's plain fields.
    struct Values: ConfigValues {
        var mode: BillingMode?
        var labels: [String: String] = [:]

        mutating func set(_ field: BillingField, _ value: ConfigValue) {
            switch field {
            case .mode: mode = value.enumeration()
            case .labels: labels = value.labels ?? [:]
            case .accounts: break
            }
        }
    }

    let values: Values
    /// Every declared account, in declaration order.
    public let accounts: [BillingAccount]
    public let file: SourceFile
    /// Positions of the section and its fields (`object` covers the `billing:` key and value).
    public let spans: FieldRanges<BillingField>

    init(values: Values, accounts: [BillingAccount], file: SourceFile, spans: FieldRanges<BillingField>) {
        self.values = values
        self.accounts = accounts
        self.file = file
        self.spans = spans
    }

    // A loaded workspace always has a mode (the decoder requires it); `single` is never read.
    public var mode: BillingMode { values.mode ?? .single }
    public var labels: [String: String] { values.labels }

    public func value(_ field: BillingField) -> ConfigValue? {
        switch field {
        case .mode: return .string(mode.rawValue)
        case .labels: return .labels(labels)
        case .accounts: return nil
        }
    }
}
