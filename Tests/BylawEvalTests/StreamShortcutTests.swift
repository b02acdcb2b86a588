import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Testing

/// The evaluator's shortcuts (kind index, decision caches, narrowed fields) never change what a
/// run reports: the same findings, messages, diagnostics and counts, in the same order, as
/// plain evaluation of every rule on every fully scanned event.
@Suite struct StreamShortcutTests {
    static let shortcutSets: [StreamEvaluator.Shortcuts] = [.all, .indexByKind, .cacheDecisions, .narrowFields]

    @Test(arguments: shortcutSets)
    func shippedPoliciesReportExactlyWhatPlainEvaluationReports(shortcuts: StreamEvaluator.Shortcuts) throws {
        let set = try #require(StreamTestSupport.shippedPolicies())
        let graph = try #require(StreamTestSupport.acme())
        let stream = StreamTestSupport.variedStream(events: 12_000)
        var plain = StreamEvaluator(policies: set, workspace: graph)
        plain.shortcuts = []
        var fast = StreamEvaluator(policies: set, workspace: graph)
        fast.shortcuts = shortcuts
        let expected = try StreamTestSupport.run(plain, stream, summary: true)
        let actual = try StreamTestSupport.run(fast, stream, summary: true)
        // The stream is varied enough to matter: many findings, exceptions, diagnostics.
        #expect(expected.findings > 1000)
        #expect(expected.excepted > 0)
        #expect(expected.lines.contains { $0.hasPrefix("diagnostic") })
        #expect(actual == expected)
    }

    @Test func evaluatorFromCompiledRulesFindsTheMacrosInTheirFiles() throws {
        let set = try #require(StreamTestSupport.shippedPolicies())
        let graph = try #require(StreamTestSupport.acme())
        let stream = StreamTestSupport.variedStream(events: 3000, seed: 11)
        // The CLI's way: rules only; the analysis reads the macros back from the policy files.
        let fromRules = StreamEvaluator(rules: set.rules, workspace: graph)
        var plain = StreamEvaluator(policies: set, workspace: graph)
        plain.shortcuts = []
        #expect(try StreamTestSupport.run(fromRules, stream) == StreamTestSupport.run(plain, stream))
    }

    @Test func rulesWithOpaqueReadsAndKindListsStillMatchPlainEvaluation() throws {
        let (set, diagnostics) = StreamTestSupport.policies("""
            policy: probe
            title: Probe rules for the analysis
            macros:
              moving: event.kind in ["upload", "share"]
              big: event.tokens.input > 100
            rules:
              - id: whole-event
                title: Reads the event whole
                on: usage
                forbid: "[event].exists(e, e.user == 'alice')"
                message: "{event.user} at {event.time}"
              - id: moving-big
                title: Big moves
                on: usage
                where: moving && big
                forbid: event.cost.amount > 0.5
                message: "{event.id}: {event.cost.amount}"
              - id: by-time
                title: Reads the time
                on: usage
                where: has(event.time)
                forbid: event.time > timestamp("2026-03-05T00:00:00Z") && event.scope == "private"
              - id: errors
                title: Fails on some events
                on: usage
                where: event.kind == "share"
                require: int(event.target.org) > 0
            """)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let policies = try #require(set)
        let graph = try #require(StreamTestSupport.acme())
        var stream = StreamTestSupport.variedStream(events: 6000, seed: 3)
        stream += Array("{\"id\":\"t1\",\"kind\":\"upload\",\"tokens\":{\"in\":500},\"cost\":{\"amount\":0.9}}\n".utf8)
        var plain = StreamEvaluator(policies: policies, workspace: graph)
        plain.shortcuts = []
        let fast = StreamEvaluator(policies: policies, workspace: graph)
        let expected = try StreamTestSupport.run(plain, stream)
        #expect(expected.lines.contains { $0.contains("probe/moving-big") })
        #expect(expected.lines.contains { $0.contains("probe/errors evaluation-error") })
        #expect(try StreamTestSupport.run(fast, stream) == expected)
    }
}

extension StreamEvaluator.Shortcuts: CustomTestStringConvertible {
    public var testDescription: String { "shortcuts \(rawValue)" }
}
