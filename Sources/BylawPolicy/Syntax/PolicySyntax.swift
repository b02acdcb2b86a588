import BylawSchema
import CEL

/// The keys of a policy document and of its parts, declared once, in the order the docs list
/// them: the decoder takes the keys it accepts (and its "did you mean") from here, and the
/// editor schema (`bylaw schema policy`) its properties, their descriptions and what each holds.
public enum PolicySyntax {
    /// The top level of a policy document.
    public static let policy = PolicySection(
        "policy", "a policy", doc: "A policy: rules with the tests that prove them and the handbook text that explains them.",
        keys: [
            PolicyKey("policy", .identifier, "The policy id: letters, digits, `_` and `-`, starting with a letter; unique in the policy set.", isRequired: true),
            PolicyKey("title", .text, "One line naming the policy; the default title of its rules."),
            PolicyKey("owner", .text, "Who answers for the policy, e.g. `legal@example.com`."),
            PolicyKey("handbook", .text, "Markdown shown in the rendered handbook (`bylaw handbook`) and as SARIF rule help."),
            PolicyKey("budget", .budget, "What one evaluation of the policy's expressions may spend: `iterations`, `memory`, `regex_steps`."),
            PolicyKey("lists", .namedLists, "Named constant lists, `name: [items]` (strings, numbers or booleans), usable by name in every expression."),
            PolicyKey("macros", .namedConditions, "Named conditions or expressions, `name: <condition>`, usable by name in every expression."),
            PolicyKey("rules", .sections(rule), "The rules."),
            PolicyKey("exceptions", .sections(exception), "Exceptions to rules: where a rule does not apply, why, and until when."),
            PolicyKey("tests", .sections(test), "Examples that prove the rules: `bylaw test` runs them against this policy's rules."),
        ])

    /// One item of `rules:`.
    public static let rule = PolicySection(
        "rule", "a rule", doc: "A rule: when it applies, the one condition it checks (`forbid` or `require`), and what happens when it fires.",
        keys: [
            PolicyKey("id", .identifier, "The rule id, unique in the whole policy set; its full id is `POLICY/RULE`.", isRequired: true),
            PolicyKey("title", .text, "The rule's title in reports and in the handbook (default: the policy's title)."),
            PolicyKey("on", .choice(SchemaEnum(RuleTrigger.self)), "What the rule checks.", isRequired: true),
            PolicyKey("for", .forBinding, "`NAME in COLLECTION`: one check per element, e.g. `for: org in workspace.orgs`."),
            PolicyKey("where", .condition, "The rule applies only where this condition holds."),
            PolicyKey("forbid", .condition, "The rule fires when this condition is true. A rule has `forbid` or `require`, not both.", group: .ruleCondition),
            PolicyKey("require", .condition, "The rule fires when this condition is false. A rule has `forbid` or `require`, not both.", group: .ruleCondition),
            PolicyKey("enforcement", .choice(SchemaEnum(Enforcement.self)), "What happens when the rule fires (default `block`).", defaultValue: Enforcement.block.rawValue),
            PolicyKey("message", .template, "What a finding says. `{expression}` parts are CEL expressions; `{{` and `}}` are literal braces."),
            PolicyKey("hint", .template, "What to do about a finding, a template like `message`."),
        ])

    /// One item of `exceptions:`.
    public static let exception = PolicySection(
        "exception", "an exception", doc: "An exception: a rule's findings are suppressed where its `where` holds, until it expires.",
        keys: [
            PolicyKey("rule", .text, "The rule it applies to: its id, or its full id `POLICY/RULE`.", isRequired: true),
            PolicyKey("where", .condition, "Where the exception applies (everywhere when absent)."),
            PolicyKey("reason", .text, "Why the exception exists, for the handbook and for audits."),
            PolicyKey("expires", .date, "The last day it applies (`YYYY-MM-DD`, UTC); after it, it stops applying and `bylaw check` warns."),
        ])

    /// One item of `tests:`.
    public static let test = PolicySection(
        "test", "a test", doc: "A test: an input and the rules of this policy that must fire on it, no more and no fewer.",
        keys: [
            PolicyKey("name", .text, "What the test shows, in a sentence; `bylaw test` prints it.", isRequired: true),
            PolicyKey("event", .event, "A usage event (a mapping in the event format), for `usage` rules."),
            PolicyKey(
                "workspace", .workspace,
                "A workspace config, inline or as a path relative to the policy file. Usage rules see it as `workspace` (an empty one without it)."),
            PolicyKey("before", .workspace, "The workspace before a change (inline or a path), for `change` rules; given with `after`.", group: .change),
            PolicyKey("after", .workspace, "The workspace after a change (inline or a path), for `change` rules; given with `before`.", group: .change),
            PolicyKey("expect", .expectation, "`allow` (no rule fires) or the list of rule ids that must fire.", isRequired: true),
        ])

