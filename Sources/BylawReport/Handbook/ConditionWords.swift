import BylawPolicy
import CEL

/// A condition said in words for the handbook, as inline Markdown: `event.user == "redaction-bot"`
/// reads "the user is `redaction-bot`", `event.artifact.classification in client_data` reads
/// "the artifact classification is one of `client`, `patient`, `account-number`".
///
/// Words come from the checked tree the compiler made (macros followed through), never from
/// parsing text again. A part it has no words for is shown as written, in code; inside a macro,
/// where the text is not at hand, the macro is named instead. So the words are never a guess.
struct ConditionWords {
    /// Past this length the whole condition is shown as written: a sentence that long helps nobody.
    static let maxLength = 400
    private static let maxDepth = 16

    /// The policy's constant lists by name, with their items as written.
    let lists: [String: [String]]
    /// The top-level expression, whose parts can be quoted from the policy file.
    let expression: CompiledExpression

    /// The condition in words.
    static func words(_ expression: CompiledExpression, lists: [String: [String]]) -> String {
        let speaker = ConditionWords(lists: lists, expression: expression)
        let root = expression.checked.ast.root
        if let words = speaker.condition(root, in: expression.checked, quotable: true, depth: 0), words.count <= maxLength { return words }
        return code(speaker.written(root))
    }

    // MARK: Conditions

    private func condition(_ node: CELExpr, in checked: CELCheckedExpr, quotable: Bool, depth: Int, negated: Bool = false) -> String? {
        guard depth < Self.maxDepth else { return nil }
        let said = plainCondition(node, in: checked, quotable: quotable, depth: depth, negated: negated)
        if let said { return said }
        guard quotable else { return nil }
        return negated ? "not " + Self.code(written(node)) : Self.code(written(node))
    }

    private func plainCondition(_ node: CELExpr, in checked: CELCheckedExpr, quotable: Bool, depth: Int, negated: Bool) -> String? {
        let next = depth + 1
        switch node.kind {
        case .call(nil, CELOperator.logicalAnd, let args), .call(nil, CELOperator.logicalOr, let args):
            guard case .call(_, let function, _) = node.kind else { return nil }
            // "not (a and b)" is "a is not … or b is not …".
            let joined = (function == CELOperator.logicalAnd) != negated ? " and " : " or "
            let parts = args.compactMap { arg -> String? in
                guard let part = condition(arg, in: checked, quotable: quotable, depth: next, negated: negated) else { return nil }
                return isJunction(arg) ? "(\(part))" : part
            }
            return parts.count == args.count ? parts.joined(separator: joined) : nil
        case .call(nil, CELOperator.logicalNot, let args) where args.count == 1:
            return condition(args[0], in: checked, quotable: quotable, depth: next, negated: !negated)
        case .call(nil, let function, let args) where args.count == 2 && Self.comparisons[function] != nil:
            return comparison(function, args[0], args[1], in: checked, negated: negated, depth: next)
        case .call(nil, CELOperator.in, let args) where args.count == 2:
            return membership(args[0], args[1], in: checked, negated: negated, depth: next)
        case .call(let target?, let function, let args) where args.count == 1 && Self.textTests[function] != nil:
            guard let subject = subject(target, in: checked, depth: next), let value = value(args[0], in: checked, depth: next),
                  let verb = Self.textTests[function] else { return nil }
            return "\(subject) \(negated ? "does not " + verb.dropLast() : verb) \(value)"
        case .select(let operand, let field, testOnly: true):
            guard let owner = subject(operand, in: checked, depth: next) else { return nil }
            return "\(possessive(owner)) \(Self.spoken(field)) is \(negated ? "not set" : "set")"
        case .ident(let name, _):
            guard let alias = checked.alias(of: node.id) else { return nil }
            // A macro: its words, or its name when its parts have none.
            return condition(alias.ast.root, in: alias, quotable: false, depth: next, negated: negated)
                ?? (negated ? "not " : "") + Self.code(name)
        default:
            guard checked.type(of: node.id) == .bool, let subject = subject(node, in: checked, depth: next) else { return nil }
            return "\(subject) is \(negated ? "false" : "true")"
        }
    }

    private func isJunction(_ node: CELExpr) -> Bool {
        guard case .call(nil, let function, _) = node.kind else { return false }
        return function == CELOperator.logicalAnd || function == CELOperator.logicalOr
    }

    private static let comparisons: [String: (plain: String, negated: String, mirrored: String)] = [
        CELOperator.equals: ("is", "is not", CELOperator.equals),
        CELOperator.notEquals: ("is not", "is", CELOperator.notEquals),
        CELOperator.less: ("is less than", "is at least", CELOperator.greater),
        CELOperator.lessEquals: ("is at most", "is more than", CELOperator.greaterEquals),
        CELOperator.greater: ("is more than", "is at most", CELOperator.less),
        CELOperator.greaterEquals: ("is at least", "is less than", CELOperator.lessEquals),
    ]

    private static let textTests = ["startsWith": "starts with", "endsWith": "ends with", "contains": "contains"]

