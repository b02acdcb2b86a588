/// The domain as policies see it: the one source of truth for the CEL declarations the compiler
/// makes and for the reference in `docs/schema.md` (a test fails when the two differ).
///
/// References are objects: `org.parent` is an Org, `app.owner` a User; an absent reference is
/// `null` and `has()` is false for it. Absent scalars and lists read as their zero values.
public enum DomainSchema {
    /// Field and function layout of every object type, in the order the evaluator reads them.
    public static let types: [SchemaObjectType] = [
        workspace, billing, billingAccount, subscription, org, orgBilling, user, provider, app,
        event, tokens, cost, artifact, destination, target,
    ]

    /// A type by name.
    public static func type(named name: String) -> SchemaObjectType? { types.first { $0.name == name } }

    private static let labels = SchemaField("labels", .map(.string, .string), "free-form labels from the config (`{}` when absent)")

    public static let workspace = SchemaObjectType(
        "Workspace", doc: "A workspace configuration (`workspace` in usage and workspace rules, `before`/`after` in change rules).",
        fields: [
            SchemaField("id", .string, "the workspace id"),
            SchemaField("name", .string, "the display name"),
            SchemaField("billing", .object("Billing"), "billing mode and accounts"),
            SchemaField("subscriptions", .list(.object("Subscription")), "every subscription"),
            SchemaField("orgs", .list(.object("Org")), "every org, in declaration order"),
            SchemaField("users", .list(.object("User")), "every user"),
            SchemaField("providers", .list(.object("Provider")), "every AI provider connection"),
            SchemaField("apps", .list(.object("App")), "every app"),
            labels,
        ],
        functions: [
            SchemaFunction("org", [("id", .string)], .object("Org"), "the org with this id, or `null`"),
            SchemaFunction("user", [("id", .string)], .object("User"), "the user with this id, or `null`"),
            SchemaFunction("app", [("id", .string)], .object("App"), "the app with this id, or `null`"),
            SchemaFunction("provider", [("id", .string)], .object("Provider"), "the provider with this id, or `null`"),
            SchemaFunction("account", [("id", .string)], .object("BillingAccount"), "the billing account with this id, or `null`"),
            SchemaFunction("subscription", [("id", .string)], .object("Subscription"), "the subscription with this id, or `null`"),
        ])

    public static let billing = SchemaObjectType(
        "Billing", doc: "The workspace's billing: its mode is chosen at creation and permanent.",
        fields: [
            SchemaField("mode", .string, "`single`, `assigned` or `pooled`"),
            SchemaField("accounts", .list(.object("BillingAccount")), "every billing account"),
        ])

    public static let billingAccount = SchemaObjectType(
        "BillingAccount", doc: "A billing account, invoiced on its own.",
        fields: [
            SchemaField("id", .string, "the account id"),
            SchemaField("currency", .string, "ISO 4217 code, e.g. `USD`"),
            SchemaField("owner", .string, "who owns the account, as written in the config"),
            SchemaField("subscriptions", .list(.object("Subscription")), "the subscriptions this account holds"),
            labels,
        ])

    public static let subscription = SchemaObjectType(
        "Subscription", doc: "Seats, provider credits or features bought by one billing account.",
        fields: [
            SchemaField("id", .string, "the subscription id"),
            SchemaField("account", .object("BillingAccount"), "the account that pays for it (`null` if unknown)"),
            SchemaField("resource", .string, "what it provides"),
            SchemaField("quantity", .int, "how many"),
            labels,
        ])

    public static let org = SchemaObjectType(
        "Org", doc: "An organization in the workspace's org tree.",
        fields: [
            SchemaField("id", .string, "the org id"),
            SchemaField("name", .string, "the display name"),
            SchemaField("parent", .object("Org"), "the parent org, `null` for a top-level org"),
            SchemaField("root", .object("Org"), "the top-level org of this org's tree (itself when top-level)"),
            SchemaField("ancestors", .list(.object("Org")), "parent, grandparent, … up to the root"),
            SchemaField("children", .list(.object("Org")), "the orgs whose parent this is"),
            SchemaField("depth", .int, "0 for a top-level org"),
            SchemaField("billing_account", .object("BillingAccount"), "the account this org DECLARES, `null` when it declares none"),
            SchemaField("billing", .object("OrgBilling"), "billing as resolved by the workspace's mode"),
            SchemaField("users", .list(.object("User")), "the users who belong to this org"),
            labels,
        ])

