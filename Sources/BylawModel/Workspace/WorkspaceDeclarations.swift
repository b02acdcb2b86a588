import BylawSource

// What the decoder read, before ids are indexed and references resolved. A field the source
// did not write, or wrote wrongly (already reported), is nil; its span says which.

/// A string with the range of its value, for ids and references (diagnostics point at it).
struct Located: Sendable {
    var text: String
    var range: SourceRange
}

struct AccountDecl {
    var id: Located?
    var currency: String?
    var owner: String?
    var labels: [String: String] = [:]
    var spans = BillingAccount.Spans()
}

struct SubscriptionDecl {
    var id: Located?
    var account: Located?
    var resource: String?
    var quantity: Int64?
    var labels: [String: String] = [:]
    var spans = Subscription.Spans()
}

struct OrgDecl {
    var id: Located?
    var name: String?
    var parent: Located?
    var billingAccount: Located?
    var labels: [String: String] = [:]
    var spans = Org.Spans()
}

struct UserDecl {
    var id: Located?
    var email: String?
    var org: Located?
    var status: UserStatus?
    var offboardedOn: String?
    var labels: [String: String] = [:]
    var spans = User.Spans()
}

struct ProviderDecl {
    var id: Located?
    var vendor: String?
    var custody: Custody?
    var trainingOptOut: Bool?
    var labels: [String: String] = [:]
    var spans = Provider.Spans()
}

struct AppDecl {
    var id: Located?
    var kind: AppKind?
    var owner: Located?
    var provider: Located?
    var orgs: [Located] = []
    var data: [DataClassification] = []
    var labels: [String: String] = [:]
    var spans = App.Spans()
}

struct WorkspaceDecl {
    var id: Located?
    var name: String?
    var labels: [String: String] = [:]
    var mode: BillingMode?
    var billingLabels: [String: String] = [:]
    var accounts: [AccountDecl] = []
    var subscriptions: [SubscriptionDecl] = []
    var orgs: [OrgDecl] = []
    var users: [UserDecl] = []
    var providers: [ProviderDecl] = []
    var apps: [AppDecl] = []
    var spans = Workspace.Spans()
    var billingSpans = Billing.Spans()
}
