import BylawPolicy
import Testing

/// ``UsageRuleAnalysis`` on the shipped policies and on probes: the fields read (through
/// macros), the kinds a `where` requires, and opacity where the analysis cannot follow.
@Suite struct StreamRuleAnalysisTests {
    static func analysis(_ set: PolicySet) -> [String: UsageRuleAnalysis] {
        var result: [String: UsageRuleAnalysis] = [:]
        for rule in set.rules(on: .usage) { result[rule.fullID] = rule.analysis }
        return result
    }

    @Test func shippedRulesReadTheirFieldsThroughMacros() throws {
        let set = try #require(StreamTestSupport.shippedPolicies())
        let rules = Self.analysis(set)
        // `actor: workspace.user(event.user)`
        #expect(rules["offboarding/offboarded-user-usage"]?.decisionReads == EventFieldReads(celPaths: ["user"]))
        #expect(rules["app-use/app-known"]?.decisionReads == EventFieldReads(celPaths: ["app"]))
        #expect(rules["app-use/app-known"]?.templateReads == EventFieldReads(celPaths: ["id", "app"]))
        // The exception's `event.user == "redaction-bot"` is part of the decision.
        #expect(rules["client-data/no-client-data-in-consumer-chat"]?.decisionReads
            == EventFieldReads(celPaths: ["artifact.classification", "destination.kind", "user"]))
        #expect(rules["attribution/currency-matches"]?.decisionReads == EventFieldReads(celPaths: ["org", "cost.currency"]))
        #expect(rules["sharing/no-cross-silo-share"]?.decisionReads == EventFieldReads(celPaths: ["kind", "org", "target.org"]))
    }

    @Test func kindsRequiredByWhere() throws {
        let set = try #require(StreamTestSupport.shippedPolicies())
        let rules = Self.analysis(set)
        #expect(rules["sharing/no-org-to-private-share"]?.requiredKinds == ["share"])
        // Inside an `all:` with macros around it.
        #expect(rules["sharing/no-cross-silo-share"]?.requiredKinds == ["share"])
        #expect(rules["sharing/no-cross-silo-subscription"]?.requiredKinds == nil)
        #expect(rules["attribution/org-known"]?.requiredKinds == nil)
    }

    @Test func probesForOpacityAndKindForms() throws {
        let (set, diagnostics) = StreamTestSupport.policies("""
            policy: probe
            title: Probes
            macros:
              moving: event.kind in ["upload", "share"]
            rules:
              - id: whole
                title: Whole event
                on: usage
                forbid: "[event].exists(e, e.user == 'x')"
              - id: list
                title: Kind list through a macro
                on: usage
                where: moving && event.app != ""
                forbid: event.tokens.input > 10
              - id: reversed
                title: Constant first, and a contradiction
                on: usage
                where: '"share" == event.kind && event.kind == "upload"'
                forbid: has(event.cost)
              - id: either
                title: An or requires nothing
                on: usage
                where: event.kind == "share" || event.kind == "upload"
                forbid: event.cost.amount > 1.0
              - id: optional
                title: Optional selection reads the field it selects
                on: usage
                forbid: event.?cost.amount.orValue(0.0) > 1.0 && event.artifact.?classification == optional.of("secret")
            """)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let rules = Self.analysis(try #require(set))
        #expect(rules["probe/whole"]?.decisionReads.isOpaque == true)
        #expect(rules["probe/list"]?.requiredKinds == ["upload", "share"])
        #expect(rules["probe/list"]?.decisionReads == EventFieldReads(celPaths: ["kind", "app", "tokens.input"]))
        #expect(rules["probe/reversed"]?.requiredKinds == [])
        #expect(rules["probe/reversed"]?.decisionReads == EventFieldReads(celPaths: ["kind", "cost"]))
        #expect(rules["probe/either"]?.requiredKinds == nil)
        #expect(rules["probe/optional"]?.decisionReads == EventFieldReads(celPaths: ["cost", "artifact.classification"]))
    }
}
