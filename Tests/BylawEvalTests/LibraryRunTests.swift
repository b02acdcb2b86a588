import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import CEL
import Testing

/// The typed runs embedders call (lint, eval, plan, test, expr): results are values, and the
/// status is decided by the library, not by a door.
@Suite struct LibraryRunTests {
    static let policy = """
        policy: p
        rules:
          - id: offboarded
            title: Offboarded users are gone
            on: workspace
            enforcement: block
            for: user in workspace.users
            forbid: user.status == "offboarded"
            message: "{user.id} is offboarded"
          - id: big
            title: Big prompts are noted
            on: usage
            enforcement: warn
            forbid: event.tokens.input > 1000
          - id: blocked-app
            title: No app x
            on: usage
            enforcement: block
            forbid: event.app == "x"
        tests:
          - name: a small prompt passes
            event: {id: e, kind: prompt, app: y, tokens: {in: 5, out: 1}}
            expect: allow
        """

    @Test func lintRunReturnsTypedSummaryAndStatus() throws {
        let set = try #require(compilePolicy(Self.policy))
        let collector = FindingCollector()
        let result = LintRun(policies: set).run(
            [.file(SourceFile(path: "w.yaml", text: assignedWorkspace)), .file(SourceFile(path: "broken.yaml", text: "workspace: [\n"))],
            into: collector)
        #expect(collector.findings.map(\.message) == ["dave is offboarded"])
        #expect(collector.failedInputs == ["broken.yaml"])
        #expect(!collector.diagnostics.isEmpty)
        guard case .workspaces(let count, let invalid) = result.summary.inputs else {
            Issue.record("not a workspace summary")
            return
        }
        #expect(count == 2 && invalid == 1)
        #expect(result.summary.tally.findings == 1)
        // An unreadable input outranks the blocking finding.
        #expect(result.status == .invalidInput)
        let clean = LintRun(policies: set).run([.file(SourceFile(path: "w.yaml", text: assignedWorkspace))], into: FindingCollector())
        #expect(clean.status == .findings)
    }

    @Test func evalRunCountsEveryLineAndDecidesTheStatus() throws {
        let set = try #require(compilePolicy(Self.policy))
        let workspace = try #require(loadWorkspace(assignedWorkspace))
        let stream = """
            {"id":"e1","kind":"prompt","user":"alice","app":"y","tokens":{"in":5000,"out":1}}

            not json
            {"id":"e2","kind":"prompt","user":"alice","app":"y","tokens":{"in":5,"out":1}}
            """
        var run = EvalRun(policies: set, workspace: WorkspaceGraph(workspace))
        let collector = FindingCollector()
        let warnOnly = try run.run(UsageStreamReader(bytes: Array(stream.utf8)), streamPath: "s.ndjson", into: collector)
        #expect(collector.findings.map(\.rule.fullID) == ["p/big"])
        #expect(collector.diagnostics.count == 1)
        guard case .stream(let counts) = warnOnly.summary.inputs else {
            Issue.record("not a stream summary")
            return
        }
        #expect(counts.lines == 4 && counts.events == 2 && counts.blank == 1 && counts.malformed == 1)
        #expect(warnOnly.status == .clean)
        run.strict = true
        #expect(try run.run(UsageStreamReader(bytes: Array(stream.utf8)), streamPath: "s.ndjson", into: FindingCollector()).status == .findings)
        run.strict = false
        run.maxErrors = 1
        #expect(try run.run(UsageStreamReader(bytes: Array(stream.utf8)), streamPath: "s.ndjson", into: FindingCollector()).status == .invalidInput)
    }

