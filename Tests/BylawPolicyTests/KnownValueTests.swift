import BylawPolicy
import BylawSource
import Testing

/// Literals compared with a field whose values the schema table knows: a warning with a "did you
/// mean" at the literal, wherever the comparison is written.
@Suite("Known values: literals a field can never have")
struct KnownValueTests {
    private func warnings(_ source: MarkedSource) -> [Diagnostic] {
        compile(source).diagnostics.filter { $0.code == .policyNoSuchValue }
    }

    @Test("a misspelt classification is a warning at the literal, with did you mean")
    func misspeltClassification() {
        let source = MarkedSource.rule(forbid: #"event.artifact.classification == 1️⃣"clinet""#)
        let (set, diagnostics) = compile(source)
        #expect(set != nil, "a warning: the set still compiles")
        expectDiagnostic(.policyNoSuchValue, at: "1️⃣", in: source, diagnostics, hint: "did you mean 'client'?")
        #expect(diagnostics.map(\.message) == ["'clinet' is not a data classification"])
        #expect(diagnostics.first?.severity == .warning)
    }

    @Test("either side of == and !=, through a chain of objects and a lookup")
    func bothSides() {
        let source = MarkedSource.rule(forbid: """
            all:
              - event.kind == "share" && 1️⃣"consumer-caht" == event.destination.kind
              - event.target.scope != 2️⃣"privat"
              - workspace.billing.mode == 3️⃣"asigned"
              - workspace.user(event.user).status == 4️⃣"offbaorded"
            """)
        let found = warnings(source)
        expectDiagnostic(.policyNoSuchValue, at: "1️⃣", in: source, found, hint: "did you mean 'consumer-chat'?")
        expectDiagnostic(.policyNoSuchValue, at: "2️⃣", in: source, found, hint: "did you mean 'private'?")
        expectDiagnostic(.policyNoSuchValue, at: "3️⃣", in: source, found, hint: "did you mean 'assigned'?")
        expectDiagnostic(.policyNoSuchValue, at: "4️⃣", in: source, found, hint: "did you mean 'offboarded'?")
        #expect(found.count == 4)
    }

    @Test("each unknown item of a list literal, and of a policy list at its own line")
    func lists() {
        let source = MarkedSource.rule(
            forbid: """
                all:
                  - event.artifact.classification in client_data
                  - event.destination.kind in ["company", 2️⃣"consumer_chat"]
                """,
            preamble: "lists:\n  client_data: [client, 1️⃣pateint, account-number]")
        let found = warnings(source)
        expectDiagnostic(.policyNoSuchValue, at: "1️⃣", in: source, found, hint: "did you mean 'patient'?")
        expectDiagnostic(.policyNoSuchValue, at: "2️⃣", in: source, found, hint: "did you mean 'consumer-chat'?")
        #expect(found.count == 2, "\(found.map(\.message))")
    }

    @Test("a literal tested for membership of a list field of known values, on a for: element")
    func membershipOfListField() {
        let source = MarkedSource.rule(
            on: "workspace", for: "app in workspace.apps", forbid: #"app.kind == "consumer-chat" && 1️⃣"clinet" in app.data"#)
        let found = warnings(source)
        expectDiagnostic(.policyNoSuchValue, at: "1️⃣", in: source, found, hint: "did you mean 'client'?")
        #expect(found.count == 1)
    }

    @Test("a literal in a macro used by two rules: once, at the macro's line")
    func macroOnce() {
        let source = MarkedSource("""
            policy: p
            macros:
              chat: event.destination.kind == 1️⃣"consumer-caht"
            rules:
              - id: r1
                on: usage
                forbid: chat && event.kind == "upload"
              - id: r2
                on: usage
                forbid: chat && event.kind == "share"
            """)
        let found = warnings(source)
        expectDiagnostic(.policyNoSuchValue, at: "1️⃣", in: source, found, hint: "did you mean 'consumer-chat'?")
        #expect(found.count == 1)
    }

    @Test("event kinds and scopes may take other values: only a near miss is reported")
    func openSets() {
        let source = MarkedSource.rule(forbid: #"event.kind in [1️⃣"uplod", "export"] && event.scope != "vendor""#)
        let found = warnings(source)
        expectDiagnostic(.policyNoSuchValue, at: "1️⃣", in: source, found, hint: "did you mean 'upload'?")
        #expect(found.count == 1, "\(found.map(\.message))")
    }

    @Test("a closed set's value with nothing close lists the values")
    func closedSetListsValues() {
        let source = MarkedSource.rule(forbid: #"event.artifact.classification == 1️⃣"confidential""#)
        expectDiagnostic(
            .policyNoSuchValue, at: "1️⃣", in: source, warnings(source),
            hint: "a data classification is one of: public, internal, client, patient, account-number")
    }

    @Test("the empty string asks whether a field is set; other fields and known values are left alone")
    func notReported() {
        let source = MarkedSource.rule(forbid: """
            all:
              - event.artifact.classification != ""
              - event.artifact.classification in ["client", "patient"]
              - event.user == "clinet"
              - event.artifact.type == "clinet"
              - event.kind == "share"
            """)
        let (set, diagnostics) = compile(source)
        #expect(set != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }
}
