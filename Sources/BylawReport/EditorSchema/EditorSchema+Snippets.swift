import BylawPolicy
import BylawSource

// Skeletons an editor offers to insert (`defaultSnippets`): a policy, a rule, an exception, a
// test. `${N:text}` marks what to fill in, tab after tab; the placeholders avoid quotes and
// braces, which a snippet would have to escape.
extension EditorSchema {
    static func snippets(for section: PolicySection) -> JSONValue? {
        let snippets: [(label: String, doc: String, body: JSONValue)]
        switch section.name {
        case PolicySyntax.policy.name:
            snippets = [("policy", "A policy with one rule and two tests", policyBody)]
        case PolicySyntax.rule.name:
            snippets = [
                ("usage rule", "A rule checked on each usage event", usageRule(first: 1)),
                ("workspace rule", "A rule checked on each org of a workspace config", workspaceRule),
            ]
        case PolicySyntax.exception.name:
            snippets = [("exception", "An exception to a rule, with its reason and expiry", exceptionBody)]
        case PolicySyntax.test.name:
            snippets = [
                ("test: fires", "An event on which rules must fire", test(expect: .array([.string("${4:rule-id}")]))),
                ("test: allowed", "An event on which no rule fires", test(expect: .string("allow"))),
            ]
        default:
            return nil
        }
        return .array(snippets.map { .object([("label", .string($0.label)), ("description", .string($0.doc)), ("body", $0.body)]) })
    }

    private static func usageRule(first: Int) -> JSONValue {
        rule(
            first: first, on: "usage", enforcement: "block", "forbid", ["event.tokens.input > 100000", "event.scope == 'org'"],
            message: "What happened", hint: "What to do instead")
    }

    private static var workspaceRule: JSONValue {
        rule(
            first: 1, on: "workspace", for: "org in workspace.orgs", enforcement: "warn", "require", ["has(org.parent) || has(org.billing_account)"],
            message: "What is wrong with this org", hint: "How to fix it")
    }

    /// A rule whose parts to fill in are numbered from `first`, in the order they are written;
    /// several conditions go under `all:`.
    private static func rule(
        first: Int, on trigger: String, for binding: String? = nil, enforcement: String, _ mode: String, _ conditions: [String],
        message: String, hint: String
    ) -> JSONValue {
        var next = first
        func fill(_ text: String) -> JSONValue {
            defer { next += 1 }
            return .string("${\(next):\(text)}")
        }
        var pairs: [(String, JSONValue)] = [("id", fill("rule-id")), ("title", fill("What the rule says, in one line")), ("on", .string(trigger))]
        if let binding { pairs.append(("for", .string(binding))) }
        pairs.append(("enforcement", fill(enforcement)))
        let condition = conditions.count == 1 ? fill(conditions[0]) : .object([("all", .array(conditions.map(fill)))])
        pairs += [(mode, condition), ("message", fill(message)), ("hint", fill(hint))]
        return .object(pairs)
    }

    private static var exceptionBody: JSONValue {
        .object([
            ("rule", .string("${1:rule-id}")),
            ("where", .string("${2:event.user == 'redaction-bot'}")),
            ("reason", .string("${3:Why, and who approved it}")),
            ("expires", .string("${4:2027-12-31}")),
        ])
    }

    private static func test(expect: JSONValue) -> JSONValue {
        .object([
            ("name", .string("${1:What this example shows}")),
            ("event", .object([
                ("kind", .string("${2:upload}")), ("user", .string("alice")), ("scope", .string("org")),
                ("artifact", .object([("type", .string("pdf")), ("classification", .string("${3:client}"))])),
                ("destination", .object([("kind", .string("consumer-chat")), ("app", .string("chat-free"))])),
            ])),
            ("expect", expect),
        ])
    }

    private static var policyBody: JSONValue {
        .object([
            ("policy", .string("${1:policy-id}")),
            ("title", .string("${2:What the policy is about}")),
            ("owner", .string("${3:legal@example.com}")),
            ("handbook", .string("${4:What people should know, in plain words.}")),
            ("rules", .array([usageRule(first: 5)])),
        ])
    }
}
