// The usage event and its parts. Each field names the key an event line writes it under; the
// scanner's field ids (``UsageEventField``) are generated from these rows.
extension DomainSchema {
    /// The event and the types of its parts (`event.tokens`, …).
    public static let eventTypes: [SchemaObjectType] = [event, tokens, cost, artifact, destination, target]

    public static let event = SchemaObjectType(
        "Event", doc: "One usage event (one line of a usage stream). References are ids: use `workspace.user(event.user)`.",
        fields: [
            .event("id", .string, "the event id"),
            .event("time", .timestamp, "when it happened"),
            .event("kind", .enumeration(SchemaEnum(UsageEventKind.self))),
            .event("user", .string, "the user id", holdsIDOf: "User"),
            .event("org", .string, "the org id", holdsIDOf: "Org"),
            .event("scope", .enumeration(SchemaEnum(UsageEventScope.self))),
            .event("app", .string, "the app id", holdsIDOf: "App"),
            .event("provider", .string, "the provider id", holdsIDOf: "Provider"),
            .event("model", .string, "the model name"),
            .event("tokens", .object("Tokens"), "token counts"),
            .event("cost", .object("Cost"), "what it cost"),
            .event("subscription", .string, "the subscription drawn from", holdsIDOf: "Subscription"),
            .event("artifact", .object("Artifact"), "the artifact involved"),
            .event("destination", .object("Destination"), "where it was sent"),
            .event("category", .string, "the category of work"),
            .event("target", .object("Target"), "for shares: who or where it was shared with"),
        ])

    public static let tokens = SchemaObjectType(
        "Tokens", doc: "Token counts of an event.",
        // `in` is a reserved word in CEL (`event.tokens.in` cannot parse), so the fields read from
        // `tokens.in` / `tokens.out` are named `input` / `output` in expressions.
        fields: [
            .event("input", .int, "input tokens (`tokens.in` in the event)", key: "in"),
            .event("output", .int, "output tokens (`tokens.out`)", key: "out"),
        ])

    public static let cost = SchemaObjectType(
        "Cost", doc: "The cost of an event.",
        fields: [.event("amount", .double, "the amount"), .event("currency", .string, "ISO 4217 code")])

    public static let artifact = SchemaObjectType(
        "Artifact", doc: "An artifact in an event.",
        fields: [
            .event("type", .string, "e.g. `pdf`"),
            .event("classification", .enumeration(SchemaEnum(DataClassification.self))),
        ])

    public static let destination = SchemaObjectType(
        "Destination", doc: "Where an event sent something.",
        fields: [.event("kind", .enumeration(SchemaEnum(AppKind.self))), .event("app", .string, "the app id", holdsIDOf: "App")])

    public static let target = SchemaObjectType(
        "Target", doc: "The target of a share.",
        fields: [
            .event("scope", .enumeration(SchemaEnum(UsageEventScope.self))),
            .event("org", .string, "the org id", holdsIDOf: "Org"),
            .event("user", .string, "the user id", holdsIDOf: "User"),
        ])
}
