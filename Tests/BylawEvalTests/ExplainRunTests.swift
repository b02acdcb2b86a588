import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Foundation
import Testing

/// `ExplainRun`: each rule's parts as written, with the values that decided, and the outcome
/// evaluation decides.
@Suite struct ExplainRunTests {
    static let policy = """
        policy: p
        lists:
          secret: [client, patient]
        macros:
          consumer: event.destination.kind == "consumer-chat"
          risky:
            any:
              - event.artifact.classification in secret
              - event.user.startsWith("ext-")
        rules:
          - id: no-secrets
            on: usage
            where: event.kind != "share"
            forbid:
              all:
                - risky
                - consumer
                - not: event.scope == "private"
            message: "{event.user} sent {event.artifact.classification}"
          - id: shares
            on: usage
            enforcement: warn
            where: event.kind == "share"
            forbid: event.target.scope == "private"
        exceptions:
          - rule: no-secrets
            where: event.user == "old-bot"
            reason: expired long ago
            expires: 2020-01-01
          - rule: no-secrets
            where: event.user == "bot"
            reason: the bot redacts
          - rule: no-secrets
            reason: everything else, always
            expires: 2099-01-01
        """

    static func event(_ json: String) throws -> UsageEvent {
        var event = UsageEvent()
        var scanner = UsageEventScanner()
        guard case .event = scanner.scan(json, into: &event) else { throw EventError() }
        return event
    }

    struct EventError: Error {}

    static func explain(_ json: String, rule: String? = nil) throws -> ExplainRun.Outcome {
        let set = try #require(compilePolicy(policy))
        switch ExplainRun(policies: set, rule: rule).run(.event(try event(json), workspace: nil)) {
        case .success(let outcome): return outcome
        case .failure(let diagnostic): throw diagnostic
        }
    }

    @Test func theConditionIsLaidOutAsWrittenWithItsValuesAndReads() throws {
        let outcome = try Self.explain(
            #"{"kind":"upload","user":"alice","scope":"org","artifact":{"classification":"client"},"destination":{"kind":"consumer-chat"}}"#,
            rule: "no-secrets")
        let explanation = try #require(outcome.explanations.first)
        #expect(outcome.explanations.count == 1)
        let condition = try #require(explanation.condition)
        #expect(condition.kind == .all)
        #expect(condition.children.map(\.text) == ["risky", "consumer", "not"])
        #expect(condition.children.map(\.kind) == [.macro("risky"), .macro("consumer"), .not])
        // The macro `risky` is expanded into its own `any`, each branch with its value.
        let risky = try #require(condition.children[0].children.first)
        #expect(risky.kind == .any)
        #expect(risky.children.map(\.text) == [#"event.artifact.classification in secret"#, #"event.user.startsWith("ext-")"#])
        #expect(risky.children.map(\.value.truth) == [true, false])
        let reads = risky.children[0].reads.map { "\($0.text) = \($0.value.text)" }
        #expect(reads == [#"event.artifact.classification = "client""#, #"secret = ["client", "patient"]"#])
        #expect(risky.children[1].reads.map(\.text) == ["event.user"])
        // `not` holds because its branch does not.
        #expect(condition.children[2].value.truth == true)
        #expect(condition.children[2].children.first?.value.truth == false)
        // Where each part is written: the macro's leaves in the macro's lines.
        #expect(risky.children[0].span.start.line == 8)
        #expect(condition.children[1].span.start.line == 17)
    }

    @Test func exceptionsAreConsideredInOrderUntilOneApplies() throws {
        let outcome = try Self.explain(
            #"{"kind":"upload","user":"bot","scope":"org","artifact":{"classification":"client"},"destination":{"kind":"consumer-chat"}}"#,
            rule: "p/no-secrets")
        let explanation = try #require(outcome.explanations.first)
        guard case .excepted = explanation.outcome else {
            Issue.record("expected the rule to be excepted, got \(explanation.outcome)")
            return
        }
        #expect(explanation.exceptions.map(\.status) == [.expired, .applied, .notConsidered])
        #expect(explanation.exceptions[1].whereCondition?.reads.first?.value.text == #""bot""#)
        #expect(explanation.enforcement == nil)
        #expect(outcome.status == .clean)
    }

