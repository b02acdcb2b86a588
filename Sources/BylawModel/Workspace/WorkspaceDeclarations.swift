import BylawSource

// What the decoder read, before ids are indexed and references resolved. A field the source
// did not write, or wrote wrongly (already reported), is nil; its span says which. Plain values
// (strings, numbers, enumerations, labels) go straight into the model type's `Values`.

/// A string with the range of its value, for ids and references (diagnostics point at it).
struct Located: Sendable {
    var text: String
    var range: SourceRange
}

struct AccountDecl {
    var id: Located?
    var values = BillingAccount.Values()
    var spans = FieldRanges<BillingAccountField>()
}

struct SubscriptionDecl {
    var id: Located?
    var account: Located?
    var values = Subscription.Values()
    var spans = FieldRanges<SubscriptionField>()
}

struct OrgDecl {
    var id: Located?
    var parent: Located?
    var billingAccount: Located?
    var values = Org.Values()
    var spans = FieldRanges<OrgField>()
}

struct UserDecl {
    var id: Located?
    var org: Located?
    var values = User.Values()
    var spans = FieldRanges<UserField>()
}

struct ProviderDecl {
    var id: Located?
    var values = Provider.Values()
    var spans = FieldRanges<ProviderField>()
}

struct AppDecl {
    var id: Located?
    var owner: Located?
    var provider: Located?
    var orgs: [Located] = []
    var values = App.Values()
    var spans = FieldRanges<AppField>()
}

struct WorkspaceDecl {
    var id: Located?
    var values = Workspace.Values()
    var billingValues = Billing.Values()
    var accounts: [AccountDecl] = []
    var subscriptions: [SubscriptionDecl] = []
    var orgs: [OrgDecl] = []
    var users: [UserDecl] = []
    var providers: [ProviderDecl] = []
    var apps: [AppDecl] = []
    var spans = FieldRanges<WorkspaceField>()
    var billingSpans = FieldRanges<BillingField>()
}
