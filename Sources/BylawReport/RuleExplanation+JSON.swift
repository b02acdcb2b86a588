import BylawEval
import BylawPolicy
import BylawSource

extension RuleExplanation {
    /// The explanation as JSON (docs/explain.md): the rule, the `for:` element, `where` and the
    /// condition as trees of parts with their values and reads, the exceptions, the outcome and
    /// the enforcement that results.
    public var jsonValue: JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("rule", .string(rule.fullID)),
            ("policy", .string(rule.policyID)),
            ("location", rule.definedAt.map(\.locationJSON) ?? .null),
        ]
        if let element { pairs.append(("element", .object([("name", .string(element.name))] + element.value.jsonPairs))) }
        pairs += [
            ("where", whereCondition.map(\.jsonValue) ?? .null),
            ("mode", .string(mode.rawValue)),
            ("condition", condition.map(\.jsonValue) ?? .null),
            ("exceptions", .array(exceptions.map(\.jsonValue))),
            ("outcome", .string(outcomeName)),
            ("enforcement", enforcement.map { .string($0.rawValue) } ?? .null),
        ]
        switch outcome {
        case .fired(let message, let hint): pairs += [("message", .string(message)), ("hint", hint.map(JSONValue.string) ?? .null)]
        case .failed(let failure): pairs.append(("error", .string(failure.message)))
        case .notApplicable, .passed, .excepted: break
        }
        if let location { pairs.append(("input_location", location.locationJSON)) }
        return .object(pairs)
    }

    /// `fired`, `passed`, `not-applicable`, `excepted` or `evaluation-error`.
    public var outcomeName: String {
        switch outcome {
        case .fired: return "fired"
        case .passed: return "passed"
        case .notApplicable: return "not-applicable"
        case .excepted: return "excepted"
        case .failed: return "evaluation-error"
        }
    }
}

extension ExplainedCondition {
    /// `kind`, `text`, `location`, the value (`value`, or `error`, or `skipped`), `reads`,
    /// `children`, and `omitted` when parts were left out.
    public var jsonValue: JSONValue {
        let kindName: String
        var pairs: [(String, JSONValue)] = []
        switch kind {
        case .all: kindName = "all"
        case .any: kindName = "any"
        case .not: kindName = "not"
        case .leaf: kindName = "leaf"
        case .macro: kindName = "macro"
        }
        // The text is the policy's own: a hostile policy's megabyte expression is cut, its place kept.
        pairs += [("kind", .string(kindName)), ("text", .string(text.shortened(to: Self.maxText))), ("location", span.locationJSON)]
        pairs += value.jsonPairs
        if !reads.isEmpty {
            pairs.append(("reads", .array(reads.map { .object([("expression", .string($0.text.shortened(to: Self.maxText)))] + $0.value.jsonPairs) })))
        }
        if !children.isEmpty { pairs.append(("children", .array(children.map(\.jsonValue)))) }
        if omitted > 0 { pairs.append(("omitted", .int(Int64(omitted)))) }
        return .object(pairs)
    }
}

extension ExplainedCondition {
    /// The most characters of a part's text the JSON holds.
    static let maxText = 2_000
}

extension ExplainedException {
    /// `location`, `reason`, `expires`, `status` (`applied`, `not-matching`, `evaluation-error`,
    /// `expired`, `not-considered`) and `where`.
    public var jsonValue: JSONValue {
        .object([
            ("location", span.locationJSON),
            ("reason", declaration.reason.map(JSONValue.string) ?? .null),
            ("expires", declaration.expires.map { .string($0.description) } ?? .null),
            ("status", .string(statusName)),
            ("where", whereCondition.map(\.jsonValue) ?? .null),
        ])
    }

    var statusName: String {
        switch status {
        case .applied: return "applied"
        case .notMatching: return "not-matching"
        case .failed: return "evaluation-error"
        case .expired: return "expired"
        case .notConsidered: return "not-considered"
        }
    }
}

extension ExplainedValue {
    /// `("value", …)`, `("error", …)` or `("skipped", …)`.
    var jsonPairs: [(String, JSONValue)] {
        switch self {
        case .value(_, let json): return [("value", json)]
        case .error(let message): return [("error", .string(message))]
        case .skipped(let reason): return [("skipped", .string(reason))]
        }
    }
}

extension SourceSpan {
    /// `{"file", "line", "column"}` of the span's start.
    var locationJSON: JSONValue {
        let start = self.start
        return .object([("file", .string(file.path)), ("line", .int(Int64(start.line))), ("column", .int(Int64(start.column)))])
    }
}
