import BylawSource
import BylawYAML

// The document's top level and its `billing` section.
extension WorkspaceDecoder {
    /// Decodes a whole document; nil only when it is not a mapping.
    mutating func workspace(_ node: YAMLNode) -> WorkspaceDecl? {
        object(node, what: "a workspace config", noun: "the workspace config") { decoder, decl, field, key, pair in
            let value = pair.value
            switch field {
            case .billing: decoder.billing(value, into: &decl); decl.billingSpans.object = decoder.fieldRange(pair)
            case .subscriptions: decl.subscriptions = decoder.list(value, field: key).compactMap { decoder.subscription($0) }
            case .orgs: decl.orgs = decoder.list(value, field: key).compactMap { decoder.org($0) }
            case .users: decl.users = decoder.list(value, field: key).compactMap { decoder.user($0) }
            case .providers: decl.providers = decoder.list(value, field: key).compactMap { decoder.provider($0) }
            case .apps: decl.apps = decoder.list(value, field: key).compactMap { decoder.app($0) }
            default: return false
            }
            return true
        }
    }

    private mutating func billing(_ node: YAMLNode, into decl: inout WorkspaceDecl) {
        guard let fields = fields(of: node, what: "the billing section", as: BillingField.self) else { return }
        for (field, key, pair) in fields {
            switch field {
            case .accounts: decl.accounts = list(pair.value, field: key).compactMap { account($0) }
            default: plain(field, key, pair.value, into: &decl.billingValues)
            }
            decl.billingSpans[field] = fieldRange(pair)
        }
        requireFields(decl.billingSpans, in: "the billing section", object: node, id: nil)
    }
}
