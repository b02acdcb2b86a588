// Generated from the table in Sources/BylawSchema/DomainSchema*.swift; do not edit.
// After changing the table: BYLAW_UPDATE_SCHEMA=1 swift test --filter SchemaGeneratedTests
import BylawSource

/// The fields of `Workspace`, in the table's order: a case's raw value is the field's CEL index.
public enum WorkspaceField: Int, ObjectFieldID {
    case id, name, billing, subscriptions, orgs, users, providers, apps, labels

    public typealias Ranges = InlineArray<10, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.workspace }
    public static let configKeys: [String] = ["workspace", "name", "billing", "subscriptions", "orgs", "users", "providers", "apps", "labels"]

    public static var idField: WorkspaceField? { .id }
    public static let requiredFields: [WorkspaceField] = [.id, .billing]

    public init?(configKey: String) {
        switch configKey {
        case "workspace": self = .id
        case "name": self = .name
        case "billing": self = .billing
        case "subscriptions": self = .subscriptions
        case "orgs": self = .orgs
        case "users": self = .users
        case "providers": self = .providers
        case "apps": self = .apps
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .id: return "workspace"
        case .name: return "name"
        case .billing: return "billing"
        case .subscriptions: return "subscriptions"
        case .orgs: return "orgs"
        case .users: return "users"
        case .providers: return "providers"
        case .apps: return "apps"
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .id: return 1
        case .name: return 2
        case .billing: return 3
        case .subscriptions: return 4
        case .orgs: return 5
        case .users: return 6
        case .providers: return 7
        case .apps: return 8
        case .labels: return 9
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .id, .billing, .subscriptions, .orgs, .users, .providers, .apps: return nil
        case .name: return .string
        case .labels: return .labels
        }
    }
}

/// The fields of `Billing`, in the table's order: a case's raw value is the field's CEL index.
public enum BillingField: Int, ObjectFieldID {
    case mode, accounts, labels

    public typealias Ranges = InlineArray<4, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.billing }
    public static let configKeys: [String] = ["mode", "accounts", "labels"]

    public static var idField: BillingField? { nil }
    public static let requiredFields: [BillingField] = [.mode]

    public init?(configKey: String) {
        switch configKey {
        case "mode": self = .mode
        case "accounts": self = .accounts
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .mode: return "mode"
        case .accounts: return "accounts"
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .mode: return 1
        case .accounts: return 2
        case .labels: return 3
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .mode: return .enumeration
        case .accounts: return nil
        case .labels: return .labels
        }
    }
}

/// The fields of `BillingAccount`, in the table's order: a case's raw value is the field's CEL index.
public enum BillingAccountField: Int, ObjectFieldID {
    case id, currency, owner, subscriptions, labels

    public typealias Ranges = InlineArray<5, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.billingAccount }
    public static let configKeys: [String] = ["id", "currency", "owner", "labels"]

    public static var idField: BillingAccountField? { .id }
    public static let requiredFields: [BillingAccountField] = [.id, .currency]

    public init?(configKey: String) {
        switch configKey {
        case "id": self = .id
        case "currency": self = .currency
        case "owner": self = .owner
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .id: return "id"
        case .currency: return "currency"
        case .owner: return "owner"
        case .subscriptions: return nil
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .id: return 1
        case .currency: return 2
        case .owner: return 3
        case .subscriptions: return nil
        case .labels: return 4
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .id, .subscriptions: return nil
        case .currency, .owner: return .string
        case .labels: return .labels
        }
    }
}

/// The fields of `Subscription`, in the table's order: a case's raw value is the field's CEL index.
public enum SubscriptionField: Int, ObjectFieldID {
    case id, account, resource, quantity, labels

