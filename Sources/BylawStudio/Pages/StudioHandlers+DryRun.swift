import BylawEval
import BylawModel
import BylawPolicy
import BylawReport
import BylawSource

extension StudioHandlers {
    /// `GET /dry-run` and `POST /dry-run`: a proposed workspace config (picked or pasted),
    /// optionally a proposed policy set and past usage → the plan `bylaw plan` makes: findings
    /// added and fixed, and the events the change would newly block, by user and by rule.
    func dryRunPage(_ call: Call) -> String {
        let frame = page("Dry-run", .dryRun)
        let fields = call.route == .dryRunRun ? call.form : call.query
        var out = "<h1>Dry-run a change</h1>"
        let working = WorkingSet.load(configuration)
        guard let set = working.set else { return frame.render(out + notCompiling(working)) }
        let examples = ExampleFiles(folders)
        let before = fields["before"] ?? (configuration.workspace == nil ? "paste" : "studio")
        let after = fields["after"] ?? "paste"
        var afterText = fields["after-text"] ?? ""
        if call.route == .dryRun, afterText.isEmpty, let path = configuration.workspace,
           let file = try? SourceFile.read(path: path, maxBytes: configuration.limits.maxBody) {
            afterText = String(decoding: file.bytes, as: UTF8.self)
        }
        let policiesAfter = fields["policies-after"] ?? ""
        let usage = fields["usage"] ?? ""
        let policyOptions = "<option value=\"\"\(policiesAfter.isEmpty ? " selected" : "")>no policy change (the folder as it is)</option>"
            + ExampleFiles.options(examples.policySets, selected: policiesAfter)
        let usageOptions = "<option value=\"\"\(usage.isEmpty ? " selected" : "")>none</option>"
            + "<option value=\"paste\"\(usage == "paste" ? " selected" : "")>pasted below</option>"
            + ExampleFiles.options(examples.streams, selected: usage)
        out += """
            <p>What would change if the proposed config (and, if you pick one, the proposed policies) were applied: the findings it adds \
            and fixes, and, replaying past usage, the events it would newly block.</p>
            <form method="post" action="\(StudioRoute.dryRun.path)" class="try-form" id="dry-run-form">
            \(frame.tokenField)
            <div class="columns">
            <fieldset><legend>Current</legend>
            \(configChoice(before, name: "before", label: "Current config", examples: examples, allowStudio: true))
            <label for="before-text">Current config, pasted (when chosen above)</label>
            <textarea id="before-text" name="before-text" rows="6" spellcheck="false">\(h(fields["before-text"] ?? ""))</textarea>
            </fieldset>
            <fieldset><legend>Proposed</legend>
            \(configChoice(after, name: "after", label: "Proposed config", examples: examples, allowStudio: false))
            <label for="after-text">Proposed config, pasted (when chosen above)</label>
            <textarea id="after-text" name="after-text" rows="12" spellcheck="false">\(h(afterText))</textarea>
            <div class="field"><label for="policies-after">Proposed policies</label><select id="policies-after" name="policies-after">\(policyOptions)</select></div>
            </fieldset>
            </div>
            <fieldset><legend>Past usage to replay</legend>
            <div class="field"><label for="usage-choice">Usage stream (NDJSON)</label><select id="usage-choice" name="usage">\(usageOptions)</select></div>
            <label for="usage-text">Usage, pasted (one event a line)</label>
            <textarea id="usage-text" name="usage-text" rows="4" spellcheck="false">\(h(fields["usage-text"] ?? ""))</textarea>
            </fieldset>
            <button type="submit" id="plan">Dry-run</button>
            </form>
            """
        guard call.route == .dryRunRun else { return frame.render(out) }
        out += "<section class=\"result\" aria-labelledby=\"result-title\" id=\"result\"><h2 id=\"result-title\">The plan</h2>"
        switch plan(fields, current: set) {
        case .success(let plan): out += planHTML(plan)
        case .failure(let failure): out += failure.html
        }
        return frame.render(out + "</section>")
    }

