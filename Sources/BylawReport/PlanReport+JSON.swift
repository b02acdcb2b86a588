import BylawEval
import BylawSource

extension PlanReport {
    /// `{"added", "fixed", "unchanged", "usage", "verdict"}`. Newly blocked and no longer
    /// blocked events carry `user`, `org` and `reasons` (rule and message) beside `rules`;
    /// `usage` also has the per-user and per-rule counts of newly blocked events and the new
    /// findings below `block`.
    public static func json(_ plan: ChangePlan) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("added", .array((plan.added + plan.changeFindings).map(\.jsonValue))),
            ("fixed", .array(plan.fixed.map(\.jsonValue))),
            ("unchanged", .int(Int64(plan.unchanged))),
        ]
        if let replay = plan.usage {
            func optional(_ text: String?) -> JSONValue { text.map { .string($0) } ?? .null }
            func changes(_ list: [UsageReplay.Change]) -> JSONValue {
                .array(list.map {
                    .object([
                        ("line", .int(Int64($0.event.line))), ("id", optional($0.event.id)),
                        ("user", optional($0.user)), ("org", optional($0.org)),
                        ("rules", .array($0.rules.map { .string($0) })),
                        ("reasons", .array($0.reasons.map { .object([("rule", .string($0.rule)), ("message", .string($0.message))]) })),
                    ])
                })
            }
            func counts(_ list: [UsageReplay.Count], _ key: String) -> JSONValue {
                .array(list.map { .object([(key, .string($0.name)), ("events", .int(Int64($0.events)))]) })
            }
            fields.append(("usage", .object([
                ("events", .int(Int64(replay.events))), ("malformed", .int(Int64(replay.malformed))),
                ("newly_blocked", changes(replay.newlyBlocked)), ("no_longer_blocked", changes(replay.noLongerBlocked)),
                ("blocked_by_other_rules", .array(replay.blockedByOtherRules.map {
                    .object([
                        ("line", .int(Int64($0.event.line))), ("id", optional($0.event.id)),
                        ("rules_before", .array($0.rulesBefore.map { .string($0) })),
                        ("rules_after", .array($0.rulesAfter.map { .string($0) })),
                    ])
                })),
                ("newly_blocked_users", .int(Int64(replay.newlyBlockedUsers))),
                ("newly_blocked_by_user", counts(replay.newlyBlockedByUser, "user")),
                ("newly_blocked_by_rule", counts(replay.newlyBlockedByRule, "rule")),
                ("new_findings", .array(replay.newFindings.map(\.jsonValue))),
            ])))
        }
        fields.append(("verdict", .string(verdict(plan))))
        return .object(fields)
    }

    /// GitHub Actions annotations: each finding the change introduces at its enforcement and
    /// place in the proposed config; each fixed finding as a `::notice` (`fixed: …`); each newly
    /// blocked event as an `::error` on its line of the usage stream (who, and each rule's
    /// message), each event no longer blocked as a `::notice`, each new usage finding below
    /// `block` at its enforcement. The last line, not a command, is the verdict.
    public static func github(_ plan: ChangePlan, usage: String?) -> String {
        var out = ""
        for finding in plan.added + plan.changeFindings { out += GitHubReport.command(for: finding) + "\n" }
        for finding in plan.fixed {
            var properties = GitHubReport.position(span: finding.location, path: finding.inputPath)
            properties.append(("title", "\(finding.rule.fullID): \(finding.rule.title)"))
            out += WorkflowCommand(name: "notice", properties: properties, message: "fixed: " + finding.message).line + "\n"
        }
        if let replay = plan.usage, let usage {
            func annotate(_ change: UsageReplay.Change, command: String, what: String) -> String {
                var who: [String] = []
                if let user = change.user { who.append("user " + user) }
                if let org = change.org { who.append("org " + org) }
                if let id = change.event.id { who.append("event " + id) }
                let head = what + (who.isEmpty ? "" : " (" + who.joined(separator: ", ") + ")")
                let message = ([head] + change.reasons.map { "\($0.rule): \($0.message)" }).joined(separator: "\n")
                let properties = [("file", usage), ("line", String(change.event.line)), ("title", what + ": " + change.rules.joined(separator: ", "))]
                return WorkflowCommand(name: command, properties: properties, message: message).line + "\n"
            }
            for change in replay.newlyBlocked { out += annotate(change, command: "error", what: "newly blocked") }
            for change in replay.noLongerBlocked { out += annotate(change, command: "notice", what: "no longer blocked") }
            for finding in replay.newFindings { out += GitHubReport.command(for: finding, prefix: "new: ") + "\n" }
        }
        return out + "bylaw: " + verdict(plan) + "\n"
    }
}