    /// What a condition is when it is not an expression: a mapping with one of these keys.
    public static let combinators = PolicySection(
        "combinator", "a condition", doc: "A condition: a CEL expression, or a mapping with one key, `all`, `any` or `not`.",
        keys: [
            PolicyKey("all", .conditionList, "Every condition in the list holds."),
            PolicyKey("any", .conditionList, "At least one condition in the list holds."),
            PolicyKey("not", .condition, "The condition under it does not hold."),
        ])

    /// The keys of `budget:`, one per dimension.
    public static let budget = PolicySection(
        "budget", "'budget'", doc: "What one evaluation of the policy's expressions may spend; `--budget` on the command line has the last word.",
        keys: CELBudgetDimension.allCases.map { PolicyKey($0.rawValue, .budgetLimit($0), $0.summary) })
}

/// A mapping of a policy document with a fixed set of keys.
public struct PolicySection: Sendable {
    /// Its name in the editor schema's definitions (`rule`).
    public let name: String
    /// How messages name one (`a rule`).
    public let noun: String
    /// One line describing it, for the editor schema.
    public let doc: String
    /// Its keys, in the order the docs list them.
    public let keys: [PolicyKey]

    init(_ name: String, _ noun: String, doc: String, keys: [PolicyKey]) {
        self.name = name
        self.noun = noun
        self.doc = doc
        self.keys = keys
    }

    /// The names of its keys, in order: what the decoder accepts.
    public var keyNames: [String] { keys.map(\.name) }
}

/// One key of a ``PolicySection``.
public struct PolicyKey: Sendable {
    /// Keys that are written together, or instead of each other.
    public enum Group: Sendable {
        /// `forbid` / `require`: exactly one of them.
        case ruleCondition
        /// `before` / `after`: both or neither.
        case change
    }

    /// The key as written.
    public let name: String
    /// What it holds.
    public let value: PolicyValue
    /// One line for the editor schema (Markdown: names in backticks).
    public let doc: String
    /// Whether every mapping of its section must write it.
    public let isRequired: Bool
    /// The keys it goes with, or instead of.
    public let group: Group?
    /// The value a missing key stands for, when there is one.
    public let defaultValue: String?

    init(_ name: String, _ value: PolicyValue, _ doc: String, isRequired: Bool = false, group: Group? = nil, defaultValue: String? = nil) {
        self.name = name
        self.value = value
        self.doc = doc
        self.isRequired = isRequired
        self.group = group
        self.defaultValue = defaultValue
    }
}

/// What a policy key holds.
public indirect enum PolicyValue: Sendable {
    /// Any scalar, read as written.
    case text
    /// A name: letters, digits, `_` and `-`, starting with a letter or `_`.
    case identifier
    /// One of a fixed set of words.
    case choice(SchemaEnum)
    /// A CEL expression, or `all:` / `any:` / `not:` over conditions.
    case condition
    /// A non-empty list of conditions.
    case conditionList
    /// Text with `{expression}` placeholders.
    case template
    /// `NAME in COLLECTION`.
    case forBinding
    /// A `YYYY-MM-DD` date.
    case date
    /// `name: [items]`.
    case namedLists
    /// `name: <condition>`.
    case namedConditions
    /// The `budget:` mapping.
    case budget
    /// One budget limit.
    case budgetLimit(CELBudgetDimension)
    /// A list of mappings of one kind.
    case sections(PolicySection)
    /// A usage event.
    case event
    /// A workspace config, inline or a path to one.
    case workspace
    /// `allow` or a list of rule ids.
    case expectation
}

extension RuleTrigger: SchemaEnumeration {
    public static var noun: String { "trigger" }

    public var summary: String {
        switch self {
        case .usage: return "each event of a usage stream (`event`, and `workspace`)"
        case .workspace: return "a workspace config (`workspace`), once or once per element of `for:`"
        case .change: return "a change from one workspace config to another (`before` and `after`)"
        }
    }
}

extension Enforcement: SchemaEnumeration {
    public static var noun: String { "enforcement" }
    public static var knownCases: [Enforcement] { [.block, .warn, .audit] }

    public var summary: String {
        switch self {
        case .block: return "blocked: the finding fails the run (exit code 1)"
        case .warn: return "warned: reported, the run still passes"
        case .audit: return "recorded for audit: reported for the record only"
        }
    }
}

extension CELBudgetDimension {
    /// One line for the editor schema.
    var summary: String {
        let standard = "default \(BudgetSettingCheck.defaultText(self))"
        switch self {
        case .iterations: return "Steps one evaluation may take: a positive whole number (`_` between digits allowed; \(standard))."
        case .memory: return "Bytes one evaluation may build: a number of bytes or a size such as `16MiB` (\(standard))."
        case .regexSteps: return "Steps of `matches` one evaluation may take: a positive whole number (\(standard))."
        }
    }
}
