/// The domain as policies see it, declared once: every object type, every field with its type,
/// where its value comes from (a config key, an event key, or the model) and its line in
/// `docs/schema.md`.
///
/// Everything else follows from this table: the CEL declarations the compiler makes, the field
/// ids the CEL view of the model switches on and the scanner's field ids (generated into
/// `Generated/SchemaFieldIDs.swift`), the keys the workspace decoder accepts, the keys the event
/// scanner matches, the reference page and the editor schemas. `BYLAW_UPDATE_SCHEMA=1 swift test
/// --filter 'SchemaGeneratedTests|EditorSchemaTests'` regenerates the generated files after a
/// change; docs/schema-table.md
/// tells what else a new field needs ("Adding a field").
///
/// References are objects: `org.parent` is an Org, `app.owner` a User; an absent reference is
/// `null` and `has()` is false for it. Absent scalars and lists read as their zero values.
public enum DomainSchema {
    /// Every object type, in the order of the reference.
    public static let types: [SchemaObjectType] = workspaceTypes + eventTypes

    /// The types of a workspace config and of the model resolved from it.
    public static let workspaceTypes: [SchemaObjectType] = [
        workspace, billing, billingAccount, subscription, org, orgBilling, user, provider, app,
    ]

    /// A type by name.
    public static func type(named name: String) -> SchemaObjectType? { types.first { $0.name == name } }

    private static let labels = SchemaField.config("labels", .map(.string, .string), "free-form labels from the config (`{}` when absent)")

    public static let workspace = SchemaObjectType(
        "Workspace", doc: "A workspace configuration (`workspace` in usage and workspace rules, `before`/`after` in change rules).",
        fields: [
            .id("the workspace id", key: "workspace"),
            .config("name", .string, "the display name"),
            .config("billing", .object("Billing"), "billing mode and accounts", required: true),
            .config("subscriptions", .list(.object("Subscription")), "every subscription"),
            .config("orgs", .list(.object("Org")), "every org, in declaration order"),
            .config("users", .list(.object("User")), "every user"),
            .config("providers", .list(.object("Provider")), "every AI provider connection"),
            .config("apps", .list(.object("App")), "every app"),
            labels,
        ],
        functions: [
            SchemaFunction("org", [("id", .string)], .reference("Org"), "the org with this id, or `null`"),
            SchemaFunction("user", [("id", .string)], .reference("User"), "the user with this id, or `null`"),
            SchemaFunction("app", [("id", .string)], .reference("App"), "the app with this id, or `null`"),
            SchemaFunction("provider", [("id", .string)], .reference("Provider"), "the provider with this id, or `null`"),
            SchemaFunction("account", [("id", .string)], .reference("BillingAccount"), "the billing account with this id, or `null`"),
            SchemaFunction("subscription", [("id", .string)], .reference("Subscription"), "the subscription with this id, or `null`"),
        ])

    public static let billing = SchemaObjectType(
        "Billing", doc: "The workspace's billing: its mode is chosen at creation and permanent.",
        fields: [
            .config("mode", .enumeration(SchemaEnum(BillingMode.self)), required: true),
            .config("accounts", .list(.object("BillingAccount")), "every billing account"),
            // The config's `billing.labels` are kept in the model but not shown to policies.
            .config("labels", .map(.string, .string), "free-form labels from the config", isVisible: false),
        ])

    public static let billingAccount = SchemaObjectType(
        "BillingAccount", doc: "A billing account, invoiced on its own.",
        fields: [
            .id("the account id"),
            .config("currency", .string, "ISO 4217 code, e.g. `USD`", required: true),
            .config("owner", .string, "who owns the account, as written in the config"),
            .derived("subscriptions", .list(.reference("Subscription")), "the subscriptions this account holds"),
            labels,
        ])

    public static let subscription = SchemaObjectType(
        "Subscription", doc: "Seats, provider credits or features bought by one billing account.",
        fields: [
            .id("the subscription id"),
            .config("account", .reference("BillingAccount"), "the account that pays for it (`null` if unknown)", required: true),
            .config("resource", .string, "what it provides", required: true),
            .config("quantity", .int, "how many"),
            labels,
        ])

