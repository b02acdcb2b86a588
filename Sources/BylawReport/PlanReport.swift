import BylawEval
import BylawSource

/// Prints a ``ChangePlan``: text for admins, JSON for scripts, GitHub annotations for a pull
/// request.
public enum PlanReport {
    /// The plan as text. `policies` names the current and proposed policy sets when the change
    /// is (also) a policy change, so that the header says what was compared. The last line is
    /// the verdict (``verdict(_:)``).
    public static func text(
        _ plan: ChangePlan, before: String, after: String, usage: String?,
        policies: (before: String, after: String)? = nil, style: TextStyle = .plain
    ) -> String {
        var out = style.bold("Plan: \(before) → \(after)") + "\n"
        if let policies { out += style.bold("Policies: \(policies.before) → \(policies.after)") + "\n" }
        out += "\n"
        let printer = DiagnosticPrinter(style: style)
        let introduced = plan.added + plan.changeFindings
        if introduced.isEmpty {
            out += style.green("✔") + " the change introduces no finding\n"
        } else {
            out += style.red("+ " + plural(introduced.count, "new finding")) + " the change would introduce:\n"
            for finding in introduced { out += TextReport.render(finding, style: style, printer: printer) }
        }
        if !plan.fixed.isEmpty {
            out += "\n" + style.green("- " + plural(plan.fixed.count, "finding") + " fixed") + " by the change:\n"
            for finding in plan.fixed { out += fixedLine(finding, style: style) }
        }
        out += "\n= \(plural(plan.unchanged, "finding")) unchanged\n"
        if let replay = plan.usage, let usage {
            out += "\n" + style.bold("Usage replayed: \(usage) (\(replay.events) events\(replay.malformed > 0 ? ", \(replay.malformed) malformed lines skipped" : ""))") + "\n"
            out += describe(replay.newlyBlocked, "newly blocked", style.red)
            if !replay.newlyBlocked.isEmpty {
                out += "    by user: " + counts(replay.newlyBlockedByUser) + "\n"
                out += "    by rule: " + counts(replay.newlyBlockedByRule) + "\n"
            }
            out += describe(replay.noLongerBlocked, "no longer blocked", style.green)
            out += describe(replay.blockedByOtherRules)
            out += describe(replay.newFindings, style: style)
        }
        out += "\n" + style.bold("verdict: " + verdict(plan)) + "\n"
        return out
    }

    /// One sentence: what the change adds, newly blocks (events and users), stops blocking and
    /// fixes, e.g. `this change newly blocks 14 events of 3 users; fixes 2 findings`.
    public static func verdict(_ plan: ChangePlan) -> String {
        var parts: [String] = []
        let introduced = plan.added + plan.changeFindings
        if !introduced.isEmpty {
            let blocking = introduced.count { $0.enforcement == .block }
            parts.append("adds \(plural(introduced.count, "finding"))" + (blocking > 0 ? " (\(blocking) at block)" : ""))
        }
        if let replay = plan.usage {
            if !replay.newlyBlocked.isEmpty {
                parts.append("newly blocks \(plural(replay.newlyBlocked.count, "event")) of \(plural(replay.newlyBlockedUsers, "user"))")
            }
            if !replay.noLongerBlocked.isEmpty { parts.append("no longer blocks \(plural(replay.noLongerBlocked.count, "event"))") }
            if !replay.newFindings.isEmpty { parts.append("reports \(plural(replay.newFindings.count, "new warn/audit usage finding"))") }
        }
        if !plan.fixed.isEmpty { parts.append("fixes \(plural(plan.fixed.count, "finding"))") }
        if parts.isEmpty { return "this change adds no finding" + (plan.usage == nil ? "" : ", blocks no new event") + " and fixes none" }
        return "this change " + parts.joined(separator: "; ")
    }

    /// `fixed: FILE:LINE:COL: message [POLICY/RULE]`: a finding the change removes, without the
    /// severity, since it no longer needs acting on.
    static func fixedLine(_ finding: Finding, style: TextStyle) -> String {
        var place = finding.inputPath
        if let span = finding.location {
            let start = span.start
            place = span.file.path + ":\(start.line):\(start.column)"
        } else if let event = finding.event {
            place += ":\(event.line)"
        }
        return "  " + style.green("fixed:") + " " + place + ": " + TerminalText.clean(finding.message) + " " + style.dim("[\(finding.rule.fullID)]") + "\n"
    }

    /// `line 14 (evt-0014), user bob, org us`.
    static func eventLabel(_ event: EventReference) -> String {
        var label = "line \(event.line)" + (event.id.map { " (\(TerminalText.clean($0)))" } ?? "")
        if let user = event.user { label += ", user " + TerminalText.clean(user) }
        if let org = event.org { label += ", org " + TerminalText.clean(org) }
        return label
    }

    /// Events blocked before and after by different rules: what each version's rules are,
    /// the ones the change adds marked `+`, the ones it drops `-`.
    private static func describe(_ reblocks: [UsageReplay.Reblock]) -> String {
        guard !reblocks.isEmpty else { return "" }
        var out = "  \(plural(reblocks.count, "event")) still blocked, by other rules:\n"
        for reblock in reblocks.prefix(20) {
            let before = Set(reblock.rulesBefore)
            let after = Set(reblock.rulesAfter)
            let rules = reblock.rulesAfter.map { before.contains($0) ? $0 : "+" + $0 }
                + reblock.rulesBefore.filter { !after.contains($0) }.map { "-" + $0 }
            out += "    \(eventLabel(reblock.event)): \(rules.joined(separator: ", "))\n"
        }
        if reblocks.count > 20 { out += "    … and \(reblocks.count - 20) more\n" }
        return out
    }

    /// Events newly blocked or no longer blocked: who, and each blocking rule with its message.
    private static func describe(_ changes: [UsageReplay.Change], _ what: String, _ color: (String) -> String) -> String {
        guard !changes.isEmpty else { return "  0 events \(what)\n" }
        var out = "  " + color("\(plural(changes.count, "event")) \(what)") + ":\n"
        for change in changes.prefix(20) {
            out += "    \(eventLabel(change.event)):\n"
            for reason in change.reasons { out += "      \(reason.rule): \(TerminalText.clean(reason.message))\n" }
        }
        if changes.count > 20 { out += "    … and \(changes.count - 20) more\n" }
        return out
    }

    /// New findings below `block` from the replayed usage.
    private static func describe(_ findings: [Finding], style: TextStyle) -> String {
        guard !findings.isEmpty else { return "" }
        var out = "  \(plural(findings.count, "new warn/audit finding")):\n"
        for finding in findings.prefix(20) {
            let severity = finding.enforcement.reportSeverity
            let label = finding.event.map(eventLabel) ?? finding.inputPath
            out += "    \(label): " + style.severity(severity, "\(severity.rawValue):") + " "
                + TerminalText.clean(finding.message) + " " + style.dim("[\(finding.rule.fullID)]") + "\n"
        }
        if findings.count > 20 { out += "    … and \(findings.count - 20) more\n" }
        return out
    }

    /// `bob (7), dave (2)`.
    private static func counts(_ counts: [UsageReplay.Count]) -> String {
        counts.map { "\(TerminalText.clean($0.name)) (\($0.events))" }.joined(separator: ", ")
    }

    static func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
}
