import BylawSource
import BylawYAML

// The document's top level and its `billing` section.
extension WorkspaceDecoder {
    /// Decodes a whole document; nil only when it is not a mapping. When the loader streamed
    /// the `users:` list (`streamed`, the list's node and the users read from it), those users
    /// are taken as they are.
    mutating func workspace(_ node: YAMLNode, streamed: StreamedUsers? = nil) -> WorkspaceDecl? {
        object(node, what: "a workspace config", noun: "the workspace config") { decoder, decl, field, key, pair in
            let value = pair.value
            switch field {
            case .billing: decoder.billing(value, into: &decl); decl.billingSpans.object = decoder.fieldRange(pair)
            case .subscriptions: decl.subscriptions = decoder.list(value, field: key).compactMap { decoder.subscription($0) }
            case .orgs: decl.orgs = decoder.list(value, field: key).compactMap { decoder.org($0) }
            case .users:
                if let streamed, value.isSameNode(as: streamed.node) {
                    decl.users = streamed.users
                } else {
                    for item in decoder.list(value, field: key) { decoder.user(item, into: &decl.users) }
                }
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