    public typealias Ranges = InlineArray<6, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.subscription }
    public static let configKeys: [String] = ["id", "account", "resource", "quantity", "labels"]

    public static var idField: SubscriptionField? { .id }
    public static let requiredFields: [SubscriptionField] = [.id, .account, .resource]

    public init?(configKey: String) {
        switch configKey {
        case "id": self = .id
        case "account": self = .account
        case "resource": self = .resource
        case "quantity": self = .quantity
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .id: return "id"
        case .account: return "account"
        case .resource: return "resource"
        case .quantity: return "quantity"
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .id: return 1
        case .account: return 2
        case .resource: return 3
        case .quantity: return 4
        case .labels: return 5
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .id, .account: return nil
        case .resource: return .string
        case .quantity: return .integer
        case .labels: return .labels
        }
    }
}

/// The fields of `Org`, in the table's order: a case's raw value is the field's CEL index.
public enum OrgField: Int, ObjectFieldID {
    case id, name, parent, root, ancestors, children, depth, billing_account, billing, users, labels

    public typealias Ranges = InlineArray<6, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.org }
    public static let configKeys: [String] = ["id", "name", "parent", "billing_account", "labels"]

    public static var idField: OrgField? { .id }
    public static let requiredFields: [OrgField] = [.id]

    public init?(configKey: String) {
        switch configKey {
        case "id": self = .id
        case "name": self = .name
        case "parent": self = .parent
        case "billing_account": self = .billing_account
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .id: return "id"
        case .name: return "name"
        case .parent: return "parent"
        case .root, .ancestors, .children, .depth, .billing, .users: return nil
        case .billing_account: return "billing_account"
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .id: return 1
        case .name: return 2
        case .parent: return 3
        case .root, .ancestors, .children, .depth, .billing, .users: return nil
        case .billing_account: return 4
        case .labels: return 5
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .id, .parent, .root, .ancestors, .children, .depth, .billing_account, .billing, .users: return nil
        case .name: return .string
        case .labels: return .labels
        }
    }
}

/// The fields of `OrgBilling`, in the table's order: a case's raw value is the field's CEL index.
public enum OrgBillingField: Int, ObjectFieldID {
    case accounts, account, silo, inherited_from

    public typealias Ranges = InlineArray<1, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.orgBilling }
    public static let configKeys: [String] = []

    public static var idField: OrgBillingField? { nil }
    public static let requiredFields: [OrgBillingField] = []

    public init?(configKey: String) {
        switch configKey {
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .accounts, .account, .silo, .inherited_from: return nil
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .accounts, .account, .silo, .inherited_from: return nil
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .accounts, .account, .silo, .inherited_from: return nil
        }
    }
}

/// The fields of `User`, in the table's order: a case's raw value is the field's CEL index.
public enum UserField: Int, ObjectFieldID {
    case id, email, org, status, offboarded_on, owned_apps, labels

    public typealias Ranges = InlineArray<7, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.user }
    public static let configKeys: [String] = ["id", "email", "org", "status", "offboarded_on", "labels"]

    public static var idField: UserField? { .id }
    public static let requiredFields: [UserField] = [.id, .org]

    public init?(configKey: String) {
        switch configKey {
        case "id": self = .id
        case "email": self = .email
        case "org": self = .org
        case "status": self = .status
        case "offboarded_on": self = .offboarded_on
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .id: return "id"
        case .email: return "email"
        case .org: return "org"
        case .status: return "status"
        case .offboarded_on: return "offboarded_on"
        case .owned_apps: return nil
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .id: return 1
        case .email: return 2
        case .org: return 3
        case .status: return 4
        case .offboarded_on: return 5
        case .owned_apps: return nil
        case .labels: return 6
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .id, .org, .owned_apps: return nil
        case .email: return .string
        case .status: return .enumeration
        case .offboarded_on: return .date
        case .labels: return .labels
        }
    }
}

/// The fields of `Provider`, in the table's order: a case's raw value is the field's CEL index.
public enum ProviderField: Int, ObjectFieldID {
    case id, vendor, custody, training_opt_out, labels

