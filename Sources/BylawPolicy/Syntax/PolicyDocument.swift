import BylawSource
import BylawYAML

/// One policy file's document, decoded but not yet type-checked.
///
/// Every part keeps where it came from so the compiler can point at it.
/// `docs/policy-language.md` is the reference of its shape.
public struct PolicyDocument: Sendable {
    public let id: String
    public let idRange: SourceRange
    public let title: String?
    public let owner: String?
    public let handbook: String?
    /// `budget:`: what one evaluation of this policy's expressions may spend, where it differs
    /// from the default.
    public let budget: [BudgetSetting]
    public let lists: [ListDecl]
    public let macros: [MacroDecl]
    public let rules: [RuleDecl]
    public let exceptions: [ExceptionDecl]
    public let tests: [PolicyTestDecl]
    public let file: SourceFile
    /// The whole document node.
    public let range: SourceRange
    /// What did not decode, so the compiler reports nothing that only follows from it.
    public let undecoded: UndecodedParts
}

/// The parts of a policy that had errors of their own and were left out. An exception or a
/// test naming such a rule, or an expression using such a list or macro, is not a second
/// problem; and while anything has an error, no list or macro is reported unused (the broken
/// part may be what uses it).
public struct UndecodedParts: Sendable {
    /// Ids of rules left out.
    public var ruleIDs: Set<String> = []
    /// Names of lists and macros left out.
    public var names: Set<String> = []
    /// Whether decoding the document reported any error.
    public var hasErrors = false
}

/// A CEL expression written in a YAML scalar (or a part of one, like the collection of a
/// `for:`), with what it takes to map an offset in the expression back to the file.
public struct ExpressionText: Sendable {
    /// The expression's text, as CEL reads it.
    public let text: String
    /// The scalar node holding it.
    public let node: YAMLNode
    /// UTF-8 offset of `text` inside the scalar's text (non-zero for `for: org in <expr>`).
    public let offsetInScalar: Int
    public let file: SourceFile

    /// The file range of a UTF-8 range of `text`, through quotes, escapes and block scalars.
    public func sourceRange(ofTextRange range: Range<Int>) -> SourceRange {
        guard let scalar = node.scalar else { return node.range }
        let start = scalar.sourceOffset(ofTextOffset: offsetInScalar + range.lowerBound, in: file)
        let end = scalar.sourceOffset(ofTextOffset: offsetInScalar + range.upperBound, in: file)
        return SourceRange(start: start, end: max(start, end))
    }

    /// The range of the whole expression in the file.
    public var sourceRange: SourceRange { sourceRange(ofTextRange: 0..<text.utf8.count) }
}

/// A condition: a CEL expression, or a YAML combinator over conditions.
public indirect enum Condition: Sendable {
    case expression(ExpressionText)
    case all([Condition], range: SourceRange)
    case any([Condition], range: SourceRange)
    case not(Condition, range: SourceRange)

    /// Where the condition is written.
    public var range: SourceRange {
        switch self {
        case .expression(let expression): return expression.sourceRange
        case .all(_, let range), .any(_, let range), .not(_, let range): return range
        }
    }
}

/// What a rule is evaluated on.
public enum RuleTrigger: String, Sendable, CaseIterable {
    case usage, workspace, change
}

/// What happens when a rule fires. `block` fails the run (exit code 1); `warn` and `audit` are
/// reported but do not fail it (unless `--strict`); `audit` findings are for the record only.
public enum Enforcement: String, Sendable, CaseIterable, Comparable {
    case audit, warn, block

    private var rank: Int {
        switch self {
        case .audit: return 0
        case .warn: return 1
        case .block: return 2
        }
    }

    public static func < (lhs: Enforcement, rhs: Enforcement) -> Bool { lhs.rank < rhs.rank }
}

/// `forbid:` fires when the condition holds; `require:` fires when it does not.
public enum RuleMode: String, Sendable {
    case forbid, require
}

/// `for: NAME in COLLECTION`.
public struct ForBinding: Sendable {
    public let name: String
    public let nameRange: SourceRange
    public let collection: ExpressionText
}

/// A message or hint with `{expression}` placeholders, still as text.
public struct TemplateText: Sendable {
    public let text: String
    public let node: YAMLNode
    public let file: SourceFile
}

/// A rule as written.
public struct RuleDecl: Sendable {
    public let id: String
    public let idRange: SourceRange
    public let title: String?
    public let trigger: RuleTrigger
    public let forBinding: ForBinding?
    public let whereCondition: Condition?
    public let mode: RuleMode
    public let condition: Condition
    /// The `forbid:`/`require:` key, where "the field that decided" points when nothing better is known.
    public let conditionKeyRange: SourceRange
    public let enforcement: Enforcement
    public let message: TemplateText?
    public let hint: TemplateText?
    public let range: SourceRange
}

/// A named constant list (`lists:`), usable in expressions by name.
public struct ListDecl: Sendable {
    public let name: String
    public let nameRange: SourceRange
    public let items: [YAMLNode]
    public let range: SourceRange
}

/// A named condition (`macros:`), usable in expressions by name.
public struct MacroDecl: Sendable {
    public let name: String
    public let nameRange: SourceRange
    public let condition: Condition
}

/// An exception to one rule of the same policy set.
public struct ExceptionDecl: Sendable {
    public let rule: String
    public let ruleRange: SourceRange
    public let whereCondition: Condition?
    public let reason: String?
    /// `expires:` as written (`YYYY-MM-DD`), validated by the decoder.
    public let expires: CalendarDate?
    public let expiresRange: SourceRange?
    public let range: SourceRange
}

/// A date without a time, as `expires:` takes it. An exception applies through the whole of
/// its expiry day (UTC) and stops applying the day after.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month) else { return nil }
        let days = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...days[month - 1]).contains(day) else { return nil }
        (self.year, self.month, self.day) = (year, month, day)
    }

    /// Parses `YYYY-MM-DD`.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return nil }
        self.init(year: year, month: month, day: day)
    }

    public var description: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }
}

/// A test written in a policy.
public struct PolicyTestDecl: Sendable {
    public enum Expectation: Sendable {
        case allow
        case rules([(id: String, range: SourceRange)])
    }

    /// Where the test's workspace comes from.
    public enum WorkspaceSource: Sendable {
        case inline(YAMLNode)
        /// A path relative to the policy file.
        case file(path: String, range: SourceRange)
    }

    public let name: String
    public let nameRange: SourceRange
    public let event: YAMLNode?
    public let workspace: WorkspaceSource?
    public let before: WorkspaceSource?
    public let after: WorkspaceSource?
    public let expectation: Expectation
    public let expectRange: SourceRange
    public let range: SourceRange
}
