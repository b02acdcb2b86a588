import BylawPolicy

/// What the handbook says about a policy, worked out once for both renderings: its examples
/// grouped by what happens, and each exception as a sentence (whom it covers, why, until when).
extension Handbook {
    /// What happens in one of a policy's tests: the strictest enforcement among the rules it
    /// expects to fire, or nothing.
    enum Outcome: CaseIterable {
        case blocked, warned, recorded, allowed

        /// The heading of the outcome's examples.
        var heading: String {
            switch self {
            case .blocked: return "Blocked"
            case .warned: return "Warned"
            case .recorded: return "Recorded for audit"
            case .allowed: return "Allowed"
            }
        }

        init(_ enforcement: Enforcement?) {
            switch enforcement {
            case .block: self = .blocked
            case .warn: self = .warned
            case .audit: self = .recorded
            case nil: self = .allowed
            }
        }
    }

    /// One example: the test's name and the rules it expects to fire (short ids).
    struct Example {
        let name: String
        let rules: [String]
    }

    /// The policy's tests as examples, grouped by outcome in the order of ``Outcome``, each group
    /// in file order; empty groups are left out.
    static func examples(_ policy: CompiledPolicy) -> [(outcome: Outcome, examples: [Example])] {
        var enforcement: [String: Enforcement] = [:]
        for rule in policy.rules {
            enforcement[rule.descriptor.ruleID] = rule.descriptor.enforcement
            enforcement[rule.fullID] = rule.descriptor.enforcement
        }
        var groups: [Outcome: [Example]] = [:]
        for test in policy.document.tests {
            switch test.expectation {
            case .allow:
                groups[.allowed, default: []].append(Example(name: test.name, rules: []))
            case .rules(let ids):
                let strictest = ids.compactMap { enforcement[$0.id] }.max()
                groups[Outcome(strictest), default: []].append(Example(name: test.name, rules: ids.map(\.id)))
            }
        }
        return Outcome.allCases.compactMap { outcome in groups[outcome].map { (outcome, $0) } }
    }

    /// The policy's lists by name, with their items as written (for conditions in words).
    static func lists(of document: PolicyDocument) -> [String: [String]] {
        var lists: [String: [String]] = [:]
        for list in document.lists where lists[list.name] == nil {
            lists[list.name] = list.items.compactMap { $0.scalar?.text }
        }
        return lists
    }

    /// Whom an exception covers, in words: "when the user is `redaction-bot`", or "at all".
    static func coverage(_ exception: CompiledException, lists: [String: [String]]) -> String {
        guard let condition = exception.whereCondition else { return "at all" }
        return "when " + ConditionWords.words(condition, lists: lists)
    }

    /// An exception in force as one line of inline Markdown: the rule it suspends, whom for, why
    /// and until when.
    static func exceptionLine(rule: String, _ exception: CompiledException, lists: [String: [String]]) -> String {
        let reason = exception.declaration.reason.map(inline) ?? "no reason recorded"
        let until = exception.declaration.expires.map { " (until \($0))" } ?? ""
        return "\(ConditionWords.code(rule)) does not apply \(coverage(exception, lists: lists)): \(reason)\(until)"
    }

    /// The policy's exceptions in force, as lines of inline Markdown.
    static func exceptionLines(_ policy: CompiledPolicy) -> [String] {
        let lists = lists(of: policy.document)
        return policy.rules.flatMap { rule in rule.exceptions.map { exceptionLine(rule: rule.descriptor.ruleID, $0, lists: lists) } }
    }
}
