import BylawEval
import BylawPolicy
import BylawSource

extension StudioHandlers {
    /// The policy folder as a list: each file, its policies (title, owner, rules by
    /// enforcement, test status), and what keeps a file from compiling.
    func policiesPage() -> String {
        let working = WorkingSet.load(configuration)
        let frame = page("Policies", .policies)
        let root = folders.policies.path
        var out = "<h1>Policies</h1>"
        if working.folderMissing {
            out += "<div class=\"empty-state\" role=\"status\"><h2>No policy folder</h2>"
            out += "<p>There is no folder <code>\(h(root))/</code>. Start the studio in the folder that holds your policies, or name it: "
            out += "<code>bylaw studio --policies PATH</code>. You can also create the folder with a first policy below.</p></div>"
            out += newPolicyForm(suggested: "first-policy.yaml")
            return frame.render(out)
        }
        if working.files.isEmpty {
            out += "<div class=\"empty-state\" role=\"status\"><h2>No policies yet</h2>"
            out += "<p>The folder <code>\(h(root))/</code> holds no <code>.yaml</code> or <code>.yml</code> file. Write a first policy below.</p></div>"
            out += newPolicyForm(suggested: "first-policy.yaml")
            return frame.render(out)
        }
        let tests = working.set.map { PolicyTestRun(policies: $0, workspaceRoots: testRoots).run() }
        out += summary(working, tests: tests)
        out += "<table class=\"policies\"><caption class=\"visually-hidden\">Policies by file</caption>"
        out += "<thead><tr><th scope=\"col\">File</th><th scope=\"col\">Policy</th><th scope=\"col\">Owner</th>"
        out += "<th scope=\"col\">Rules</th><th scope=\"col\">Tests</th></tr></thead><tbody>"
        for file in working.files {
            let relative = StudioFolders.relative(file.path, to: root)
            let documents = working.documents.filter { $0.file.path == file.path }
            let problems = working.diagnostics(of: file.path).filter { $0.severity == .error }
            let link = "<a href=\"\(StudioRoute.edit.path)?file=\(FormFields.encode(relative))\">\(h(relative))</a>"
            let status = problems.isEmpty ? "" : "<div class=\"file-errors\"><span class=\"badge error\">\(problems.count) error\(problems.count == 1 ? "" : "s")</span> "
                + "\(h(DiagnosticsHTML.place(problems[0], relativeTo: root))): \(h(problems[0].message))</div>"
            if documents.isEmpty {
                out += "<tr><td>\(link)\(status)</td><td colspan=\"4\" class=\"muted\">no policy could be read</td></tr>"
                continue
            }
            for (index, document) in documents.enumerated() {
                out += "<tr><td>\(index == 0 ? link + status : "")</td>"
                out += "<td><strong>\(h(document.title ?? document.id))</strong><div class=\"muted\"><code>\(h(document.id))</code></div></td>"
                out += "<td>\(h(document.owner ?? "—"))</td><td>\(rulesCell(document))</td>"
                out += "<td>\(testsCell(document, tests: tests))</td></tr>"
            }
        }
        out += "</tbody></table>"
        out += newPolicyForm(suggested: "new-policy.yaml")
        return frame.render(out)
    }

    /// Folders tests' `workspace:` paths may read besides their policy file's own.
    var testRoots: [String] { [folders.policies.path] + folders.examples.map(\.path) }

    private func summary(_ working: WorkingSet, tests: PolicyTestRun.Outcome?) -> String {
        let errors = working.errors
        guard let tests else {
            return "<p class=\"status error\" role=\"status\">The policies do not compile: \(errors.count) error\(errors.count == 1 ? "" : "s"). "
                + "Open a file marked below to fix it; tests, the handbook and the dry-run need policies that compile.</p>"
        }
        let count = working.set?.policies.count ?? 0
        var text = "\(count) polic\(count == 1 ? "y" : "ies"), \(working.set?.rules.count ?? 0) rules; "
        text += "tests: \(tests.passed) passed, \(tests.failed) failed"
        if tests.invalid > 0 { text += ", \(tests.invalid) could not run" }
        let failing = tests.failed + tests.invalid > 0
        return "<p class=\"status \(failing ? "error" : "ok")\" role=\"status\">\(h(text)). <a href=\"\(StudioRoute.tests.path)\">Tests</a></p>"
    }

    private func rulesCell(_ document: PolicyDocument) -> String {
        guard !document.rules.isEmpty else { return "<span class=\"muted\">none</span>" }
        var parts: [String] = []
        for enforcement in [Enforcement.block, .warn, .audit] {
            let count = document.rules.count { $0.enforcement == enforcement }
            if count > 0 { parts.append("<span class=\"badge \(enforcement.rawValue)\">\(count) \(enforcement.rawValue)</span>") }
        }
        return parts.joined(separator: " ")
    }

    private func testsCell(_ document: PolicyDocument, tests: PolicyTestRun.Outcome?) -> String {
        let link = "<a href=\"\(StudioRoute.tests.path)?policy=\(FormFields.encode(document.id))\">"
        guard let tests else {
            return document.tests.isEmpty ? "<span class=\"muted\">none</span>" : "<span class=\"muted\">\(document.tests.count) not run</span>"
        }
        let mine = tests.results.filter { $0.policyID == document.id }
        guard !mine.isEmpty else { return "<span class=\"badge warn\">no tests</span>" }
        let failing = mine.count { !$0.passed }
        if failing == 0 { return "\(link)<span class=\"badge ok\">\(mine.count) passed</span></a>" }
        return "\(link)<span class=\"badge error\">\(failing) of \(mine.count) failing</span></a>"
    }

    private func newPolicyForm(suggested: String) -> String {
        """
        <form class="new-policy" method="get" action="\(StudioRoute.edit.path)">
        <h2>New policy</h2>
        <input type="hidden" name="new" value="1">
        <label for="new-file">File name in <code>\(h(folders.policies.path))/</code></label>
        <input id="new-file" name="file" value="\(h(suggested))" pattern="[A-Za-z0-9][A-Za-z0-9._/-]*\\.ya?ml" required>
        <button type="submit">Write it</button>
        </form>
        """
    }
}