    public static let orgBilling = SchemaObjectType(
        "OrgBilling", doc: "An org's billing, resolved by the workspace's billing mode.",
        fields: [
            SchemaField("accounts", .list(.object("BillingAccount")),
                        "single: the one account; assigned: the root's account (empty if it has none); pooled: every contributing account"),
            SchemaField("account", .object("BillingAccount"), "the one account that pays for this org, `null` in pooled mode or when unresolved"),
            SchemaField("silo", .string, "the root org's id in assigned mode, the workspace id otherwise"),
            SchemaField("inherited_from", .object("Org"), "the org whose `billing_account` decided (assigned mode), else `null`"),
        ])

    public static let user = SchemaObjectType(
        "User", doc: "A person with an account in the workspace.",
        fields: [
            SchemaField("id", .string, "the user id"),
            SchemaField("email", .string, "the email address"),
            SchemaField("org", .object("Org"), "the org the user belongs to"),
            SchemaField("status", .string, "`active` or `offboarded`"),
            SchemaField("offboarded_on", .timestamp, "when the user was offboarded (`has()` tells whether it is set)"),
            SchemaField("owned_apps", .list(.object("App")), "the apps this user owns"),
            labels,
        ])

    public static let provider = SchemaObjectType(
        "Provider", doc: "A connection to an AI provider (OpenAI, Together, Groq, xAI, …).",
        fields: [
            SchemaField("id", .string, "the provider id"),
            SchemaField("vendor", .string, "the vendor's name"),
            SchemaField("custody", .string, "`byos`, `shared-login` or `vendor-pool`"),
            SchemaField("training_opt_out", .bool, "whether training on the company's data is opted out"),
            labels,
        ])

    public static let app = SchemaObjectType(
        "App", doc: "An AI app people use.",
        fields: [
            SchemaField("id", .string, "the app id"),
            SchemaField("kind", .string, "`company` or `consumer-chat`"),
            SchemaField("owner", .object("User"), "the one named owner"),
            SchemaField("provider", .object("Provider"), "the provider it runs on"),
            SchemaField("orgs", .list(.object("Org")), "the orgs it is offered to (empty: all)"),
            SchemaField("data", .list(.string), "the data classifications it may receive"),
            labels,
        ])

    public static let event = SchemaObjectType(
        "Event", doc: "One usage event (one line of a usage stream). References are ids: use `workspace.user(event.user)`.",
        fields: [
            SchemaField("id", .string, "the event id"),
            SchemaField("time", .timestamp, "when it happened"),
            SchemaField("kind", .string, "`prompt`, `upload` or `share`"),
            SchemaField("user", .string, "the user id"),
            SchemaField("org", .string, "the org id"),
            SchemaField("scope", .string, "`private` or `org`"),
            SchemaField("app", .string, "the app id"),
            SchemaField("provider", .string, "the provider id"),
            SchemaField("model", .string, "the model name"),
            SchemaField("tokens", .object("Tokens"), "token counts"),
            SchemaField("cost", .object("Cost"), "what it cost"),
            SchemaField("subscription", .string, "the subscription drawn from"),
            SchemaField("artifact", .object("Artifact"), "the artifact involved"),
            SchemaField("destination", .object("Destination"), "where it was sent"),
            SchemaField("category", .string, "the category of work"),
            SchemaField("target", .object("Target"), "for shares: who or where it was shared with"),
        ])

    public static let tokens = SchemaObjectType(
        "Tokens", doc: "Token counts of an event.",
        // `in` is a reserved word in CEL (`event.tokens.in` cannot parse), so the fields read from
        // `tokens.in` / `tokens.out` are named `input` / `output` in expressions.
        fields: [SchemaField("input", .int, "input tokens (`tokens.in` in the event)"), SchemaField("output", .int, "output tokens (`tokens.out`)")])

    public static let cost = SchemaObjectType(
        "Cost", doc: "The cost of an event.",
        fields: [SchemaField("amount", .double, "the amount"), SchemaField("currency", .string, "ISO 4217 code")])

    public static let artifact = SchemaObjectType(
        "Artifact", doc: "An artifact in an event.",
        fields: [
            SchemaField("type", .string, "e.g. `pdf`"),
            SchemaField("classification", .string, "`public`, `internal`, `client`, `patient` or `account-number`"),
        ])

    public static let destination = SchemaObjectType(
        "Destination", doc: "Where an event sent something.",
        fields: [SchemaField("kind", .string, "`company` or `consumer-chat`"), SchemaField("app", .string, "the app id")])

    public static let target = SchemaObjectType(
        "Target", doc: "The target of a share.",
        fields: [
            SchemaField("scope", .string, "`private` or `org`"),
            SchemaField("org", .string, "the org id"),
            SchemaField("user", .string, "the user id"),
        ])
}
