import BylawEval
import BylawReport
import BylawSource
import Foundation
import Testing

/// The CI printers added beside `lint`'s: compile diagnostics (`check`), plans, and the JUnit
/// suite of a file that could not be loaded.
@Suite("CI reports for check, plan and broken inputs")
struct CIReportTests {
    static let policy = SourceFile(path: "Policies/a.yaml", text: "rules:\n  - when: x\n")
    static let error = Diagnostic.error(.celUndefinedField, "undefined field 'x'", in: policy, at: SourceRange(start: 17, end: 18), hint: "did you mean 'y'?")
    static let warning = Diagnostic.warning(.policyUnusedList, "list 'l' is never used", in: SourceFile(path: "Policies/b.yaml", text: "l: []\n"), at: SourceRange(start: 0, end: 1))

    @Test("check --format github: one annotation per diagnostic at its severity, then the counts")
    func checkGitHub() {
        let lines = DiagnosticsReport.github([Self.warning, Self.error]).split(separator: "\n").map(String.init)
        #expect(lines == [
            "::error file=Policies/a.yaml,line=2,col=11,endLine=2,endColumn=12,title=cel.undefined-field::undefined field 'x'%0Ahint: did you mean 'y'?",
            "::warning file=Policies/b.yaml,line=1,col=1,endLine=1,endColumn=2,title=policy.unused-list::list 'l' is never used",
            "bylaw: 1 error, 1 warning",
        ])
    }

    @Test("check --format junit: one case per policy file; a file with an error fails with its diagnostics")
    func checkJUnit() throws {
        let xml = DiagnosticsReport.junit([Self.error, Self.warning], files: ["Policies/a.yaml", "Policies/b.yaml", "Policies/c.yaml"])
        let root = try #require(XMLTreeBuilder.parse(xml))
        #expect(root.int("tests") == 3 && root.int("failures") == 1 && root.int("errors") == 0)
        let cases = root.all("testsuite").flatMap { $0.all("testcase") }
        #expect(cases.map { $0.attributes["name"] } == ["Policies/a.yaml", "Policies/b.yaml", "Policies/c.yaml"])
        let failure = try #require(cases[0].first("failure"))
        #expect(failure.attributes["type"] == "cel.undefined-field")
        #expect(failure.attributes["message"] == "undefined field 'x'")
        #expect(failure.text == "Policies/a.yaml:2:11: error: undefined field 'x' [cel.undefined-field]\n  hint: did you mean 'y'?")
        #expect(cases[1].first("failure") == nil)
        #expect(cases[1].first("system-out")?.text.contains("list 'l' is never used") == true)
        #expect(cases[2].children.isEmpty)
    }

    @Test("check --format junit: a path with no policy is a failing case of its own")
    func checkJUnitNoPolicies() throws {
        let missing = Diagnostic(code: .policyNoPolicies, message: "no policy files", path: "Policies")
        let root = try #require(XMLTreeBuilder.parse(DiagnosticsReport.junit([missing], files: [])))
        #expect(root.int("tests") == 1 && root.int("failures") == 1)
        #expect(root.all("testsuite").first?.first("testcase")?.attributes["name"] == "Policies")
    }

    @Test("lint --format junit: a file that failed to load has its load error alone, no rule passing beside it")
    func failedInput() throws {
        let buffer = ReportBuffer()
        let sink = JUnitReport(output: buffer.output)
        sink.begin(rules: ReportFixture.rules, inputs: ["broken.yaml", "good.yaml"])
        sink.emit(Diagnostic(code: .workspaceOrgCycle, message: "org cycle", path: "broken.yaml"))
        sink.inputFailed("broken.yaml")
        sink.finish(summary: .null)
        let root = try #require(XMLTreeBuilder.parse(buffer.text))
        let suites = root.all("testsuite")
        #expect(suites[0].all("testcase").map { $0.attributes["name"] } == ["workspace.org-cycle"])
        #expect(suites[0].int("tests") == 1 && suites[0].int("errors") == 1)
        #expect(suites[1].all("testcase").count == ReportFixture.rules.count)
        #expect(root.int("tests") == 1 + ReportFixture.rules.count)
    }

    @Test("text: the one-line closing counts files and leaves the summary out; the full closing keeps it")
    func textClosing() {
        let oneLine = ReportBuffer()
        let sink = TextReport(closing: .oneLine, output: oneLine.output)
        sink.begin(rules: ReportFixture.rules, inputs: ["a.yaml", "b.yaml", "c.yaml"])
        sink.finish(summary: ReportFixture.summary)
        #expect(oneLine.text == "3 files, 0 findings\n")

        let full = ReportBuffer()
        let fullSink = TextReport(closing: TextReport.Closing(summary: true, countsFiles: true), output: full.output)
        fullSink.begin(rules: ReportFixture.rules, inputs: ["a.yaml"])
        fullSink.finish(summary: ReportFixture.summary)
        #expect(full.text.hasPrefix("summary:\n"))
        #expect(full.text.hasSuffix("\n1 file, 0 findings\n"))
    }

    @Test("plan: fixed findings print as fixed, not as errors, and the verdict closes the text")
    func planFixedAndVerdict() {
        var plan = ChangePlan()
        plan.fixed = Array(ReportFixture.findings.prefix(2))
        let text = PlanReport.text(plan, before: "a.yaml", after: "b.yaml", usage: nil)
        #expect(text.contains("- 2 findings fixed by the change:\n  fixed: ws/acme.yaml:5:22: org 'eu' declares account 'b2'; it inherits 'b1' [billing/assigned-root]\n"))
        #expect(!text.contains("error:"))
        #expect(text.hasSuffix("\nverdict: this change fixes 2 findings\n"))
        #expect(PlanReport.verdict(ChangePlan()) == "this change adds no finding and fixes none")

        plan.added = [ReportFixture.findings[0]]
        #expect(PlanReport.verdict(plan) == "this change adds 1 finding (1 at block); fixes 2 findings")
        let github = PlanReport.github(plan, usage: nil).split(separator: "\n").map(String.init)
        #expect(github.count == 4)
        #expect(github[0].hasPrefix("::error file=ws/acme.yaml,line=5,col=22"))
        #expect(github[1].hasPrefix("::notice file=ws/acme.yaml,line=5,col=22") && github[1].contains("::fixed: org 'eu'"))
        #expect(github[3] == "bylaw: this change adds 1 finding (1 at block); fixes 2 findings")
        let json = PlanReport.json(plan).compact
        #expect(json.contains("\"verdict\":\"this change adds 1 finding (1 at block); fixes 2 findings\""))
    }
}
