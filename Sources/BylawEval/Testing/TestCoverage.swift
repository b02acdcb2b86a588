import BylawPolicy
import BylawSource

/// A part of a rule no test exercised: a branch of an `all:`/`any:` written in the rule, or an
/// exception to it.
public struct CoverageGap: Sendable {
    public enum Kind: Sendable, Hashable {
        /// A branch of an `all:` (no test makes it the only false branch) or of an `any:` (no test
        /// makes it the only true one), in the rule's `where` or its condition.
        case branch(of: ConditionOutline.Kind)
        /// An exception that covered no test's input.
        case exception
    }

    public let rule: RuleDescriptor
    public let kind: Kind
    /// The branch as written (a leaf's expression, `all`, `any`, `not`, a macro's name), or the
    /// exception's `where` (empty when it has none).
    public let text: String
    public let span: SourceSpan

    public init(rule: RuleDescriptor, kind: Kind, text: String, span: SourceSpan) {
        self.rule = rule
        self.kind = kind
        self.text = text
        self.span = span
    }
}

/// Which branches and exceptions of each rule the tests exercised, gathered from the
/// explanations of every rule on every test's input.
///
/// A branch of an `all:` is exercised by a test in which it is the only false branch (so the
/// test shows the rule depends on it); a branch of an `any:` by a test in which it is the only
/// true one. Branches after it that have no value do not count: they read what it guards
/// (`has(x)` before `x.y`). An exception is exercised by a test whose input it covers. Branches are those
/// written in the rule itself (its `where` and its condition), not inside the macros it uses,
/// which other rules share.
struct TestCoverage {
    /// A branch: the rule's part (`where`, `forbid`, `require`) and its place in the part.
    private struct Branch: Hashable {
        let part: String
        let path: [Int]
    }

    private var branches: [String: Set<Branch>] = [:]
    private var exceptions: [String: Set<Int>] = [:]

    /// Adds what one explanation exercised.
    mutating func record(_ explanation: RuleExplanation) {
        let id = explanation.rule.fullID
        var found = Set<Branch>()
        if let condition = explanation.whereCondition { Self.exercised(condition, part: "where", path: [], into: &found) }
        if let condition = explanation.condition { Self.exercised(condition, part: explanation.mode.rawValue, path: [], into: &found) }
        if !found.isEmpty { branches[id, default: []].formUnion(found) }
        for exception in explanation.exceptions where exception.status == .applied {
            exceptions[id, default: []].insert(exception.declaration.range.start)
        }
    }

    private static func exercised(_ condition: ExplainedCondition, part: String, path: [Int], into found: inout Set<Branch>) {
        switch condition.kind {
        case .all, .any:
            let decisive = condition.kind == .any
            let values = condition.children.map(\.value.truth)
            // The first branch with the deciding value, when no later branch has it too: later
            // branches that have no value (they read what this one guards) do not count.
            if let index = values.firstIndex(where: { $0 == decisive }),
               values[..<index].allSatisfy({ $0 == !decisive }), !values[(index + 1)...].contains(decisive) {
                found.insert(Branch(part: part, path: path + [index]))
            }
        case .not, .leaf, .macro:
            break
        }
        guard condition.kind == .all || condition.kind == .any || condition.kind == .not else { return }
        for (index, child) in condition.children.enumerated() { exercised(child, part: part, path: path + [index], into: &found) }
    }

    /// The branches and exceptions of `rules` that no recorded explanation exercised, in rule
    /// order, then in the order written.
    func gaps(_ rules: [CompiledRule], outlines: OutlineCache) -> [CoverageGap] {
        var gaps: [CoverageGap] = []
        for rule in rules {
            let done = branches[rule.fullID] ?? []
            var parts: [(String, CompiledExpression)] = []
            if let whereCondition = rule.whereCondition { parts.append(("where", whereCondition)) }
            parts.append((rule.mode.rawValue, rule.condition))
            for (part, expression) in parts {
                // Branches are the rule's own: the macros it uses need not be expanded.
                let outline = outlines.outline(of: expression, rule: rule, part: part, reads: false) { expression.outline(macros: [:], reads: false) }
                Self.branches(of: outline, path: []) { branch, path, combinator in
                    guard !done.contains(Branch(part: part, path: path)) else { return }
                    gaps.append(CoverageGap(rule: rule.descriptor, kind: .branch(of: combinator), text: branch.text, span: branch.span))
                }
            }
            let applied = exceptions[rule.fullID] ?? []
            for exception in rule.exceptions where !applied.contains(exception.declaration.range.start) {
                let text = exception.whereCondition.map { _ in Self.conditionText(exception.declaration.whereCondition) } ?? ""
                gaps.append(CoverageGap(
                    rule: rule.descriptor, kind: .exception, text: text,
                    span: SourceSpan(file: rule.condition.file, range: exception.declaration.range)))
            }
        }
        return gaps
    }

    /// Calls `visit` with every branch of an `all`/`any` in the outline, its path and its combinator.
    private static func branches(
        of outline: ConditionOutline, path: [Int], visit: (ConditionOutline, [Int], ConditionOutline.Kind) -> Void
    ) {
        switch outline.kind {
        case .all, .any:
            for (index, child) in outline.children.enumerated() { visit(child, path + [index], outline.kind) }
        case .not, .leaf, .macro:
            break
        }
        guard outline.kind == .all || outline.kind == .any || outline.kind == .not else { return }
        for (index, child) in outline.children.enumerated() { branches(of: child, path: path + [index], visit: visit) }
    }

    /// An exception's `where` in words: its expression, or its combinator.
    private static func conditionText(_ condition: Condition?) -> String {
        switch condition {
        case .expression(let expression): return expression.text
        case .all: return "all"
        case .any: return "any"
        case .not: return "not"
        case nil: return ""
        }
    }
}
