import BylawEval
import BylawPolicy
import BylawReport
import BylawSource

extension StudioHandlers {
    /// `GET /tests[?policy=ID]`: runs every test (or one policy's) on the folder as it is on
    /// disk: pass or fail, why a test failed, and the rules no test covers.
    func testsPage(_ call: Call) -> String {
        let frame = page("Tests", .tests)
        let working = WorkingSet.load(configuration)
        let root = folders.policies.path
        var out = "<h1>Tests</h1>"
        guard let set = working.set else {
            out += notCompiling(working)
            return frame.render(out)
        }
        var policies = set
        let chosen = call.query["policy"].flatMap { id in id.isEmpty ? nil : id }
        if let chosen {
            guard let policy = set.policies.first(where: { $0.id == chosen }) else {
                out += "<p class=\"error-state\" role=\"alert\">No policy '\(h(chosen))' in <code>\(h(root))/</code>.</p>"
                return frame.render(out + runForm(set, chosen: nil))
            }
            policies = PolicySet(policies: [policy])
        }
        let outcome = PolicyTestRun(policies: policies, workspaceRoots: testRoots).run()
        let report = PolicyTestReport(outcome)
        out += runForm(set, chosen: chosen)
        var summary = "\(outcome.passed) passed, \(outcome.failed) failed"
        if outcome.invalid > 0 { summary += ", \(outcome.invalid) could not run" }
        if !outcome.uncovered.isEmpty { summary += "; \(outcome.uncovered.count) rule\(outcome.uncovered.count == 1 ? "" : "s") covered by no test" }
        if !outcome.gaps.isEmpty {
            summary += "; \(outcome.gaps.count) branch\(outcome.gaps.count == 1 ? "" : "es") or exception\(outcome.gaps.count == 1 ? "" : "s") no test exercises"
        }
        let failed = outcome.failed + outcome.invalid > 0
        out += "<p class=\"status \(failed ? "error" : "ok")\" role=\"status\" id=\"test-summary\">\(h(summary))</p>"
        let failing = outcome.results.filter { !$0.passed }
        if !failing.isEmpty {
            out += "<section class=\"test-policy\" aria-labelledby=\"failing-title\"><h2 id=\"failing-title\">Failing</h2><ul class=\"tests\">"
            for result in failing {
                let title = policies.policies.first { $0.id == result.policyID }?.document.title ?? result.policyID
                out += testItem(result, root: root, prefix: title + ": ") + failureDetails(result) + "</li>"
            }
            out += "</ul></section>"
        }
        for policy in policies.policies {
            let results = outcome.results.filter { $0.policyID == policy.id }
            out += "<section class=\"test-policy\" aria-labelledby=\"tests-\(h(policy.id))\">"
            out += "<h2 id=\"tests-\(h(policy.id))\">\(h(policy.document.title ?? policy.id)) <code class=\"muted\">\(h(policy.id))</code></h2>"
            if results.isEmpty { out += "<p class=\"muted\">This policy has no tests.</p>" }
            out += "<ul class=\"tests\">"
            for result in results {
                out += testItem(result, root: root, prefix: "") + (result.passed ? "" : " <span class=\"muted\">(failed: see above)</span>") + "</li>"
            }
            out += "</ul>"
            let gaps = outcome.uncovered.filter { $0.policyID == policy.id }.map(report.coverageGap)
                + outcome.gaps.filter { $0.rule.policyID == policy.id }.map(report.coverageGap)
            if !gaps.isEmpty {
                out += "<h3>Coverage gaps</h3>"
                out += DiagnosticsHTML.list(gaps, relativeTo: root)
            }
            out += "</section>"
        }
        return frame.render(out)
    }

    /// A test's line: passed or failed, its name linking to its line in the editor (the `<li>`
    /// is left open for details).
    private func testItem(_ result: PolicyTestResult, root: String, prefix: String) -> String {
        let relative = StudioFolders.relative(result.file.path, to: root)
        let line = result.file.location(ofByte: result.test.nameRange.start).line
        let link = "\(StudioRoute.edit.path)?file=\(FormFields.encode(relative))#line-\(line)"
        var out = "<li class=\"test \(result.passed ? "passed" : "failed")\">"
        out += "<span class=\"mark\" aria-hidden=\"true\">\(result.passed ? "✔" : "✘")</span> "
        out += "<span class=\"visually-hidden\">\(result.passed ? "passed" : "failed"): </span>"
        return out + "\(h(prefix))<a href=\"\(h(link))\">\(h(result.test.name))</a>"
    }

    /// Why a test did not pass: what was expected and what fired (as `bylaw test` says it), or
    /// why its input could not be read.
    private func failureDetails(_ result: PolicyTestResult) -> String {
        switch result.outcome {
        case .passed:
            return ""
        case .failed:
            let diagnostic = PolicyTestReport.failure(result).map { DiagnosticsHTML.list([$0], relativeTo: folders.policies.path) } ?? ""
            return diagnostic + ExplanationsHTML.list(result.explanations)
        case .invalid(let diagnostics):
            return DiagnosticsHTML.list(diagnostics, relativeTo: folders.policies.path)
        }
    }

    /// A choice of all tests or one policy's, and the button that runs them again.
    private func runForm(_ set: PolicySet, chosen: String?) -> String {
        var options = "<option value=\"\"\(chosen == nil ? " selected" : "")>All policies</option>"
        for policy in set.policies {
            options += "<option value=\"\(h(policy.id))\"\(chosen == policy.id ? " selected" : "")>\(h(policy.document.title ?? policy.id))</option>"
        }
        return """
            <form method="get" action="\(StudioRoute.tests.path)" class="inline-form">
            <label for="policy-choice">Tests of</label>
            <select id="policy-choice" name="policy">\(options)</select>
            <button type="submit" id="run-tests-button">Run tests</button>
            </form>
            """
    }

    /// The error state of a page that needs a compiled set.
    func notCompiling(_ working: WorkingSet) -> String {
        let root = folders.policies.path
        if working.folderMissing {
            return "<div class=\"empty-state\" role=\"status\"><h2>No policy folder</h2><p>There is no folder <code>\(h(root))/</code>; "
                + "start the studio with <code>--policies PATH</code>, or write a first policy on the <a href=\"\(StudioRoute.policies.path)\">Policies</a> page.</p></div>"
        }
        if working.files.isEmpty {
            return "<div class=\"empty-state\" role=\"status\"><h2>No policies yet</h2><p>Write one on the <a href=\"\(StudioRoute.policies.path)\">Policies</a> page.</p></div>"
        }
        let errors = working.errors
        var out = "<div class=\"error-state\" role=\"alert\"><h2>The policies do not compile</h2>"
        out += "<p>\(errors.count) error\(errors.count == 1 ? "" : "s") to fix first; open the file from the <a href=\"\(StudioRoute.policies.path)\">Policies</a> page.</p></div>"
        return out + DiagnosticsHTML.list(errors, limit: configuration.maxDiagnostics, relativeTo: root)
    }
}
