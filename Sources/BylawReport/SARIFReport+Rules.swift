import BylawPolicy
import BylawSource

extension SARIFReport {
    /// A policy rule as a SARIF `reportingDescriptor`: the title as short description, the
    /// policy's handbook text as full description and help (plain and Markdown), the
    /// enforcement as default level, and the policy, trigger and owner as properties.
    static func descriptor(_ rule: RuleDescriptor) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(rule.fullID)),
            ("name", .string(rule.ruleID)),
            ("shortDescription", .object([("text", .string(rule.title))])),
        ]
        if let help = rule.help, !help.isEmpty {
            pairs.append(("fullDescription", .object([("text", .string(help)), ("markdown", .string(help))])))
            pairs.append(("help", .object([("text", .string(help)), ("markdown", .string(help))])))
        }
        pairs.append(("defaultConfiguration", .object([("level", .string(rule.enforcement.sarifLevel))])))
        var properties: [(String, JSONValue)] = [
            ("policy", .string(rule.policyID)),
            ("trigger", .string(rule.trigger.rawValue)),
            ("enforcement", .string(rule.enforcement.rawValue)),
        ]
        if let owner = rule.owner { properties.append(("owner", .string(owner))) }
        if let span = rule.definedAt {
            let start = span.start
            properties.append(("definedAt", .string("\(span.file.path):\(start.line):\(start.column)")))
        }
        properties.append(("tags", .array([.string("bylaw"), .string(rule.trigger.rawValue), .string(rule.policyID)])))
        pairs.append(("properties", .object(properties)))
        return .object(pairs)
    }
}
