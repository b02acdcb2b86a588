import BylawSource
import BylawYAML

// The document's top level and its `billing` section.
extension WorkspaceDecoder {
    /// Decodes a whole document; nil only when it is not a mapping.
    mutating func workspace(_ node: YAMLNode) -> WorkspaceDecl? {
        guard let fields = fields(of: node, what: "a workspace config", as: WorkspaceField.self) else { return nil }
        var decl = WorkspaceDecl()
        decl.spans.object = FieldRange(node.range)
        for (field, key, pair) in fields {
            let span = fieldRange(pair)
            let value = pair.value
            switch field {
            case .id: decl.id = located(value, field: key)
            case .billing: billing(value, into: &decl); decl.billingSpans.object = span
            case .subscriptions: decl.subscriptions = list(value, field: key).compactMap { subscription($0) }
            case .orgs: decl.orgs = list(value, field: key).compactMap { org($0) }
            case .users: decl.users = list(value, field: key).compactMap { user($0) }
            case .providers: decl.providers = list(value, field: key).compactMap { provider($0) }
            case .apps: decl.apps = list(value, field: key).compactMap { app($0) }
            default: plain(field, key, value, into: &decl.values)
            }
            decl.spans[field] = span
        }
        requireFields(decl.spans, in: "the workspace config", object: node, id: decl.id)
        return decl
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
