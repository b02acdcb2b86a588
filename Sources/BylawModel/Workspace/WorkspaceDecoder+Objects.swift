import BylawSource
import BylawYAML

// One decoding function per object kind: each reads the keys the table gives the kind (plain
// values through `plain`, ids and references here), reports the others, then reports the
// required fields that were not written.
extension WorkspaceDecoder {
    mutating func account(_ node: YAMLNode) -> AccountDecl? {
        guard let fields = fields(of: node, what: "a billing account", as: BillingAccountField.self) else { return nil }
        var decl = AccountDecl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            switch field {
            case .id: decl.id = located(pair.value, field: key)
            default: plain(field, key, pair.value, into: &decl.values)
            }
            decl.spans[field] = fieldRange(pair)
        }
        requireFields(decl.spans, in: "billing account", object: node, id: decl.id)
        return decl
    }

    mutating func subscription(_ node: YAMLNode) -> SubscriptionDecl? {
        guard let fields = fields(of: node, what: "a subscription", as: SubscriptionField.self) else { return nil }
        var decl = SubscriptionDecl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            switch field {
            case .id: decl.id = located(pair.value, field: key)
            case .account: decl.account = located(pair.value, field: key)
            default: plain(field, key, pair.value, into: &decl.values)
            }
            decl.spans[field] = fieldRange(pair)
        }
        requireFields(decl.spans, in: "subscription", object: node, id: decl.id)
        return decl
    }

    mutating func org(_ node: YAMLNode) -> OrgDecl? {
        guard let fields = fields(of: node, what: "an org", as: OrgField.self) else { return nil }
        var decl = OrgDecl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            switch field {
            case .id: decl.id = located(pair.value, field: key)
            // `parent: null` and `billing_account: null` say "none", as leaving them out does.
            case .parent:
                guard !pair.value.isNull else { continue }
                decl.parent = located(pair.value, field: key)
            case .billing_account:
                guard !pair.value.isNull else { continue }
                decl.billingAccount = located(pair.value, field: key)
            default: plain(field, key, pair.value, into: &decl.values)
            }
            decl.spans[field] = fieldRange(pair)
        }
        requireFields(decl.spans, in: "org", object: node, id: decl.id)
        return decl
    }

    mutating func user(_ node: YAMLNode) -> UserDecl? {
        guard let fields = fields(of: node, what: "a user", as: UserField.self) else { return nil }
        var decl = UserDecl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            switch field {
            case .id: decl.id = located(pair.value, field: key)
            case .org: decl.org = located(pair.value, field: key)
            default: plain(field, key, pair.value, into: &decl.values)
            }
            decl.spans[field] = fieldRange(pair)
        }
        requireFields(decl.spans, in: "user", object: node, id: decl.id)
        return decl
    }

    mutating func provider(_ node: YAMLNode) -> ProviderDecl? {
        guard let fields = fields(of: node, what: "a provider", as: ProviderField.self) else { return nil }
        var decl = ProviderDecl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            switch field {
            case .id: decl.id = located(pair.value, field: key)
            default: plain(field, key, pair.value, into: &decl.values)
            }
            decl.spans[field] = fieldRange(pair)
        }
        requireFields(decl.spans, in: "provider", object: node, id: decl.id)
        return decl
    }

    mutating func app(_ node: YAMLNode) -> AppDecl? {
        guard let fields = fields(of: node, what: "an app", as: AppField.self) else { return nil }
        var decl = AppDecl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            switch field {
            case .id: decl.id = located(pair.value, field: key)
            case .owner:
                // An owner left null is an app without one: a policy's finding, like a missing key.
                guard !pair.value.isNull else { continue }
                decl.owner = owner(pair.value)
            case .provider: decl.provider = located(pair.value, field: key)
            case .orgs: decl.orgs = list(pair.value, field: key).compactMap { located($0, field: key) }
            default: plain(field, key, pair.value, into: &decl.values)
            }
            decl.spans[field] = fieldRange(pair)
        }
        requireFields(decl.spans, in: "app", object: node, id: decl.id)
        return decl
    }

    /// An app's single owner; a list gets its own hint, since "several owners" is the likely intent.
    private mutating func owner(_ node: YAMLNode) -> Located? {
        if node.isSequence {
            error(
                WorkspaceDiagnosticCode.wrongType, "expected one user id for 'owner', found a sequence", at: node.range,
                hint: "an app has exactly one owner")
            return nil
        }
        return located(node, field: "owner")
    }
}
