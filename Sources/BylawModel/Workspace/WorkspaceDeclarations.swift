import BylawSource

// What the decoder read, before ids are indexed and references resolved. A field the source
// did not write, or wrote wrongly (already reported), is nil; its span says which. Plain values
// (strings, numbers, enumerations, labels) go straight into the model type's `Values`.

/// A string with the range of its value, for ids and references (diagnostics point at it).
struct Located: Sendable {
    var text: String
    var range: SourceRange
}

/// What the decoder reads of one object: its id, its plain values and where its fields were.
protocol ObjectDecl {
    associatedtype Values: ConfigValues
    init()
    var id: Located? { get set }
    var values: Values { get set }
    var spans: FieldRanges<Values.Field> { get set }
}

struct AccountDecl: ObjectDecl {
    var id: Located?
    var values = BillingAccount.Values()
    var spans = FieldRanges<BillingAccountField>()
}

struct SubscriptionDecl: ObjectDecl {
    var id: Located?
    var account: Located?
    var values = Subscription.Values()
    var spans = FieldRanges<SubscriptionField>()
}

struct OrgDecl: ObjectDecl {
    var id: Located?
    var parent: Located?
    var billingAccount: Located?
    var values = Org.Values()
    var spans = FieldRanges<OrgField>()
}

struct ProviderDecl: ObjectDecl {
    var id: Located?
    var values = Provider.Values()
    var spans = FieldRanges<ProviderField>()
}

struct AppDecl: ObjectDecl {
    var id: Located?
    var owner: Located?
    var provider: Located?
    var orgs: [Located] = []
    var values = App.Values()
    var spans = FieldRanges<AppField>()
}

struct WorkspaceDecl: ObjectDecl {
    var id: Located?
    var values = Workspace.Values()
    var billingValues = Billing.Values()
    var accounts: [AccountDecl] = []
    var subscriptions: [SubscriptionDecl] = []
    var orgs: [OrgDecl] = []
    var users = UserColumns()
    var providers: [ProviderDecl] = []
    var apps: [AppDecl] = []
    var spans = FieldRanges<WorkspaceField>()
    var billingSpans = FieldRanges<BillingField>()
}
