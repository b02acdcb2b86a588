import BylawEval
import BylawSource

/// Prints a ``ChangePlan``: text for admins, JSON for scripts.
public enum PlanReport {
    /// The plan as text. `policies` names the current and proposed policy sets when the change
    /// is (also) a policy change, so that the header says what was compared.
    public static func text(
        _ plan: ChangePlan, before: String, after: String, usage: String?,
        policies: (before: String, after: String)? = nil, style: TextStyle = .plain
    ) -> String {
        var out = style.bold("Plan: \(before) → \(after)") + "\n"
        if let policies { out += style.bold("Policies: \(policies.before) → \(policies.after)") + "\n" }
        out += "\n"
        let printer = TextReport.self
        if plan.added.isEmpty, plan.changeFindings.isEmpty {
            out += style.green("✔") + " the change introduces no finding\n"
        } else {
            out += style.red("+ \(plan.added.count + plan.changeFindings.count) new finding\(plan.added.count + plan.changeFindings.count == 1 ? "" : "s")") + " the change would introduce:\n"
            for finding in plan.added + plan.changeFindings { out += printer.render(finding, style: style, printer: DiagnosticPrinter(style: style)) }
        }
        if !plan.fixed.isEmpty {
            out += "\n" + style.green("- \(plan.fixed.count) finding\(plan.fixed.count == 1 ? "" : "s") fixed") + " by the change:\n"
            for finding in plan.fixed { out += printer.render(finding, style: style, printer: DiagnosticPrinter(style: style)) }
        }
        out += "\n= \(plan.unchanged) finding\(plan.unchanged == 1 ? "" : "s") unchanged\n"
        if let replay = plan.usage, let usage {
            out += "\n" + style.bold("Usage replayed: \(usage) (\(replay.events) events\(replay.malformed > 0 ? ", \(replay.malformed) malformed lines skipped" : ""))") + "\n"
            out += describe(replay.newlyBlocked, "newly blocked", style.red)
            out += describe(replay.noLongerBlocked, "no longer blocked", style.green)
            out += describe(replay.blockedByOtherRules)
        }
        return out
    }

    /// Events blocked before and after by different rules: what each version's rules are,
    /// the ones the change adds marked `+`, the ones it drops `-`.
    private static func describe(_ reblocks: [UsageReplay.Reblock]) -> String {
        guard !reblocks.isEmpty else { return "" }
        var out = "  \(reblocks.count) event\(reblocks.count == 1 ? "" : "s") still blocked, by other rules:\n"
        for reblock in reblocks.prefix(20) {
            let before = Set(reblock.rulesBefore)
            let after = Set(reblock.rulesAfter)
            let rules = reblock.rulesAfter.map { before.contains($0) ? $0 : "+" + $0 }
                + reblock.rulesBefore.filter { !after.contains($0) }.map { "-" + $0 }
            out += "    line \(reblock.event.line)\(reblock.event.id.map { " (\($0))" } ?? ""): \(rules.joined(separator: ", "))\n"
        }
        if reblocks.count > 20 { out += "    … and \(reblocks.count - 20) more\n" }
        return out
    }

    private static func describe(_ changes: [UsageReplay.Change], _ what: String, _ color: (String) -> String) -> String {
        guard !changes.isEmpty else { return "  0 events \(what)\n" }
        var out = "  " + color("\(changes.count) event\(changes.count == 1 ? "" : "s") \(what)") + ":\n"
        for change in changes.prefix(20) {
            out += "    line \(change.event.line)\(change.event.id.map { " (\($0))" } ?? ""): \(change.rules.joined(separator: ", "))\n"
        }
        if changes.count > 20 { out += "    … and \(changes.count - 20) more\n" }
        return out
    }

    public static func json(_ plan: ChangePlan) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("added", .array((plan.added + plan.changeFindings).map(\.jsonValue))),
            ("fixed", .array(plan.fixed.map(\.jsonValue))),
            ("unchanged", .int(Int64(plan.unchanged))),
        ]
        if let replay = plan.usage {
            func changes(_ list: [UsageReplay.Change]) -> JSONValue {
                .array(list.map { .object([("line", .int(Int64($0.event.line))), ("id", $0.event.id.map { .string($0) } ?? .null), ("rules", .array($0.rules.map { .string($0) }))]) })
            }
            fields.append(("usage", .object([
                ("events", .int(Int64(replay.events))), ("malformed", .int(Int64(replay.malformed))),
                ("newly_blocked", changes(replay.newlyBlocked)), ("no_longer_blocked", changes(replay.noLongerBlocked)),
                ("blocked_by_other_rules", .array(replay.blockedByOtherRules.map {
                    .object([
                        ("line", .int(Int64($0.event.line))), ("id", $0.event.id.map { .string($0) } ?? .null),
                        ("rules_before", .array($0.rulesBefore.map { .string($0) })),
                        ("rules_after", .array($0.rulesAfter.map { .string($0) })),
                    ])
                })),
            ])))
        }
        return .object(fields)
    }
}