    public static let org = SchemaObjectType(
        "Org", doc: "An organization in the workspace's org tree.",
        fields: [
            .id("the org id"),
            .config("name", .string, "the display name"),
            .config("parent", .reference("Org"), "the parent org, `null` for a top-level org"),
            .derived("root", .reference("Org"), "the top-level org of this org's tree (itself when top-level)"),
            .derived("ancestors", .list(.reference("Org")), "parent, grandparent, … up to the root"),
            .derived("children", .list(.reference("Org")), "the orgs whose parent this is"),
            .derived("depth", .int, "0 for a top-level org"),
            .config("billing_account", .reference("BillingAccount"), "the account this org DECLARES, `null` when it declares none"),
            .derived("billing", .object("OrgBilling"), "billing as resolved by the workspace's mode"),
            .derived("users", .list(.reference("User")), "the users who belong to this org"),
            labels,
        ])

    public static let orgBilling = SchemaObjectType(
        "OrgBilling", doc: "An org's billing, resolved by the workspace's billing mode.",
        fields: [
            .derived(
                "accounts", .list(.reference("BillingAccount")),
                "single: the one account; assigned: the root's account (empty if it has none); pooled: every contributing account"),
            .derived("account", .reference("BillingAccount"), "the one account that pays for this org, `null` in pooled mode or when unresolved"),
            .derived("silo", .string, "the root org's id in assigned mode, the workspace id otherwise"),
            .derived("inherited_from", .reference("Org"), "the org whose `billing_account` decided (assigned mode), else `null`"),
        ])

    public static let user = SchemaObjectType(
        "User", doc: "A person with an account in the workspace.",
        fields: [
            .id("the user id"),
            .config("email", .string, "the email address"),
            .config("org", .reference("Org"), "the org the user belongs to", required: true),
            .config("status", .enumeration(SchemaEnum(UserStatus.self))),
            .config("offboarded_on", .timestamp, "when the user was offboarded (`has()` tells whether it is set)"),
            .derived("owned_apps", .list(.reference("App")), "the apps this user owns"),
            labels,
        ])

    public static let provider = SchemaObjectType(
        "Provider", doc: "A connection to an AI provider (OpenAI, Together, Groq, xAI, …).",
        fields: [
            .id("the provider id"),
            .config("vendor", .string, "the vendor's name", required: true),
            .config("custody", .enumeration(SchemaEnum(Custody.self)), required: true),
            .config("training_opt_out", .bool, "whether training on the company's data is opted out"),
            labels,
        ])

    public static let app = SchemaObjectType(
        "App", doc: "An AI app people use.",
        fields: [
            .id("the app id"),
            .config("kind", .enumeration(SchemaEnum(AppKind.self)), required: true),
            .config("owner", .reference("User"), "the one named owner"),
            .config("provider", .reference("Provider"), "the provider it runs on", required: true),
            .config("orgs", .list(.reference("Org")), "the orgs it is offered to (empty: all)"),
            .config("data", .list(.enumeration(SchemaEnum(DataClassification.self))), "the data classifications it may receive"),
            labels,
        ])
}

extension SchemaField {
    /// The object's id, written under `key`.
    static func id(_ doc: String, key: String = "id") -> SchemaField {
        SchemaField("id", .string, doc, source: .id(key: key))
    }

    /// A field the workspace config writes under `key` (its name unless given).
    static func config(
        _ name: String, _ type: SchemaType, _ doc: String? = nil, key: String? = nil, required: Bool = false, isVisible: Bool = true
    ) -> SchemaField {
        SchemaField(name, type, doc, source: .config(key: key ?? name, required: required), isVisible: isVisible)
    }

    /// A field the model computes.
    static func derived(_ name: String, _ type: SchemaType, _ doc: String) -> SchemaField {
        SchemaField(name, type, doc, source: .derived)
    }

    /// A field of a usage event, written under `key` in the line (its name unless given);
    /// `holdsIDOf` names the workspace object type whose id it holds.
    static func event(_ name: String, _ type: SchemaType, _ doc: String? = nil, key: String? = nil, holdsIDOf: String? = nil) -> SchemaField {
        SchemaField(name, type, doc, source: .stream(key: key ?? name), holdsIDOf: holdsIDOf)
    }
}