    private func comparison(_ function: String, _ left: CELExpr, _ right: CELExpr, in checked: CELCheckedExpr, negated: Bool, depth: Int) -> String? {
        // The value goes last: `"x" == event.user` reads as `event.user == "x"`.
        var (function, left, right) = (function, left, right)
        if case .literal = left.kind, let mirrored = Self.comparisons[function]?.mirrored {
            (function, left, right) = (mirrored, right, left)
        }
        guard let verbs = Self.comparisons[function], let subject = subject(left, in: checked, depth: depth),
              let value = value(right, in: checked, depth: depth) else { return nil }
        return "\(subject) \(negated ? verbs.negated : verbs.plain) \(value)"
    }

    private func membership(_ element: CELExpr, _ collection: CELExpr, in checked: CELCheckedExpr, negated: Bool, depth: Int) -> String? {
        let items: [String]?
        switch collection.kind {
        case .list(let elements, _): items = elements.map { literal($0) }.allSatisfy { $0 != nil } ? elements.compactMap(literal) : nil
        case .ident(let name, _) where lists[name] != nil: items = lists[name]?.map(Self.code)
        default: items = nil
        }
        if let items, let subject = subject(element, in: checked, depth: depth) {
            if items.count == 1, let only = items.first { return "\(subject) \(negated ? "is not" : "is") \(only)" }
            return "\(subject) \(negated ? "is none of" : "is one of") \(items.joined(separator: ", "))"
        }
        guard let value = value(element, in: checked, depth: depth), let place = subject(collection, in: checked, depth: depth) else { return nil }
        return "\(value) \(negated ? "is not" : "is") in \(place)"
    }

    // MARK: Values and what they belong to

    /// A value as a reader names it: a literal as written, otherwise what it is the value of.
    private func value(_ node: CELExpr, in checked: CELCheckedExpr, depth: Int) -> String? {
        literal(node) ?? subject(node, in: checked, depth: depth)
    }

    private func literal(_ node: CELExpr) -> String? {
        guard case .literal(let literal) = node.kind else { return nil }
        switch literal {
        case .string(let text): return text.isEmpty ? "empty" : Self.code(text)
        case .int(let number): return String(number)
        case .uint(let number): return String(number)
        case .double(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .null: return "nothing"
        case .bytes: return nil
        }
    }

    /// What a path reads: `event.artifact.classification` is "the artifact classification",
    /// `org.parent` "the org's parent", `label(user, "role")` "the `role` label of the user".
    private func subject(_ node: CELExpr, in checked: CELCheckedExpr, depth: Int) -> String? {
        guard depth < Self.maxDepth else { return nil }
        var fields: [String] = []
        var root = node
        while case .select(let operand, let field, false) = root.kind {
            fields.insert(Self.spoken(field), at: 0)
            root = operand
        }
        let words = fields.joined(separator: " ")
        switch root.kind {
        case .ident(let name, _):
            if let alias = checked.alias(of: root.id) {
                let owner = subject(alias.ast.root, in: alias, depth: depth + 1) ?? Self.code(name)
                return fields.isEmpty ? owner : "\(possessive(owner)) \(words)"
            }
            switch name {
            case "event": return fields.isEmpty ? "the event" : "the \(words)"
            case "before", "after": return fields.isEmpty ? "the workspace \(name) the change" : "the \(words) \(name) the change"
            default: return fields.isEmpty ? "the \(Self.spoken(name))" : "the \(Self.spoken(name))'s \(words)"
            }
        case .call(let target?, let function, let args) where args.count == 1 && Self.lookups.contains(function):
            guard case .ident("workspace", _) = target.kind else { return nil }
            // `workspace.user(event.user)` is the event's user; `workspace.org("us")` the org `us`.
            let owner: String
            if case .select(let operand, let field, false) = args[0].kind, case .ident("event", _) = operand.kind {
                owner = "the \(Self.spoken(field))"
            } else if let id = literal(args[0]) {
                owner = "the \(function) \(id)"
            } else {
                return nil
            }
            return fields.isEmpty ? owner : "\(possessive(owner)) \(words)"
        case .call(nil, DomainSchema.labelFunctionName, let args) where args.count == 2 && fields.isEmpty:
            guard case .literal(.string(let name)) = args[1].kind, let owner = subject(args[0], in: checked, depth: depth + 1) else { return nil }
            return "the \(Self.code(name)) label of \(owner)"
        case .call(let target, "size", let args) where fields.isEmpty && (target == nil ? args.count == 1 : args.isEmpty):
            guard let counted = target ?? args.first, let owner = subject(counted, in: checked, depth: depth + 1) else { return nil }
            return "the number of \(owner.hasPrefix("the ") ? String(owner.dropFirst(4)) : owner)"
        default:
            return nil
        }
    }

    private static let lookups = Set(WorkspaceLookupKind.allCases.map(\.functionName))

    private func possessive(_ owner: String) -> String { owner.hasSuffix("s") ? owner + "'" : owner + "'s" }

    private static func spoken(_ name: String) -> String { name.replacingUnderscores }

    // MARK: Text as written

    /// The part of the top-level expression `node` covers, as written in the policy file.
    private func written(_ node: CELExpr) -> String {
        let span = expression.sourceSpan(of: node.range)
        let bytes = span.file.bytes
        let start = max(0, min(span.range.start, bytes.count))
        let end = max(start, min(span.range.end, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" })
            .joined(separator: " ")
    }

    /// Text as a Markdown code span, fenced by more backticks than it holds in a row.
    static func code(_ text: String) -> String {
        var longest = 0, run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let padded = text.hasPrefix("`") || text.hasSuffix("`") ? " \(text) " : text
        return fence + padded + fence
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