    @Test func usageDeciderDecidesOneLineAtATime() throws {
        let set = try #require(compilePolicy(Self.policy))
        let workspace = try #require(loadWorkspace(assignedWorkspace))
        var decider = UsageDecider(policies: set, workspace: WorkspaceGraph(workspace))
        func decide(_ text: String) -> (UsageDecider.LineOutcome, [String]) {
            var fired: [String] = []
            let bytes = Array(text.utf8)
            let outcome = bytes.withUnsafeBufferPointer { buffer in
                decider.decide(StreamLine(number: 1, offset: 0, bytes: buffer), inputPath: "request") { fired.append($0.rule.fullID) }
            }
            return (outcome, fired)
        }
        let (blocked, blockedRules) = decide(#"{"id":"e1","kind":"prompt","app":"x","tokens":{"in":5000}}"#)
        guard case .event = blocked else { Issue.record("not an event"); return }
        #expect(blockedRules == ["p/big", "p/blocked-app"])
        // The same decider, the next event: the caches never leak one event's decision into another's.
        #expect(decide(#"{"id":"e2","kind":"prompt","app":"y","tokens":{"in":5}}"#).1 == [])
        guard case .malformed = decide("{").0 else { Issue.record("not malformed"); return }
        var tally = RunTally()
        decider.fold(into: &tally)
        #expect(tally.findings == 2)
        #expect(tally.byRule == ["p/big": 1, "p/blocked-app": 1])
    }

    @Test func planRunReportsWhatAChangeAddsAndFails() throws {
        let set = try #require(compilePolicy(Self.policy))
        let before = try #require(loadWorkspace(assignedWorkspace.replacingOccurrences(of: ", status: offboarded, offboarded_on: 2026-06-30", with: "")))
        let after = try #require(loadWorkspace(assignedWorkspace))
        let run = PlanRun(
            current: .init(policies: set, workspace: WorkspaceGraph(before), path: "before.yaml"),
            proposed: .init(policies: set, workspace: WorkspaceGraph(after), path: "after.yaml"))
        let result = try run.run()
        #expect(result.plan.added.map(\.message) == ["dave is offboarded"])
        #expect(result.status == .findings)
        let reverse = try PlanRun(current: run.proposed, proposed: run.current).run()
        #expect(reverse.plan.fixed.count == 1)
        #expect(reverse.status == .clean)
    }

    @Test func policyTestRunStatusFollowsResultsAndStrictCoverage() throws {
        let set = try #require(compilePolicy(Self.policy))
        let outcome = PolicyTestRun(policies: set).run()
        #expect(outcome.passed == 1 && outcome.failed == 0)
        #expect(outcome.uncovered.count == 3)
        #expect(outcome.status == .clean)
        #expect(PolicyTestRun(policies: set, strict: true).run().status == .findings)
    }

    @Test func expressionRunSeparatesCompileAndEvaluationErrors() {
        var run = ExpressionRun()
        run.variables = [("limit", .int(21))]
        guard case .value(let answer) = run.run("limit * 2"), case .int(42) = answer.value else { Issue.record("not 42"); return }
        guard case .invalid(let diagnostics) = run.run("limit *") else { Issue.record("compiled"); return }
        #expect(diagnostics.first?.code == .celSyntax)
        let failed = run.run("1 / 0")
        guard case .failed(let diagnostic) = failed else { Issue.record("evaluated"); return }
        #expect(diagnostic.message.contains("division by zero"))
        #expect(failed.status == .findings)
    }

    @Test func anExpressionValueStaysValidAfterTheRun() throws {
        // The value is a view into the event and the workspace made for the run; it keeps them.
        var value: ExpressionRun.Value?
        do {
            var run = ExpressionRun()
            var scanner = UsageEventScanner()
            _ = scanner.scan(#"{"kind":"upload","tokens":{"in":5,"out":1}}"#, into: &run.event)
            run.workspace = WorkspaceGraph(try #require(loadWorkspace(assignedWorkspace)))
            guard case .value(let tokens) = run.run("event.tokens") else { Issue.record("no value"); return }
            value = tokens
            guard case .value(let org) = run.run("workspace.org('us-legal')") else { Issue.record("no org"); return }
            #expect(org.value.bylawJSON.contains("us-legal"))
        }
        // Reading a field goes through the event the run made (field 0 of Tokens is `input`).
        guard case .object(let tokens)? = value?.value else { Issue.record("not an object"); return }
        #expect(tokens.celTypeName == "Tokens")
        guard case .int(5) = tokens.celField(0) else { Issue.record("input is \(tokens.celField(0))"); return }
    }
}
