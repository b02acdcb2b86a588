import BylawSource

/// One billing account declared under `billing.accounts`.
///
/// Objects of a ``Workspace`` are immutable once the loader returns it. The subscriptions that
/// name an account: ``Workspace/subscriptions(of:)``.
public final class BillingAccount: WorkspaceObject, Sendable {
    /// Positions of the account and its fields.
    public struct Spans: WorkspaceSpans {
        public var object = FieldRange.absent
        public var id = FieldRange.absent
        public var currency = FieldRange.absent
        public var owner = FieldRange.absent
        public var labels = FieldRange.absent
        public init() {}
    }

    public let id: String
    /// An ISO 4217 code as written (`EUR`, `USD`); not checked against the list.
    public let currency: String
    /// Who answers for the account (free text, usually an email); `""` when not written.
    public let owner: String
    public let labels: [String: String]
    /// Position in `billing.accounts`.
    public let index: Int
    public let file: SourceFile
    public let spans: Spans

    init(id: String, currency: String, owner: String, labels: [String: String], index: Int, file: SourceFile, spans: Spans) {
        self.id = id
        self.currency = currency
        self.owner = owner
        self.labels = labels
        self.index = index
        self.file = file
        self.spans = spans
    }
}

/// A subscription (seats, provider credits, a feature) bought through one billing account.
public final class Subscription: WorkspaceObject, Sendable {
    /// Positions of the subscription and its fields.
    public struct Spans: WorkspaceSpans {
        public var object = FieldRange.absent
        public var id = FieldRange.absent
        public var account = FieldRange.absent
        public var resource = FieldRange.absent
        public var quantity = FieldRange.absent
        public var labels = FieldRange.absent
        public init() {}
    }

    public let id: String
    /// The account that pays for it.
    public let account: BillingAccount
    /// What is bought (`seats`, `openai-credits`, …), as written.
    public let resource: String
    /// How many; 1 when not written.
    public let quantity: Int64
    public let labels: [String: String]
    /// Position in `subscriptions`.
    public let index: Int
    public let file: SourceFile
    public let spans: Spans

    init(
        id: String, account: BillingAccount, resource: String, quantity: Int64, labels: [String: String],
        index: Int, file: SourceFile, spans: Spans
    ) {
        self.id = id
        self.account = account
        self.resource = resource
        self.quantity = quantity
        self.labels = labels
        self.index = index
        self.file = file
        self.spans = spans
    }
}

/// The workspace's `billing` section: its mode and declared accounts.
public final class Billing: WorkspaceObject, Sendable {
    /// Positions of the section and its fields (`object` covers the `billing:` key and value).
    public struct Spans: WorkspaceSpans {
        public var object = FieldRange.absent
        public var mode = FieldRange.absent
        public var accounts = FieldRange.absent
        public var labels = FieldRange.absent
        public init() {}
    }

    public let mode: BillingMode
    /// Every declared account, in declaration order.
    public let accounts: [BillingAccount]
    public let labels: [String: String]
    public let file: SourceFile
    public let spans: Spans

    init(mode: BillingMode, accounts: [BillingAccount], labels: [String: String], file: SourceFile, spans: Spans) {
        self.mode = mode
        self.accounts = accounts
        self.labels = labels
        self.file = file
        self.spans = spans
    }
}
