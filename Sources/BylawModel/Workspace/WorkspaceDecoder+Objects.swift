import BylawSource
import BylawYAML

// One decoding function per object kind: each reads every field it knows, reports the others,
// then reports the required fields that were not written.
extension WorkspaceDecoder {
    static let accountKeys = ["id", "currency", "owner", "labels"]
    static let subscriptionKeys = ["id", "account", "resource", "quantity", "labels"]
    static let orgKeys = ["id", "name", "parent", "billing_account", "labels"]
    static let userKeys = ["id", "email", "org", "status", "offboarded_on", "labels"]
    static let providerKeys = ["id", "vendor", "custody", "training_opt_out", "labels"]
    static let appKeys = ["id", "kind", "owner", "provider", "orgs", "data", "labels"]

    mutating func account(_ node: YAMLNode) -> AccountDecl? {
        guard let fields = fields(of: node, what: "a billing account", keys: Self.accountKeys) else { return nil }
        var decl = AccountDecl()
        decl.spans.object = FieldRange(node.range)
        for (key, pair) in fields {
            let span = fieldRange(pair)
            switch key {
            case "id": decl.id = located(pair.value, field: key); decl.spans.id = span
            case "currency": decl.currency = string(pair.value, field: key); decl.spans.currency = span
            case "owner": decl.owner = string(pair.value, field: key); decl.spans.owner = span
            default: decl.labels = labels(pair.value); decl.spans.labels = span
            }
        }
        require(decl.spans.id, "id", in: "billing account", object: node, id: nil)
        require(decl.spans.currency, "currency", in: "billing account", object: node, id: decl.id)
        return decl
    }

    mutating func subscription(_ node: YAMLNode) -> SubscriptionDecl? {
        guard let fields = fields(of: node, what: "a subscription", keys: Self.subscriptionKeys) else { return nil }
        var decl = SubscriptionDecl()
        decl.spans.object = FieldRange(node.range)
        for (key, pair) in fields {
            let span = fieldRange(pair)
            switch key {
            case "id": decl.id = located(pair.value, field: key); decl.spans.id = span
            case "account": decl.account = located(pair.value, field: key); decl.spans.account = span
            case "resource": decl.resource = string(pair.value, field: key); decl.spans.resource = span
            case "quantity": decl.quantity = count(pair.value, field: key); decl.spans.quantity = span
            default: decl.labels = labels(pair.value); decl.spans.labels = span
            }
        }
        require(decl.spans.id, "id", in: "subscription", object: node, id: nil)
        require(decl.spans.account, "account", in: "subscription", object: node, id: decl.id)
        require(decl.spans.resource, "resource", in: "subscription", object: node, id: decl.id)
        return decl
    }

    mutating func org(_ node: YAMLNode) -> OrgDecl? {
        guard let fields = fields(of: node, what: "an org", keys: Self.orgKeys) else { return nil }
        var decl = OrgDecl()
        decl.spans.object = FieldRange(node.range)
        for (key, pair) in fields {
            let span = fieldRange(pair)
            switch key {
            case "id": decl.id = located(pair.value, field: key); decl.spans.id = span
            case "name": decl.name = string(pair.value, field: key); decl.spans.name = span
            // `parent: null` and `billing_account: null` say "none", as leaving them out does.
            case "parent":
                if !pair.value.isNull { decl.parent = located(pair.value, field: key); decl.spans.parent = span }
            case "billing_account":
                if !pair.value.isNull {
                    decl.billingAccount = located(pair.value, field: key); decl.spans.billingAccount = span
                }
            default: decl.labels = labels(pair.value); decl.spans.labels = span
            }
        }
        require(decl.spans.id, "id", in: "org", object: node, id: nil)
        return decl
    }

    mutating func user(_ node: YAMLNode) -> UserDecl? {
        guard let fields = fields(of: node, what: "a user", keys: Self.userKeys) else { return nil }
        var decl = UserDecl()
        decl.spans.object = FieldRange(node.range)
        for (key, pair) in fields {
            let span = fieldRange(pair)
            switch key {
            case "id": decl.id = located(pair.value, field: key); decl.spans.id = span
            case "email": decl.email = string(pair.value, field: key); decl.spans.email = span
            case "org": decl.org = located(pair.value, field: key); decl.spans.org = span
            case "status": decl.status = enumValue(pair.value, field: key, noun: "user status"); decl.spans.status = span
            case "offboarded_on": decl.offboardedOn = date(pair.value, field: key); decl.spans.offboardedOn = span
            default: decl.labels = labels(pair.value); decl.spans.labels = span
            }
        }
        require(decl.spans.id, "id", in: "user", object: node, id: nil)
        require(decl.spans.org, "org", in: "user", object: node, id: decl.id)
        return decl
    }

    mutating func provider(_ node: YAMLNode) -> ProviderDecl? {
        guard let fields = fields(of: node, what: "a provider", keys: Self.providerKeys) else { return nil }
        var decl = ProviderDecl()
        decl.spans.object = FieldRange(node.range)
        for (key, pair) in fields {
            let span = fieldRange(pair)
            switch key {
            case "id": decl.id = located(pair.value, field: key); decl.spans.id = span
            case "vendor": decl.vendor = string(pair.value, field: key); decl.spans.vendor = span
            case "custody": decl.custody = enumValue(pair.value, field: key, noun: "custody"); decl.spans.custody = span
            case "training_opt_out": decl.trainingOptOut = bool(pair.value, field: key); decl.spans.trainingOptOut = span
            default: decl.labels = labels(pair.value); decl.spans.labels = span
            }
        }
        require(decl.spans.id, "id", in: "provider", object: node, id: nil)
        require(decl.spans.vendor, "vendor", in: "provider", object: node, id: decl.id)
        require(decl.spans.custody, "custody", in: "provider", object: node, id: decl.id)
        return decl
    }

    mutating func app(_ node: YAMLNode) -> AppDecl? {
        guard let fields = fields(of: node, what: "an app", keys: Self.appKeys) else { return nil }
        var decl = AppDecl()
        decl.spans.object = FieldRange(node.range)
        for (key, pair) in fields {
            let span = fieldRange(pair)
            switch key {
            case "id": decl.id = located(pair.value, field: key); decl.spans.id = span
            case "kind": decl.kind = enumValue(pair.value, field: key, noun: "app kind"); decl.spans.kind = span
            case "owner":
                // An owner left null is an app without one: a policy's finding, like a missing key.
                if !pair.value.isNull { decl.owner = owner(pair.value); decl.spans.owner = span }
            case "provider": decl.provider = located(pair.value, field: key); decl.spans.provider = span
            case "orgs":
                decl.orgs = list(pair.value, field: key).compactMap { located($0, field: "orgs") }; decl.spans.orgs = span
            case "data":
                decl.data = list(pair.value, field: key).compactMap { enumValue($0, field: "data", noun: "data classification") }; decl.spans.data = span
            default: decl.labels = labels(pair.value); decl.spans.labels = span
            }
        }
        require(decl.spans.id, "id", in: "app", object: node, id: nil)
        require(decl.spans.kind, "kind", in: "app", object: node, id: decl.id)
        require(decl.spans.provider, "provider", in: "app", object: node, id: decl.id)
        return decl
    }

    /// An app's single owner; a list gets its own hint, since "several owners" is the likely intent.
    private mutating func owner(_ node: YAMLNode) -> Located? {
        if node.isSequence {
            error(
                .workspaceWrongType, "expected one user id for 'owner', found a sequence", at: node.range,
                hint: "an app has exactly one owner")
            return nil
        }
        return located(node, field: "owner")
    }
}
