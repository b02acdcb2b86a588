import BylawSource
import BylawYAML

// One decoding function per object kind. `object` reads what the table says alone (the keys the
// kind accepts, its id, plain values, the required keys); each kind reads its references.
extension WorkspaceDecoder {
    mutating func account(_ node: YAMLNode) -> AccountDecl? {
        object(node, what: "a billing account", noun: "billing account") { _, _, _, _, _ in false }
    }

    mutating func subscription(_ node: YAMLNode) -> SubscriptionDecl? {
        object(node, what: "a subscription", noun: "subscription") { decoder, decl, field, key, pair in
            guard field == .account else { return false }
            decl.account = decoder.located(pair.value, field: key)
            return true
        }
    }

    mutating func org(_ node: YAMLNode) -> OrgDecl? {
        object(node, what: "an org", noun: "org") { decoder, decl, field, key, pair in
            // `parent: null` and `billing_account: null` say "none", as leaving them out does.
            guard !pair.value.isNull else { return false }
            switch field {
            case .parent: decl.parent = decoder.located(pair.value, field: key)
            case .billing_account: decl.billingAccount = decoder.located(pair.value, field: key)
            default: return false
            }
            return true
        }
    }

    mutating func provider(_ node: YAMLNode) -> ProviderDecl? {
        object(node, what: "a provider", noun: "provider") { _, _, _, _, _ in false }
    }

    mutating func app(_ node: YAMLNode) -> AppDecl? {
        object(node, what: "an app", noun: "app") { decoder, decl, field, key, pair in
            switch field {
            case .owner:
                // An owner left null is an app without one: a policy's finding, like a missing key.
                guard !pair.value.isNull else { return false }
                decl.owner = decoder.owner(pair.value)
            case .provider: decl.provider = decoder.located(pair.value, field: key)
            case .orgs: decl.orgs = decoder.list(pair.value, field: key).compactMap { decoder.located($0, field: key) }
            default: return false
            }
            return true
        }
    }

    /// Reads an object of one kind: its id and plain values as the table types them, its other
    /// fields through `read`, which returns false for a field it did not read (a `null` that
    /// means "none" keeps no position); then reports the required fields the source did not
    /// write. `what` and `noun` name the kind in messages ("unknown key 'x' in an org", "org 'us'
    /// is missing required field 'id'").
    mutating func object<Decl: ObjectDecl>(
        _ node: YAMLNode, what: String, noun: String,
        read: (inout WorkspaceDecoder, inout Decl, Decl.Values.Field, String, YAMLPair) -> Bool
    ) -> Decl? {
        guard let fields = fields(of: node, what: what, as: Decl.Values.Field.self) else { return nil }
        var decl = Decl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            if field.configValueKind != nil {
                plain(field, key, pair.value, into: &decl.values)
            } else if field == Decl.Values.Field.idField {
                decl.id = located(pair.value, field: key)
            } else if !read(&self, &decl, field, key, pair) {
                continue
            }
            decl.spans[field] = fieldRange(pair)
        }
        requireFields(decl.spans, in: noun, object: node, id: decl.id)
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