    @Test func aRuleThatFiresNamesItsEnforcementAndMessage() throws {
        let outcome = try Self.explain(
            #"{"kind":"upload","user":"ext-joe","scope":"org","artifact":{"classification":"public"},"destination":{"kind":"consumer-chat"}}"#,
            rule: "no-secrets")
        let explanation = try #require(outcome.explanations.first)
        // The third exception applies everywhere: this rule is always excepted until 2099.
        #expect(explanation.exceptions.map(\.status) == [.expired, .notMatching, .applied])
        let whereCondition = try #require(explanation.whereCondition)
        #expect(whereCondition.value.truth == true)
        #expect(outcome.status == .clean)
    }

    @Test func whereThatDoesNotHoldStopsTheExplanationThere() throws {
        let outcome = try Self.explain(#"{"kind":"share","user":"alice","scope":"org","target":{"scope":"private"}}"#)
        #expect(outcome.explanations.count == 2)
        let secrets = outcome.explanations[0]
        guard case .notApplicable = secrets.outcome else {
            Issue.record("expected not applicable, got \(secrets.outcome)")
            return
        }
        #expect(secrets.condition == nil)
        #expect(secrets.exceptions.allSatisfy { $0.status == .expired || $0.status == .notConsidered })
        let shares = outcome.explanations[1]
        guard case .fired(let message, _) = shares.outcome else {
            Issue.record("expected the share rule to fire, got \(shares.outcome)")
            return
        }
        #expect(message == shares.rule.title)
        #expect(shares.enforcement == .warn)
        // A warning does not fail the run.
        #expect(outcome.status == .clean)
    }

    @Test func anUnknownRuleOrAnotherInputIsADiagnostic() throws {
        let set = try #require(compilePolicy(Self.policy))
        let event = try Self.event(#"{"kind":"prompt"}"#)
        guard case .failure(let unknown) = ExplainRun(policies: set, rule: "no-secret").run(.event(event, workspace: nil)) else {
            Issue.record("an unknown rule was explained")
            return
        }
        #expect(unknown.code == .explainUnknownRule)
        #expect(unknown.hint == "did you mean 'no-secrets'?")
        guard let workspace = loadWorkspace(assignedWorkspace),
              case .failure(let other) = ExplainRun(policies: set, rule: "no-secrets").run(.workspace(WorkspaceGraph(workspace)))
        else {
            Issue.record("a usage rule was explained on a workspace")
            return
        }
        #expect(other.code == .explainOtherInput)
        #expect(other.span?.start.line == 11)
    }

    @Test func theExplanationsOutcomeIsEvaluationsOnEveryExampleEvent() throws {
        let set = try #require(StreamTestSupport.shippedPolicies())
        let graph = try #require(StreamTestSupport.acme())
        let text = try String(contentsOfFile: StreamTestSupport.root + "Examples/usage/examples.ndjson", encoding: .utf8)
        var decider = UsageDecider(policies: set, workspace: graph)
        for (index, line) in text.split(separator: "\n").enumerated() {
            var fired: [String] = []
            _ = Array(line.utf8).withUnsafeBufferPointer { bytes in
                decider.decide(StreamLine(number: index + 1, offset: 0, bytes: bytes), inputPath: "s") { fired.append($0.rule.fullID) }
            }
            guard case .success(let outcome) = ExplainRun(policies: set).run(.event(try Self.event(String(line)), workspace: graph)) else {
                Issue.record("line \(index + 1) was not explained")
                continue
            }
            let explainedFiring = outcome.explanations.filter { $0.enforcement != nil }.map(\.rule.fullID)
            #expect(explainedFiring == fired, "line \(index + 1)")
        }
    }

    @Test func evalCanAttachTheExplanationToEachFinding() throws {
        let set = try #require(StreamTestSupport.shippedPolicies())
        let graph = try #require(StreamTestSupport.acme())
        var decider = UsageDecider(policies: set, workspace: graph)
        decider.explains = true
        let line = #"{"id":"e","kind":"upload","user":"alice","org":"us-legal","scope":"org","app":"chat-free","artifact":{"classification":"client"},"destination":{"kind":"consumer-chat","app":"chat-free"}}"#
        var findings: [Finding] = []
        _ = Array(line.utf8).withUnsafeBufferPointer { bytes in
            decider.decide(StreamLine(number: 1, offset: 0, bytes: bytes), inputPath: "s") { findings.append($0) }
        }
        #expect(findings.count == 2)
        for finding in findings {
            let explanation = try #require(finding.explanation)
            #expect(explanation.rule.fullID == finding.rule.fullID)
            #expect(explanation.enforcement == finding.enforcement)
        }
    }
}