    public typealias Ranges = InlineArray<6, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.provider }
    public static let configKeys: [String] = ["id", "vendor", "custody", "training_opt_out", "labels"]

    public static var idField: ProviderField? { .id }
    public static let requiredFields: [ProviderField] = [.id, .vendor, .custody]

    public init?(configKey: String) {
        switch configKey {
        case "id": self = .id
        case "vendor": self = .vendor
        case "custody": self = .custody
        case "training_opt_out": self = .training_opt_out
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .id: return "id"
        case .vendor: return "vendor"
        case .custody: return "custody"
        case .training_opt_out: return "training_opt_out"
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .id: return 1
        case .vendor: return 2
        case .custody: return 3
        case .training_opt_out: return 4
        case .labels: return 5
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .id: return nil
        case .vendor: return .string
        case .custody: return .enumeration
        case .training_opt_out: return .bool
        case .labels: return .labels
        }
    }
}

/// The fields of `App`, in the table's order: a case's raw value is the field's CEL index.
public enum AppField: Int, ObjectFieldID {
    case id, kind, owner, provider, orgs, data, labels

    public typealias Ranges = InlineArray<8, FieldRange>
    public static var objectType: SchemaObjectType { DomainSchema.app }
    public static let configKeys: [String] = ["id", "kind", "owner", "provider", "orgs", "data", "labels"]

    public static var idField: AppField? { .id }
    public static let requiredFields: [AppField] = [.id, .kind, .provider]

    public init?(configKey: String) {
        switch configKey {
        case "id": self = .id
        case "kind": self = .kind
        case "owner": self = .owner
        case "provider": self = .provider
        case "orgs": self = .orgs
        case "data": self = .data
        case "labels": self = .labels
        default: return nil
        }
    }

    public var configKey: String? {
        switch self {
        case .id: return "id"
        case .kind: return "kind"
        case .owner: return "owner"
        case .provider: return "provider"
        case .orgs: return "orgs"
        case .data: return "data"
        case .labels: return "labels"
        }
    }

    @inlinable public var rangeSlot: Int? {
        switch self {
        case .id: return 1
        case .kind: return 2
        case .owner: return 3
        case .provider: return 4
        case .orgs: return 5
        case .data: return 6
        case .labels: return 7
        }
    }

    @inlinable public var configValueKind: ConfigValueKind? {
        switch self {
        case .id, .owner, .provider, .orgs: return nil
        case .kind: return .enumeration
        case .data: return .enumerationList
        case .labels: return .labels
        }
    }
}

/// A field of the usage event format (docs/usage-events.md), numbered for the scanner: the raw
/// value is the field's bit in ``UsageEventFields`` and, for strings and numbers, its slot in
/// the event. The cases are grouped by the JSON type they take, so a range check tells it.
public enum UsageEventField: UInt8, CaseIterable, Sendable, Hashable {
    // Strings (their decoded UTF-8 is kept in the event).
    case id = 0, time, kind, user, org, scope, app, provider, model, subscription, category, costCurrency, artifactType
    case artifactClassification, destinationKind, destinationApp, targetScope, targetOrg, targetUser
    // Integers.
    case tokensIn, tokensOut
    // Decimals.
    case costAmount
    // Objects: present when the object itself is present (even if empty).
    case tokens, cost, artifact, destination, target

    /// The raw value of the first integer, decimal and object field.
    @inlinable public static var integerStart: UInt8 { 19 }
    @inlinable public static var decimalStart: UInt8 { 21 }
    @inlinable public static var objectStart: UInt8 { 22 }
    /// Number of fields.
    public static var count: Int { 27 }
    /// Number of object fields (the parts of an event).
    public static var objectCount: Int { 5 }

    /// Inline storage with one element per integer field and per decimal field: the event's
    /// layout, sized by the table.
    public typealias IntegerArray<Element> = InlineArray<2, Element>
    public typealias DecimalArray<Element> = InlineArray<1, Element>
}
