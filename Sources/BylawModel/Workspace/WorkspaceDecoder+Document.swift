import BylawSource
import BylawYAML

// The document's top level and its `billing` section.
extension WorkspaceDecoder {
    static let workspaceKeys = ["workspace", "name", "billing", "subscriptions", "orgs", "users", "providers", "apps", "labels"]
    static let billingKeys = ["mode", "accounts", "labels"]

    /// Decodes a whole document; nil only when it is not a mapping.
    mutating func workspace(_ node: YAMLNode) -> WorkspaceDecl? {
        guard let fields = fields(of: node, what: "a workspace config", keys: Self.workspaceKeys) else { return nil }
        var decl = WorkspaceDecl()
        decl.spans.object = FieldRange(node.range)
        for (key, pair) in fields {
            let span = fieldRange(pair)
            let value = pair.value
            switch key {
            case "workspace": decl.id = located(value, field: key); decl.spans.id = span
            case "name": decl.name = string(value, field: key); decl.spans.name = span
            case "billing": billing(value, into: &decl); decl.spans.billing = span; decl.billingSpans.object = span
            case "subscriptions":
                decl.subscriptions = list(value, field: key).compactMap { subscription($0) }; decl.spans.subscriptions = span
            case "orgs": decl.orgs = list(value, field: key).compactMap { org($0) }; decl.spans.orgs = span
            case "users": decl.users = list(value, field: key).compactMap { user($0) }; decl.spans.users = span
            case "providers": decl.providers = list(value, field: key).compactMap { provider($0) }; decl.spans.providers = span
            case "apps": decl.apps = list(value, field: key).compactMap { app($0) }; decl.spans.apps = span
            default: decl.labels = labels(value); decl.spans.labels = span
            }
        }
        require(decl.spans.id, "workspace", in: "the workspace config", object: node, id: nil)
        require(decl.spans.billing, "billing", in: "the workspace config", object: node, id: decl.id)
        return decl
    }

    private mutating func billing(_ node: YAMLNode, into decl: inout WorkspaceDecl) {
        guard let fields = fields(of: node, what: "the billing section", keys: Self.billingKeys) else { return }
        for (key, pair) in fields {
            let span = fieldRange(pair)
            switch key {
            case "mode": decl.mode = enumValue(pair.value, field: key, noun: "billing mode"); decl.billingSpans.mode = span
            case "accounts":
                decl.accounts = list(pair.value, field: key).compactMap { account($0) }; decl.billingSpans.accounts = span
            default: decl.billingLabels = labels(pair.value); decl.billingSpans.labels = span
            }
        }
        require(decl.billingSpans.mode, "mode", in: "the billing section", object: node, id: nil)
    }
}
