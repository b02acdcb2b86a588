import BylawSource
import CEL

/// A compiled condition laid out the way its author wrote it, for explaining it: the YAML
/// combinators with their branches, each leaf with the values it reads and the macros it uses
/// (expanded into their own conditions), and for every part the piece of the checked tree that
/// computes it, to be planned in the rule's environment (``CompiledRule/environment``) and
/// evaluated alone.
///
/// Built on demand from the compiled rule (``CompiledExpression/outline(macros:limit:)``): nothing
/// is added to compilation or to ordinary evaluation. A hostile policy (tens of thousands of
/// branches, macros that fan out) is cut at a limit, and the outline says how much it left out.
public struct ConditionOutline: Sendable {
    /// What a part of a condition is.
    public enum Kind: Sendable, Hashable {
        /// `all:` (or a macro whose condition is one): holds when every branch holds.
        case all
        /// `any:`: holds when one branch holds.
        case any
        /// `not:`: holds when its one branch does not.
        case not
        /// A CEL expression as written.
        case leaf
        /// A macro a leaf uses, by name: its one child is the macro's own condition.
        case macro(String)
    }

    /// One value a leaf reads: a field path (`event.artifact.classification`), a navigation
    /// (`workspace.org(event.org)`), a list or the `for:` variable, or a presence test (`has(…)`).
    public struct Read: Sendable {
        /// As written in the policy.
        public let text: String
        /// The part of the checked tree that computes it.
        public let checked: CELCheckedExpr
        /// About how many nodes planning it builds.
        public let planSize: Int
    }

    public let kind: Kind
    /// As written: a leaf's expression, a macro's name, or `all`, `any`, `not`.
    public let text: String
    /// Where it is written: a leaf's expression, a combinator's key, where a macro is used.
    public let span: SourceSpan
    /// The part of the checked tree this node is.
    public let checked: CELCheckedExpr
    /// Branches of a combinator, the expansion of a macro, the macros a leaf uses.
    public let children: [ConditionOutline]
    /// What a leaf reads, in the order written.
    public let reads: [Read]
    /// Branches, macros and reads left out at the outline's limit.
    public let omitted: Int
    /// About how many nodes planning ``checked`` builds (macros copied in): what working this part
    /// out alone costs.
    public let planSize: Int

    /// The parts an outline holds at most, by default: more than any policy a person writes.
    public static let defaultLimit = 400
}

extension CompiledExpression {
    /// The condition laid out as written, with `macros` (the rule's policy's,
    /// ``CompiledPolicy/macros``) expanded where leaves use them, each leaf with what it reads
    /// unless `reads` is false (the combinators and leaves alone, as coverage needs them), up to
    /// `limit` parts.
    public func outline(macros: [String: CompiledMacro], reads: Bool = true, limit: Int = ConditionOutline.defaultLimit) -> ConditionOutline {
        var builder = ConditionOutlineBuilder(macros: macros, reads: reads, remaining: limit)
        return builder.outline(tree, checked: checked)
    }
}
