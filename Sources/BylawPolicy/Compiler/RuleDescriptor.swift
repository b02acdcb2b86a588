import BylawSource

/// What reports need to know about a rule: its ids, title, enforcement, help text and where
/// it is defined. SARIF's `tool.driver.rules`, JUnit's test cases and the handbook read this.
public struct RuleDescriptor: Sendable, Hashable {
    /// `POLICY/RULE`.
    public let fullID: String
    public let policyID: String
    public let ruleID: String
    /// The rule's own title, else the policy's, else the rule id.
    public let title: String
    public let trigger: RuleTrigger
    public let enforcement: Enforcement
    /// The policy's handbook text (Markdown), shown as help.
    public let help: String?
    public let owner: String?
    /// Where the rule is written (its `id:`).
    public let definedAt: SourceSpan?

    public init(
        fullID: String, policyID: String, ruleID: String, title: String, trigger: RuleTrigger, enforcement: Enforcement,
        help: String?, owner: String?, definedAt: SourceSpan?
    ) {
        self.fullID = fullID
        self.policyID = policyID
        self.ruleID = ruleID
        self.title = title
        self.trigger = trigger
        self.enforcement = enforcement
        self.help = help
        self.owner = owner
        self.definedAt = definedAt
    }
}
