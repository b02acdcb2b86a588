import CEL

/// CEL's issues about the mistakes policy owners make most, said so that someone who does not
/// program can fix them: `=` for `==`, `and`/`or`/`not` for `&&`/`||`/`!`, a number compared with
/// text. The code and position stay CEL's; CEL's own wording is kept as a note for programmers.
///
/// Anything not recognised here keeps CEL's message: it is already precise, and a guess
/// dressed as plain language would be worse than an exact technical message.
enum PlainLanguage {
    /// A policy owner's version of an issue.
    struct Rewording: Equatable {
        let message: String
        let hint: String
        /// Where the mistake is, when that is not where CEL noticed it (the `not` before the
        /// token CEL stopped at).
        var range: CELRange?
    }

    /// How CEL's own message is kept, as a note under the plain one.
    static func note(_ issue: CELIssue) -> String { "in CEL's words: \(issue.message)" }

    /// The plain version of `issue`, or nil to keep CEL's. `text` is the expression the issue's
    /// range points into (for syntax errors), `root` its parsed tree (for type errors), and
    /// `parses` tells whether a corrected text would parse, so a suggested fix is never itself wrong.
    static func reword(_ issue: CELIssue, text: String?, root: CELExpr?, parses: (String) -> Bool) -> Rewording? {
        if issue.code == .syntax, let text { return syntax(issue, text: text, parses: parses) }
        if issue.code == .noMatchingOverload, let root { return comparison(issue, root: root) }
        // `not (a == b)` parses as a call of a function `not`.
        if issue.code == .undeclaredReference, let root, let call = ExpressionWords.call(at: issue.range, in: root),
           case .call(nil, let function, _) = call.kind, function.lowercased() == "not" {
            let word = CELRange(start: issue.range.start, end: issue.range.start + function.utf8.count)
            return rewording(.not, written: function, text: text, range: word, parses: parses)
        }
        return nil
    }

    // MARK: Words from other languages

    /// The operator a policy owner wrote, as CEL spells it.
    private enum Operator {
        case assign, and, or, not

        var cel: String {
            switch self {
            case .assign: return "=="
            case .and: return "&&"
            case .or: return "||"
            case .not: return "!"
            }
        }

        func message(_ word: String) -> String {
            switch self {
            case .assign: return "'=' does not compare two values; write '==' to test that they are equal"
            case .and, .or, .not: return "'\(word)' is written '\(cel)' in an expression"
            }
        }

        /// The YAML way of saying the same, for the hint.
        var combinator: String? {
            switch self {
            case .assign: return nil
            case .and: return "or list the conditions under `all:`"
            case .or: return "or list the conditions under `any:`"
            case .not: return "or put the condition under `not:`"
            }
        }

        var example: String {
            switch self {
            case .assign: return "event.kind == \"share\""
            case .and: return "event.kind == \"share\" && event.scope == \"org\""
            case .or: return "event.kind == \"share\" || event.kind == \"upload\""
            case .not: return "!(event.kind == \"share\")"
            }
        }
    }

    private static func syntax(_ issue: CELIssue, text: String, parses: (String) -> Bool) -> Rewording? {
        let bytes = Array(text.utf8)
        let start = max(0, min(issue.range.start, bytes.count))
        let end = max(start, min(issue.range.end, bytes.count))
        let token = String(decoding: bytes[start..<end], as: UTF8.self)
        switch token.lowercased() {
        case "=": return rewording(.assign, written: token, text: text, range: nil, parses: parses)
        case "and": return rewording(.and, written: token, text: text, range: nil, parses: parses)
        case "or": return rewording(.or, written: token, text: text, range: nil, parses: parses)
        default:
            // `not a == b` parses `not` as a name and stops at the next token.
            guard let word = ExpressionWords.word(endingBefore: start, in: bytes), word.text.lowercased() == "not" else { return nil }
            return rewording(.not, written: word.text, text: text, range: word.range, parses: parses)
        }
    }

    /// The message and hint for an operator written as another language spells it; the hint
    /// gives the whole expression respelled when that parses.
    private static func rewording(_ found: Operator, written: String, text: String?, range: CELRange?, parses: (String) -> Bool) -> Rewording {
        let corrected = text.flatMap(ExpressionWords.corrected).flatMap { parses($0) ? $0 : nil }
        var hint = corrected.map { "write `\($0)`" } ?? "write `\(found.cel)`, as in `\(found.example)`"
        if let combinator = found.combinator { hint += ", \(combinator)" }
        return Rewording(message: found.message(written), hint: hint, range: range)
    }

    // MARK: Values of different kinds

    private static let comparisons: Set<String> = [
        CELOperator.equals, CELOperator.notEquals, CELOperator.less, CELOperator.lessEquals, CELOperator.greater, CELOperator.greaterEquals,
    ]

    /// A kind of value as a policy owner names it; nil for kinds this does not explain.
    private static func kind(_ type: CELType) -> String? {
        switch type {
        case .int, .uint, .double: return "a number"
        case .string: return "text"
        case .bool: return "true or false"
        case .timestamp: return "a time"
        default: return nil
        }
    }

    private static func comparison(_ issue: CELIssue, root: CELExpr) -> Rewording? {
        guard issue.argumentTypes.count == 2, let call = ExpressionWords.call(at: issue.range, in: root),
              case .call(nil, let function, let args) = call.kind, comparisons.contains(function), args.count == 2,
              let left = kind(issue.argumentTypes[0]), let right = kind(issue.argumentTypes[1]), left != right,
              left == "text" || right == "text" else { return nil }
        let textSide = left == "text" ? 0 : 1
        let other = issue.argumentTypes[1 - textSide]
        let otherKind = textSide == 0 ? right : left
        let message = "this compares \(left) with \(right)"
        if case .literal(.string(let quoted)) = args[textSide].kind {
            switch other {
            case .timestamp:
                let time = ExpressionWords.isDate(quoted) ? quoted + "T00:00:00Z" : quoted
                return Rewording(message: message, hint: "write the time as `timestamp(\"\(time)\")`")
            case .bool where quoted == "true" || quoted == "false":
                return Rewording(message: message, hint: "remove the quotes around \(quoted): true and false are written without quotes")
            case .int, .uint, .double:
                if ExpressionWords.isNumeral(quoted) {
                    return Rewording(message: message, hint: "remove the quotes around \(quoted): numbers are written without quotes")
                }
            default:
                break
            }
            return Rewording(message: message, hint: "\"\(quoted)\" is text because it is in quotes; compare with \(otherKind) instead")
        }
        if case .literal(let literal) = args[1 - textSide].kind, let shown = ExpressionWords.shown(literal) {
            return Rewording(message: message, hint: "put \(shown) in quotes, \"\(shown)\", to compare it with text")
        }
        let hint: String
        switch other {
        case .int, .uint, .double: hint = "convert one side: `int(…)` or `double(…)` reads a number from text, `string(…)` writes a number as text"
        case .timestamp: hint = "convert the text with `timestamp(…)`, or the time with `string(…)`"
        default: hint = "convert one side with `string(…)`"
        }
        return Rewording(message: message, hint: hint)
    }
}
