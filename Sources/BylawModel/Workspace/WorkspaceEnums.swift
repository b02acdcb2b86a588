/// How a workspace is billed; chosen at creation and permanent.
public enum BillingMode: String, Sendable, CaseIterable {
    /// Exactly one billing account; every org draws from one workspace-wide pool.
    case single
    /// Every top-level org has its own account, inherited by its descendants; each tree is a silo.
    case assigned
    /// Several accounts contribute subscriptions to one workspace-wide pool.
    case pooled
}

/// Whether a user still works here.
public enum UserStatus: String, Sendable, CaseIterable {
    case active
    case offboarded
}

/// Who holds the keys of an AI provider connection.
public enum Custody: String, Sendable, CaseIterable {
    /// The company's own provider account (bring your own subscription).
    case byos
    /// One login shared by several people: defeats per-user audit.
    case sharedLogin = "shared-login"
    /// Keys held by the workspace vendor's pool.
    case vendorPool = "vendor-pool"
}

/// What kind of application an app is.
public enum AppKind: String, Sendable, CaseIterable {
    case company
    case consumerChat = "consumer-chat"
}

/// The classification of the data an artifact holds or an app may receive.
public enum DataClassification: String, Sendable, CaseIterable {
    case `public`
    case `internal`
    case client
    case patient
    case accountNumber = "account-number"
}
