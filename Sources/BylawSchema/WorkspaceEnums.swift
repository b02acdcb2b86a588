/// How a workspace is billed; chosen at creation and permanent.
public enum BillingMode: String, SchemaEnumeration {
    case single
    case assigned
    case pooled

    public static var noun: String { "billing mode" }

    public var summary: String {
        switch self {
        case .single: return "exactly one billing account; every org draws from one workspace-wide pool"
        case .assigned: return "every top-level org has its own account, inherited by its descendants; each tree is a silo"
        case .pooled: return "several accounts contribute subscriptions to one workspace-wide pool; each is invoiced on its own"
        }
    }
}

/// Whether a user still works here.
public enum UserStatus: String, SchemaEnumeration {
    case active
    case offboarded

    public static var noun: String { "user status" }

    public var summary: String {
        switch self {
        case .active: return "works here"
        case .offboarded: return "has left; must produce no usage"
        }
    }
}

/// Who holds the keys of an AI provider connection.
public enum Custody: String, SchemaEnumeration {
    case byos
    case sharedLogin = "shared-login"
    case vendorPool = "vendor-pool"

    public static var noun: String { "custody" }

    public var summary: String {
        switch self {
        case .byos: return "the company's own provider account (bring your own subscription)"
        case .sharedLogin: return "one login shared by several people: defeats per-user audit"
        case .vendorPool: return "keys held by the workspace vendor's pool"
        }
    }
}

/// What kind of application an app is.
public enum AppKind: String, SchemaEnumeration {
    case company
    case consumerChat = "consumer-chat"

    public static var noun: String { "app kind" }

    public var summary: String {
        switch self {
        case .company: return "an app the company runs or licenses for its work"
        case .consumerChat: return "a consumer chat service"
        }
    }
}

/// The classification of the data an artifact holds or an app may receive.
public enum DataClassification: String, SchemaEnumeration {
    case `public`
    case `internal`
    case client
    case patient
    case accountNumber = "account-number"

    public static var noun: String { "data classification" }

    public var summary: String {
        switch self {
        case .public: return "may be published"
        case .internal: return "the company's own, not for outsiders"
        case .client: return "clients' documents and data"
        case .patient: return "patient details"
        case .accountNumber: return "account numbers"
        }
    }
}
