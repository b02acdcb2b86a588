import BylawSource
import CEL

/// String literals a policy compares with a field whose values are known, checked against those
/// values: `event.artifact.classification == "clinet"` can never hold, so it is a warning with a
/// "did you mean" at the literal.
///
/// What is known: the values the schema table declares for a field (data classifications,
/// scopes, event kinds, billing modes, …), always; and the ids of workspace objects when a run
/// has workspaces (`event.org == "legl"`, `workspace.user("bob")`). The check reads the checked
/// trees the compiler keeps (a field is recognised by the type the checker gave its operand,
/// through macros and `for:` variables), never the expressions' text.
///
/// Compared means `==` and `!=` with the literal on either side, `field in ["a", "b"]`,
/// `field in LIST` (a policy's `lists:` entry, each item at its line), and `"a" in field` for a
/// list of known values (`app.data`). The empty string is never reported: `field != ""` asks
/// whether the field is set. A value of an open set (event kinds and scopes: streams may send
/// others, passed through for policies to judge) is reported only when it is close to a known
/// one, as a misspelling.
public struct KnownValueCheck {
    /// What the literals are checked against.
    public enum Against: Sendable {
        /// The values the schema table declares: the compiler's check.
        case schema
        /// The ids some workspaces declare: the check of a run that has workspaces.
        case workspace(KnownIDs)
    }

    /// The warnings for the literals of `rules` (rules of `policy`: their `for`, `where`,
    /// condition, exceptions in force and templates, and the macros they use) that name no known
    /// value; each literal once, in the order they are written.
    public static func diagnostics(_ policy: CompiledPolicy, rules: [CompiledRule], against: Against) -> [Diagnostic] {
        if case .workspace(let ids) = against, ids.isEmpty { return [] }
        var walker = KnownValueWalker(policy: policy, against: against)
        // Each part read in place: copying a whole rule, or gathering its expressions into an
        // array, retains every reference in it (a good part of the check's time in a large set).
        for index in rules.indices {
            if let forCollection = rules[index].forCollection { walker.walk(forCollection) }
            if let whereCondition = rules[index].whereCondition { walker.walk(whereCondition) }
            walker.walk(rules[index].condition)
            for exception in rules[index].exceptions {
                if let whereCondition = exception.whereCondition { walker.walk(whereCondition) }
            }
            for template in [rules[index].message, rules[index].hint] {
                for case .expression(let expression) in template?.parts ?? [] { walker.walk(expression) }
            }
        }
        return Diagnostic.sortedForDisplay(walker.diagnostics)
    }
}

/// A field's known values, as one comparison found them.
struct KnownValueSet {
    /// The values of an enumeration, in the order hints list them (a handful: searched in place).
    private let order: [String]
    /// Ids (listed sorted).
    private let ids: KnownIDs.Known
    /// How messages name one value (`data classification`) or object (`org`).
    let noun: String
    /// Other values are legitimate (an open enumeration): only a near miss is reported.
    let isOpen: Bool
    /// Where ids come from; nil for the schema's values.
    let origin: String?

    /// The values of an enumeration of the schema table.
    init(_ enumeration: SchemaEnum) {
        order = enumeration.names
        ids = KnownIDs.Known(set: [], lists: [])
        noun = enumeration.noun
        isOpen = enumeration.isOpen
        origin = nil
    }

    /// The ids of the objects of one type (named `noun`) that workspaces from `origin` declare.
    init(ids: KnownIDs.Known, noun: String, origin: String) {
        order = []
        self.ids = ids
        self.noun = noun
        isOpen = false
        self.origin = origin
    }

    /// The warning for `text`, a literal at `span` this set does not hold; nil when `text` is
    /// not worth reporting (empty, known, or an unlikely misspelling of an open set's value).
    func diagnostic(for text: String, at span: SourceSpan, budget: inout DidYouMean.Budget) -> Diagnostic? {
        guard !text.isEmpty, !contains(text) else { return nil }
        // Ties go to the name that sorts first, so the set's order does not decide.
        let all = origin == nil ? [] : ids.all
        let suggestion = origin == nil ? DidYouMean.suggest(text, from: order, budget: &budget) : DidYouMean.suggest(text, from: all, budget: &budget)
        if isOpen, suggestion == nil { return nil }
        let shown = Self.quoted(text)
        let listed = PolicyCompiler.listed(origin == nil ? order : all.sorted())
        guard let origin else {
            return Diagnostic(
                code: .policyNoSuchValue, severity: .warning, message: "\(shown) is not \(Self.article(noun)) \(noun)", span: span,
                hint: suggestion.map { "did you mean '\($0)'?" } ?? "\(Self.article(noun)) \(noun) is one of: \(listed)")
        }
        return Diagnostic(
            code: .policyNoSuchID, severity: .warning, message: "no \(noun) has the id \(shown) in \(origin)", span: span,
            hint: suggestion.map { "did you mean '\($0)'?" } ?? "the \(noun) ids there are: \(listed)")
    }

    /// Whether `text` is one of the values.
    func contains(_ text: String) -> Bool {
        origin == nil ? order.contains(text) : ids.contains(text)
    }

    /// `'text'`, cut to 60 characters: a message quotes the literal, not a page of it.
    static func quoted(_ text: String) -> String {
        "'" + (text.count > 60 ? String(text.prefix(60)) + "…" : text) + "'"
    }

    /// `a` or `an`, by the noun's first letter.
    static func article(_ noun: String) -> String {
        guard let first = noun.first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