    private func configChoice(_ chosen: String, name: String, label: String, examples: ExampleFiles, allowStudio: Bool) -> String {
        var options = ""
        if allowStudio, let path = configuration.workspace {
            options += "<option value=\"studio\"\(chosen == "studio" ? " selected" : "")>\(h(path)) (the studio's)</option>"
        }
        options += "<option value=\"paste\"\(chosen == "paste" ? " selected" : "")>pasted below</option>"
        options += ExampleFiles.options(examples.configs, selected: chosen)
        return "<div class=\"field\"><label for=\"\(name)-choice\">\(h(label))</label><select id=\"\(name)-choice\" name=\"\(name)\">\(options)</select></div>"
    }

    /// One side's config: the studio's, pasted text, or an example file.
    private func config(_ choice: String, text: String?, pastedName: String) -> Result<(WorkspaceGraph, String), WorkspaceFailure> {
        let loaded: WorkspaceLoadResult
        let name: String
        switch choice {
        case "studio":
            guard let path = configuration.workspace else { return .failure(WorkspaceFailure(html: failureHTML("The studio has no workspace (--workspace)."))) }
            (loaded, name) = (WorkspaceLoader.load(path: path), path)
        case "paste":
            guard let text, !text.allSatisfy(\.isWhitespace) else {
                return .failure(WorkspaceFailure(html: failureHTML("The \(pastedName) is chosen as pasted text, but nothing was pasted.")))
            }
            (loaded, name) = (WorkspaceLoader.load(SourceFile(path: "<\(pastedName)>", text: text)), "<\(pastedName)>")
        default:
            switch readExample(choice) {
            case .success(let file): (loaded, name) = (WorkspaceLoader.load(file), file.path)
            case .failure(let refusal): return .failure(WorkspaceFailure(html: failureHTML(refusal.message)))
            }
        }
        guard let workspace = loaded.workspace else {
            return .failure(WorkspaceFailure(
                html: failureHTML("The \(pastedName) does not load; fix it first:") + DiagnosticsHTML.list(loaded.diagnostics, limit: configuration.maxDiagnostics)))
        }
        return .success((WorkspaceGraph(workspace), name))
    }

    private func failureHTML(_ message: String) -> String {
        "<div class=\"error-state\" role=\"alert\">\(h(message))</div>"
    }

    private func plan(_ fields: [String: String], current: PolicySet) -> Result<ChangePlan, WorkspaceFailure> {
        config(fields["before"] ?? "studio", text: fields["before-text"], pastedName: "current config").flatMap { before in
            config(fields["after"] ?? "paste", text: fields["after-text"], pastedName: "proposed config").flatMap { after in
                var proposed = current
                if let chosen = fields["policies-after"], !chosen.isEmpty {
                    switch proposedPolicies(chosen) {
                    case .success(let set): proposed = set
                    case .failure(let failure): return .failure(failure)
                    }
                }
                let run = PlanRun(
                    current: .init(policies: current, workspace: before.0, path: before.1),
                    proposed: .init(policies: proposed, workspace: after.0, path: after.1))
                var usage: (path: String, open: () throws -> UsageStreamReader)?
                switch fields["usage"] ?? "" {
                case "": break
                case "paste":
                    let bytes = Array((fields["usage-text"] ?? "").utf8)
                    usage = ("<usage>", { UsageStreamReader(bytes: bytes, name: "<usage>") })
                case let chosen:
                    switch folders.readable(chosen) {
                    case .success(let file): usage = (file.full, { try UsageStreamReader(path: file.full) })
                    case .failure(let refusal): return .failure(WorkspaceFailure(html: failureHTML(refusal.message)))
                    }
                }
                do {
                    return .success(try run.run(usage: usage).plan)
                } catch let diagnostic as Diagnostic {
                    return .failure(WorkspaceFailure(html: failureHTML("The usage cannot be read:") + DiagnosticsHTML.list([diagnostic])))
                } catch {
                    return .failure(WorkspaceFailure(html: failureHTML("The usage cannot be read: \(error)")))
                }
            }
        }
    }

