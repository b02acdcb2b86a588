import BylawSource
import CEL

/// A compiled policy set: every rule checked and planned, with its policy's tests.
public struct PolicySet: Sendable {
    public let policies: [CompiledPolicy]
    /// Every rule of every policy, in file order.
    public let rules: [CompiledRule]

    public init(policies: [CompiledPolicy]) {
        self.policies = policies
        self.rules = policies.flatMap(\.rules)
    }

    /// The policy that declares `rule`.
    public func policy(of rule: CompiledRule) -> CompiledPolicy? {
        policies.first { $0.id == rule.descriptor.policyID }
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

extension CompiledPolicy {
    /// The policy's macros by name, each with its tree: what an explanation expands. Parsed
    /// again on each call, as the compiler parsed them (the same nodes, so the trees of the
    /// rules using them match), rather than kept by every compilation for the few that explain.
    public var macros: [String: CompiledMacro] {
        var result: [String: CompiledMacro] = [:]
        for macro in document.macros where result[macro.name] == nil {
            if let tree = ConditionTree.parse(macro.condition, file: document.file, environment: Self.parsing).tree {
                result[macro.name] = CompiledMacro(declaration: macro, tree: tree)
            }
        }
        return result
    }

    /// Parsing needs the limits alone, which the compiler's environment shares.
    private static let parsing = CELEnvironment(standard: false)

    /// The exceptions to `rule` (one of this policy's) that are written but not in force: they
    /// expired on the compile date.
    public func expiredExceptions(of rule: CompiledRule) -> [ExceptionDecl] {
        let inForce = Set(rule.exceptions.map(\.declaration.range.start))
        return document.exceptions.filter { exception in
            (exception.rule == rule.descriptor.ruleID || exception.rule == rule.fullID) && !inForce.contains(exception.range.start)
        }
    }
}
