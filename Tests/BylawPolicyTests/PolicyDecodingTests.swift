import BylawPolicy
import BylawSource
import Testing

@Suite("Policy documents: shape errors point at the mistake")
struct PolicyDecodingTests {
    @Test("an unknown key is reported at the key, with a did-you-mean")
    func unknownKey() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                1️⃣forbd: event.kind == "upload"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyUnknownKey, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .policyUnknownKey }?.hint == "did you mean 'forbid'?")
    }

    @Test("a wrong type is reported at the value")
    func wrongType() {
        let source = MarkedSource("""
            policy: p
            rules: 1️⃣5
            """)
        expectDiagnostic(.policyWrongType, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("a missing required field is reported at the owner's first key")
    func missingField() {
        let source = MarkedSource("""
            policy: p
            rules:
              - 1️⃣id: r
                forbid: "true"
            """)
        expectDiagnostic(.policyMissingField, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("forbid and require together: error at the second, note at the first")
    func forbidAndRequire() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: workspace
                forbid: "true"
                1️⃣require: "false"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyForbidAndRequire, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .policyForbidAndRequire }?.notes.first?.span?.start.line == 5)
    }

    @Test("neither forbid nor require")
    func neither() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: 1️⃣r
                on: workspace
            """)
        expectDiagnostic(.policyMissingCondition, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("a for: that is not NAME in EXPR")
    func badFor() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: workspace
                for: 1️⃣workspace.orgs
                forbid: "true"
            """)
        expectDiagnostic(.policyInvalidFor, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("an unknown enforcement suggests the close one")
    func unknownEnforcement() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                enforcement: 1️⃣blok
                forbid: "true"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyUnknownValue, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .policyUnknownValue }?.hint == "did you mean 'block'?")
    }

    @Test("a plain list is not a condition")
    func listCondition() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid:
                  1️⃣- event.kind == "upload"
                  - event.user == "x"
            """)
        expectDiagnostic(.policyWrongType, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("a test expecting a rule its policy lacks, with a did-you-mean")
    func testNamesUnknownRule() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: no-uploads
                on: usage
                forbid: event.kind == "upload"
            tests:
              - name: t
                event: {kind: upload}
                expect: [1️⃣no-upload]
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyUnknownRule, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .policyUnknownRule }?.hint == "did you mean 'no-uploads'?")
    }

    @Test("duplicate rule ids anywhere in the set, with a note at the first")
    func duplicateRuleAcrossFiles() {
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: SourceFile(path: "a.yaml", text: "policy: a\nrules:\n  - id: r\n    on: usage\n    forbid: \"true\"\n"), into: &loaded)
        PolicySetLoader.load(file: SourceFile(path: "b.yaml", text: "policy: a\nrules:\n  - id: r\n    on: usage\n    forbid: \"true\"\n"), into: &loaded)
        let diagnostics = PolicyCompiler(today: CalendarDate(year: 2026, month: 1, day: 1)!).compile(loaded.documents).diagnostics
        let duplicate = diagnostics.first { $0.code == .policyDuplicateID }
        #expect(duplicate?.path == "b.yaml")
        #expect(duplicate?.location?.line == 1)
        #expect(duplicate?.notes.first?.span?.file.path == "a.yaml")
    }

    @Test("an unquoted condition starting with '!' is a YAML tag, and the error says so")
    func yamlTag() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: workspace
                for: org in workspace.orgs
                forbid: 1️⃣!has(org.parent)
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyYAMLTag, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .policyYAMLTag }?.hint?.contains("in quotes") == true)
    }

    @Test("a correct policy produces no diagnostic at all")
    func correct() {
        let source = MarkedSource("""
            policy: client-data
            title: Client data
            lists:
              client_data: [client, patient]
            macros:
              consumer_chat: event.destination.kind == "consumer-chat"
            rules:
              - id: r
                on: usage
                forbid:
                  all:
                    - event.artifact.classification in client_data
                    - consumer_chat
                message: "{event.user} sent {event.artifact.classification}"
            tests:
              - name: t
                event: {kind: upload}
                expect: allow
            """)
        let (set, diagnostics) = compile(source)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(set?.rules.map(\.fullID) == ["client-data/r"])
    }
}