    /// A proposed policy set from an example folder, compiled.
    private func proposedPolicies(_ qualified: String) -> Result<PolicySet, WorkspaceFailure> {
        guard let colon = qualified.firstIndex(of: ":"),
              let root = folders.examples.first(where: { $0.key == qualified[..<colon] }) else {
            return .failure(WorkspaceFailure(html: failureHTML("No example folder '\(qualified)'.")))
        }
        let relative = String(qualified[qualified.index(after: colon)...])
        let path = root.path + "/" + relative
        guard StudioFolders.problem(relative) == nil, let real = ResolvedPath.of(path), let realRoot = ResolvedPath.of(root.path),
              ResolvedPath.isInside(real, realRoot) else {
            return .failure(WorkspaceFailure(html: failureHTML("The folder '\(relative)' is refused: it is not inside '\(root.path)'.")))
        }
        guard let today = configuration.today else { return .failure(WorkspaceFailure(html: failureHTML("Today's date cannot be read."))) }
        let compiled = PolicySetLoader.compile(paths: [path], today: today, budgetOverride: configuration.budgetOverride)
        guard let set = compiled.set else {
            return .failure(WorkspaceFailure(
                html: failureHTML("The proposed policies do not compile:")
                    + DiagnosticsHTML.list(compiled.diagnostics.filter { $0.severity == .error }, limit: configuration.maxDiagnostics)))
        }
        return .success(set)
    }

    private func planHTML(_ plan: ChangePlan) -> String {
        var out = "<p class=\"verdict\" id=\"verdict\">\(h(PlanReport.verdict(plan)))</p>"
        let introduced = plan.added + plan.changeFindings
        out += "<h3>Findings the change adds (\(introduced.count))</h3>" + FindingsHTML.list(introduced, empty: "None.")
        out += "<h3>Findings the change fixes (\(plan.fixed.count))</h3>" + FindingsHTML.list(plan.fixed, empty: "None.")
        out += "<p class=\"muted\">\(plan.unchanged) finding\(plan.unchanged == 1 ? "" : "s") unchanged.</p>"
        guard let replay = plan.usage else { return out }
        out += "<h3>Past usage replayed (\(replay.events) events\(replay.malformed > 0 ? ", \(replay.malformed) malformed lines skipped" : ""))</h3>"
        out += "<h4>Newly blocked: \(replay.newlyBlocked.count) event\(replay.newlyBlocked.count == 1 ? "" : "s") of \(replay.newlyBlockedUsers) user\(replay.newlyBlockedUsers == 1 ? "" : "s")</h4>"
        if !replay.newlyBlocked.isEmpty {
            out += "<div class=\"columns\">" + countTable("By user", replay.newlyBlockedByUser) + countTable("By rule", replay.newlyBlockedByRule) + "</div>"
            out += changeTable(replay.newlyBlocked)
        }
        out += "<h4>No longer blocked: \(replay.noLongerBlocked.count)</h4>"
        if !replay.noLongerBlocked.isEmpty { out += changeTable(replay.noLongerBlocked) }
        if !replay.newFindings.isEmpty {
            out += "<h4>New warn and audit findings (\(replay.newFindings.count))</h4>" + FindingsHTML.list(replay.newFindings, empty: "")
        }
        return out
    }

    private func countTable(_ title: String, _ counts: [UsageReplay.Count]) -> String {
        var out = "<table class=\"counts\"><caption>\(h(title))</caption><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Events</th></tr></thead><tbody>"
        for count in counts { out += "<tr><td>\(h(count.name))</td><td>\(count.events)</td></tr>" }
        return out + "</tbody></table>"
    }

    private func changeTable(_ changes: [UsageReplay.Change]) -> String {
        var out = "<table class=\"changes\"><thead><tr><th scope=\"col\">Line</th><th scope=\"col\">Event</th><th scope=\"col\">User</th>"
        out += "<th scope=\"col\">Org</th><th scope=\"col\">Rules</th></tr></thead><tbody>"
        for change in changes.prefix(200) {
            out += "<tr><td>\(change.event.line)</td><td>\(h(change.event.id ?? "—"))</td><td>\(h(change.user ?? "—"))</td>"
            out += "<td>\(h(change.org ?? "—"))</td><td>\(change.rules.map { "<code>\(h($0))</code>" }.joined(separator: " "))</td></tr>"
        }
        out += "</tbody></table>"
        if changes.count > 200 { out += "<p class=\"muted\">\(changes.count - 200) more not shown.</p>" }
        return out
    }
}
