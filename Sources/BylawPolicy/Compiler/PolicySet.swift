import BylawSource

/// A compiled policy set: every rule checked and planned, with its policy's tests.
public struct PolicySet: Sendable {
    public let policies: [CompiledPolicy]
    /// Every rule of every policy, in file order.
    public let rules: [CompiledRule]

    public init(policies: [CompiledPolicy]) {
        self.policies = policies
        self.rules = policies.flatMap(\.rules)
    }

    /// The rules with a given trigger.
    public func rules(on trigger: RuleTrigger) -> [CompiledRule] { rules.filter { $0.trigger == trigger } }

    /// What reports need about every rule.
    public var descriptors: [RuleDescriptor] { rules.map(\.descriptor) }

    /// The macros (`POLICY.MACRO`) more than one usage rule's decision uses, with those rules'
    /// ids in order: subexpressions an evaluator can work out once per event for all of them.
    public var sharedMacros: [String: [String]] {
        var users: [String: [String]] = [:]
        for rule in rules {
            for macro in rule.analysis?.macros ?? [] { users[macro, default: []].append(rule.fullID) }
        }
        return users.filter { $0.value.count > 1 }
    }
}

/// One compiled policy: its document (for tests and the handbook) and its rules.
public struct CompiledPolicy: Sendable {
    public let document: PolicyDocument
    public let rules: [CompiledRule]

    public var id: String { document.id }
}
