/// Field indexes of the domain's CEL object types, in ``BylawPolicy/DomainSchema`` order.
///
/// The checker resolves `org.parent` to an index from the schema; these enums name the same
/// indexes for the adapters. A test asserts that each enum's case names equal the schema's field
/// names in order, so the two cannot drift apart.
enum WorkspaceField: Int, CaseIterable { case id, name, billing, subscriptions, orgs, users, providers, apps, labels }
enum BillingField: Int, CaseIterable { case mode, accounts }
enum AccountField: Int, CaseIterable { case id, currency, owner, subscriptions, labels }
enum SubscriptionField: Int, CaseIterable { case id, account, resource, quantity, labels }
enum OrgField: Int, CaseIterable { case id, name, parent, root, ancestors, children, depth, billing_account, billing, users, labels }
enum OrgBillingField: Int, CaseIterable { case accounts, account, silo, inherited_from }
enum UserField: Int, CaseIterable { case id, email, org, status, offboarded_on, owned_apps, labels }
enum ProviderField: Int, CaseIterable { case id, vendor, custody, training_opt_out, labels }
enum AppField: Int, CaseIterable { case id, kind, owner, provider, orgs, data, labels }
enum EventField: Int, CaseIterable {
    case id, time, kind, user, org, scope, app, provider, model, tokens, cost, subscription, artifact, destination, category, target
}
enum TokensField: Int, CaseIterable { case input, output }
enum CostField: Int, CaseIterable { case amount, currency }
enum ArtifactField: Int, CaseIterable { case type, classification }
enum DestinationField: Int, CaseIterable { case kind, app }
enum TargetField: Int, CaseIterable { case scope, org, user }
