/// What changed between two compiled policy sets, as a policy owner's release notes say it:
/// rules added and removed, enforcement tightened or relaxed, exceptions added and ended.
///
/// Rules are the same rule when their full ids (`POLICY/RULE`) are. An exception is the same
/// exception when it names the same rule with the same `where` (as written, spacing aside); a
/// new reason or expiry date does not make it another one. The earlier set is taken as it was
/// published: each of its exceptions counted as in force, so one that has expired since is
/// reported as ended, with its date.
public struct PolicyChanges: Sendable {
    /// A rule whose enforcement differs between the two sets.
    public struct EnforcementChange: Sendable {
        /// The rule as it is in the later set.
        public let rule: CompiledRule
        public let before: Enforcement
    }

    /// An exception of one of the sets, with the rule it belongs to in that set.
    public struct ExceptionChange: Sendable {
        public let rule: CompiledRule
        public let exception: CompiledException
        /// For an ended exception: still written in the later set, but past its expiry date (else
        /// it was removed).
        public let expired: Bool
    }

    /// Rules of the later set the earlier one did not have, in file order.
    public let addedRules: [CompiledRule]
    /// Rules of the earlier set the later one does not have, in the earlier set's order.
    public let removedRules: [CompiledRule]
    /// Rules whose enforcement is stricter now (audit → warn → block).
    public let tightened: [EnforcementChange]
    /// Rules whose enforcement is milder now.
    public let relaxed: [EnforcementChange]
    /// Rules of both sets whose conditions differ (`on`, `for`, `where`, `forbid`/`require`, as
    /// written, spacing aside), in the later set's order.
    public let changedConditions: [CompiledRule]
    /// Exceptions in force in the later set that the earlier one did not have.
    public let addedExceptions: [ExceptionChange]
    /// Exceptions of the earlier set that no longer apply: removed, or expired.
    public let endedExceptions: [ExceptionChange]

    /// Nothing a reader of the handbook would notice changed.
    public var isEmpty: Bool {
        addedRules.isEmpty && removedRules.isEmpty && tightened.isEmpty && relaxed.isEmpty && changedConditions.isEmpty
            && addedExceptions.isEmpty && endedExceptions.isEmpty
    }

    /// The changes from `earlier` to `later`.
    public init(from earlier: PolicySet, to later: PolicySet) {
        let before = Dictionary(earlier.rules.map { ($0.fullID, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Dictionary(later.rules.map { ($0.fullID, $0) }, uniquingKeysWith: { first, _ in first })
        addedRules = later.rules.filter { before[$0.fullID] == nil }
        removedRules = earlier.rules.filter { after[$0.fullID] == nil }
        var tightened: [EnforcementChange] = []
        var relaxed: [EnforcementChange] = []
        for rule in later.rules {
            guard let old = before[rule.fullID], old.descriptor.enforcement != rule.descriptor.enforcement else { continue }
            let change = EnforcementChange(rule: rule, before: old.descriptor.enforcement)
            if rule.descriptor.enforcement > old.descriptor.enforcement { tightened.append(change) } else { relaxed.append(change) }
        }
        self.tightened = tightened
        self.relaxed = relaxed
        changedConditions = later.rules.filter { rule in before[rule.fullID].map { Self.conditions($0) != Self.conditions(rule) } ?? false }
        let published = Set(earlier.rules.flatMap { rule in (rule.exceptions + rule.expiredExceptions).map { Self.key(rule, $0) } })
        addedExceptions = later.rules.flatMap { rule in
            rule.exceptions.filter { !published.contains(Self.key(rule, $0)) }.map { ExceptionChange(rule: rule, exception: $0, expired: false) }
        }
        let inForce = Set(later.rules.flatMap { rule in rule.exceptions.map { Self.key(rule, $0) } })
        let expired = Set(later.rules.flatMap { rule in rule.expiredExceptions.map { Self.key(rule, $0) } })
        endedExceptions = earlier.rules.flatMap { rule in
            (rule.exceptions + rule.expiredExceptions).compactMap { exception in
                let key = Self.key(rule, exception)
                guard !inForce.contains(key) else { return nil }
                return ExceptionChange(rule: rule, exception: exception, expired: expired.contains(key))
            }
        }
    }

    /// What a rule checks, as written: a change here is a change of what the rule means.
    private static func conditions(_ rule: CompiledRule) -> String {
        let declaration = rule.declaration
        let binding = declaration.forBinding.map { "\($0.name) in \(shape(.expression($0.collection)))" } ?? ""
        let scope = declaration.whereCondition.map(shape) ?? ""
        return [declaration.trigger.rawValue, binding, scope, declaration.mode.rawValue, shape(declaration.condition)].joined(separator: "\u{0}")
    }

    /// The identity of an exception: its rule and its `where` as written, spacing aside.
    private static func key(_ rule: CompiledRule, _ exception: CompiledException) -> String {
        rule.fullID + "\u{0}" + (exception.declaration.whereCondition.map(shape) ?? "")
    }

    private static func shape(_ condition: Condition) -> String {
        switch condition {
        case .expression(let expression): return expression.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
        case .all(let children, _): return "all(" + children.map(shape).joined(separator: ";") + ")"
        case .any(let children, _): return "any(" + children.map(shape).joined(separator: ";") + ")"
        case .not(let child, _): return "not(" + shape(child) + ")"
        }
    }
}
