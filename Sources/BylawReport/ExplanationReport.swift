import BylawEval
import BylawPolicy
import BylawSource

/// `bylaw explain`'s report: each rule's explanation as text for people (a header in the
/// compiler's style at the rule's line, then its conditions as a tree, every part with its
/// value, its place in the policy and the values it read), or one JSON document for tools.
///
/// ```
/// Policies/client-data.yaml:12:9: client-data/no-client-data-in-consumer-chat fires (block)
///   forbid:
///     ✓ all (17:7)
///       ✓ event.artifact.classification in client_data (18:11)
///           event.artifact.classification = "client"
///           client_data = ["client", "patient", "account-number"]
///       ✓ macro consumer_chat (19:11)
///         ✓ event.destination.kind == "consumer-chat" (10:18)
///             event.destination.kind = "consumer-chat"
///   exception (34:5) does not apply: Redacted test documents, approved by legal
///     ✗ event.user == "redaction-bot" (35:12)
///         event.user = "alice"
///   message: alice sent client data to chat-free
/// ```
public struct ExplanationReport: Sendable {
    public let explanations: [RuleExplanation]
    /// The `on:` of the rules the input runs, named when there are none to explain.
    public let trigger: RuleTrigger?

    public init(_ explanations: [RuleExplanation], trigger: RuleTrigger? = nil) {
        self.explanations = explanations
        self.trigger = trigger
    }

    /// Every explanation, then a count line.
    public func text(style: TextStyle = .plain) -> String {
        var out = ""
        for explanation in explanations { out += Self.text(explanation, style: style) }
        out += style.bold(countLine) + "\n"
        return out
    }

    /// `{"explanations": [...], "summary": {...}}`.
    public func json() -> JSONValue {
        .object([
            ("explanations", .array(explanations.map(\.jsonValue))),
            ("summary", .object([("rules", .int(Int64(explanations.count)))] + Self.outcomes.map { outcome in
                (outcome.summaryKey, .int(Int64(explanations.count { $0.outcomeName == outcome.key })))
            })),
        ])
    }

    /// The outcomes in the order the count line and the summary give them, with their words.
    private static let outcomes: [(key: String, summaryKey: String, words: String)] = [
        ("fired", "fired", "fire"), ("evaluation-error", "evaluation_errors", "could not be evaluated"), ("excepted", "excepted", "excepted"),
        ("passed", "passed", "pass"), ("not-applicable", "not_applicable", "do not apply"),
    ]

    /// `3 explained: 1 fires, 1 passes, 1 does not apply`.
    var countLine: String {
        let parts = Self.outcomes.compactMap { outcome -> String? in
            let count = explanations.count { $0.outcomeName == outcome.key }
            return count > 0 ? "\(count) \(outcome.words)" : nil
        }
        if explanations.isEmpty, let trigger { return "nothing to explain: the policies have no 'on: \(trigger.rawValue)' rule" }
        let head = "\(explanations.count) explained"
        return parts.isEmpty ? head : head + ": " + parts.joined(separator: ", ")
    }

    /// One explanation: its header, its conditions, its exceptions, what it reported.
    public static func text(_ explanation: RuleExplanation, style: TextStyle, indent: String = "") -> String {
        var printer = ExplanationPrinter(style: style, file: explanation.rule.definedAt?.file.path, indent: indent)
        printer.header(explanation)
        if let whereCondition = explanation.whereCondition { printer.part("where", whereCondition) }
        if let condition = explanation.condition { printer.part(explanation.mode.rawValue, condition) }
        for exception in explanation.exceptions { printer.exception(exception) }
        printer.result(explanation)
        return printer.out
    }
}
