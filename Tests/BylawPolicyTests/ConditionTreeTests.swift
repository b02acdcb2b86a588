import BylawPolicy
import BylawSchema
import BylawSource
import CEL
import Testing

/// Combinators are joined as CEL tree nodes, not text: every leaf stands alone, problems point
/// into their leaf, and the compiled rule keeps the checked tree and its usage analysis.
@Suite struct ConditionTreeTests {
    @Test func aLeafCannotReachIntoItsNeighbour() {
        // Joined as text, `(true) || (false\n) && (x` would have parsed; as trees, each leaf is a
        // syntax error of its own.
        let source = MarkedSource("""
            policy: p
            title: P
            rules:
              - id: r
                title: R
                on: usage
                forbid:
                  all:
                    - "true1️⃣) || (false"
                    - "event.kind == 'x'"
            """)
        let (set, diagnostics) = compile(source)
        #expect(set == nil)
        expectDiagnostic(.celSyntax, at: "1️⃣", in: source, diagnostics)
    }

    @Test func everyLeafWithAProblemIsReportedInItsOwnPlace() {
        let source = MarkedSource("""
            policy: p
            title: P
            rules:
              - id: r
                title: R
                on: usage
                forbid:
                  any:
                    - "event.kind == (1️⃣"
                    - not: "event.2️⃣nope == 'x'"
                    - "event.app == 'y'"
            """)
        let (_, diagnostics) = compile(source)
        expectDiagnostic(.celSyntax, at: "1️⃣", in: source, diagnostics)
        expectDiagnostic(.celUndefinedField, at: "2️⃣", in: source, diagnostics)
    }

    @Test func longCombinatorsCompileAsBalancedTreesAndEvaluateInOrder() throws {
        // 600 leaves: a chain would be 600 levels high, past the checker's height limit.
        let leaves = (0..<600).map { "        - \"event.app != 'app-\($0)'\"" }.joined(separator: "\n")
        let source = MarkedSource("""
            policy: p
            title: P
            rules:
              - id: r
                title: R
                on: usage
                forbid:
                  all:
            \(leaves)
            """)
        let (set, diagnostics) = compile(source)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let rule = try #require(set?.rules(on: .usage).first)
        #expect(rule.condition.checked.resultType == .bool)
        #expect(rule.condition.checked.ast.root.height < 20)
        #expect(rule.analysis?.decisionReads == EventFieldReads(celPaths: ["app"]))
    }

    @Test func theAnalysisFollowsResolvedNamesNotSpelling() throws {
        let source = MarkedSource("""
            policy: p
            title: P
            macros:
              big: event.tokens.input > 1000
            rules:
              - id: shadow
                title: A loop variable called event is not the event
                on: usage
                forbid: "[1, 2].exists(event, event > 1) && big"
              - id: placeholders
                title: Plain reads
                on: usage
                where: event.kind == "upload"
                forbid: event.app == "x"
                message: "{event.user} used {event.app} for {size(event.app)} ({event.artifact.classification})"
            """)
        let (set, diagnostics) = compile(source)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let rules = Dictionary(uniqueKeysWithValues: (set?.rules(on: .usage) ?? []).map { ($0.fullID, $0) })
        let shadow = try #require(rules["p/shadow"]?.analysis)
        #expect(shadow.decisionReads == EventFieldReads(celPaths: ["tokens.input"]))
        let placeholders = try #require(rules["p/placeholders"]?.analysis)
        #expect(placeholders.requiredKinds == ["upload"])
        #expect(placeholders.messagePlainReads == [.user, nil, .app, nil, nil, nil, .artifactClassification, nil])
        #expect(placeholders.templateReads == EventFieldReads(celPaths: ["user", "app", "artifact.classification"]))
    }

    @Test func aForCollectionIsPartOfTheDecision() throws {
        let source = MarkedSource("""
            policy: p
            title: P
            rules:
              - id: each
                title: Each name
                on: usage
                for: name in [event.app, event.model]
                forbid: name == "secret"
            """)
        let (set, diagnostics) = compile(source)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let rule = try #require(set?.rules(on: .usage).first)
        #expect(rule.analysis?.decisionReads == EventFieldReads(celPaths: ["app", "model"]))
    }
}

extension ConditionTreeTests {
    @Test func macrosSharedByRulesAreNamed() throws {
        let source = MarkedSource("""
            policy: p
            title: P
            macros:
              big: event.tokens.input > 1000
              upload: event.kind == "upload"
              both: big && upload
            rules:
              - id: a
                title: A
                on: usage
                forbid: both
              - id: b
                title: B
                on: usage
                forbid: big
              - id: c
                title: C
                on: usage
                forbid: event.app == "x"
            """)
        let (set, diagnostics) = compile(source)
        #expect(!diagnostics.contains { $0.severity == .error }, "\(diagnostics.map(\.message))")
        let policies = try #require(set)
        #expect(policies.rules.first?.analysis?.macros == ["p.big", "p.both", "p.upload"])
        #expect(policies.sharedMacros == ["p.big": ["p/a", "p/b"]])
    }
}
