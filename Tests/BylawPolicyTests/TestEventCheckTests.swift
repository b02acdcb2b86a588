import BylawPolicy
import BylawSource
import Testing

/// A test's event is checked against the usage event format: a misspelt key or a value of the
/// wrong kind is an error at its line and column, so a test cannot pass while testing nothing.
@Suite("Test events checked against the event format")
struct TestEventCheckTests {
    private static func policy(_ tests: String) -> MarkedSource {
        MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.artifact.classification == "client"
            tests:
            \(tests)
            """)
    }

    @Test("a misspelt key, at the top and inside a part, with did you mean")
    func unknownKeys() {
        let source = Self.policy("""
              - name: t
                event: {kind: upload, 1️⃣artefact: {classification: client}}
                expect: allow
              - name: u
                event:
                  kind: upload
                  artifact: {2️⃣clasification: client}
                expect: allow
            """)
        let (set, diagnostics) = compile(source)
        #expect(set == nil, "errors: the policy does not compile")
        expectDiagnostic(.policyTestEventUnknownKey, at: "1️⃣", in: source, diagnostics, hint: "did you mean 'artifact'?")
        expectDiagnostic(.policyTestEventUnknownKey, at: "2️⃣", in: source, diagnostics, hint: "did you mean 'classification'?")
        #expect(diagnostics.map(\.message) == ["unknown key 'artefact' in the test's event", "unknown key 'clasification' in 'artifact' of the test's event"])
    }

    @Test("a key nothing is close to lists the keys")
    func unknownKeyListsKeys() {
        let source = Self.policy("""
              - name: t
                event: {kind: upload, tokens: {1️⃣total: 5}}
                expect: allow
            """)
        expectDiagnostic(.policyTestEventUnknownKey, at: "1️⃣", in: source, compile(source).diagnostics, hint: "the keys of 'tokens' of the test's event are: in, out")
    }

    @Test("values of the wrong kind, each at its value, with what to write")
    func wrongTypes() {
        let source = Self.policy("""
              - name: t
                event:
                  kind: upload
                  user: 1️⃣42
                  tokens: {in: 2️⃣"5000", out: 3️⃣2.5}
                  cost: 4️⃣5
                  artifact: 5️⃣[pdf]
                expect: allow
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyTestEventWrongType, at: "1️⃣", in: source, diagnostics, hint: "put 42 in quotes")
        expectDiagnostic(.policyTestEventWrongType, at: "2️⃣", in: source, diagnostics, hint: "remove the quotes around 5000")
        expectDiagnostic(.policyTestEventWrongType, at: "3️⃣", in: source, diagnostics)
        expectDiagnostic(.policyTestEventWrongType, at: "4️⃣", in: source, diagnostics)
        expectDiagnostic(.policyTestEventWrongType, at: "5️⃣", in: source, diagnostics)
        #expect(diagnostics.count == 5, "\(diagnostics.map(\.message))")
        #expect(diagnostics.first?.message == "expected text for 'user', found an integer")
        #expect(diagnostics.last?.message == "expected a mapping (its keys: type, classification) for 'artifact', found a sequence")
    }

    @Test("a misspelt known value is a warning, as in a condition")
    func knownValue() {
        let source = Self.policy("""
              - name: t
                event: {kind: upload, artifact: {classification: 1️⃣clinet}}
                expect: allow
            """)
        let (set, diagnostics) = compile(source)
        #expect(set != nil)
        expectDiagnostic(.policyNoSuchValue, at: "1️⃣", in: source, diagnostics, hint: "did you mean 'client'?")
        #expect(diagnostics.count == 1)
    }

    @Test("a well-formed event, with nulls, decimals written as integers and unknown-but-open values, is accepted")
    func wellFormed() {
        let source = Self.policy("""
              - name: t
                event:
                  id: e1
                  time: "2026-01-05T10:00:00Z"
                  kind: export
                  user: alice
                  tokens: {in: 5000, out: null}
                  cost: {amount: 3, currency: USD}
                  artifact: {type: pdf, classification: client}
                  destination: null
                expect: [r]
            """)
        let (set, diagnostics) = compile(source)
        #expect(set != nil)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
    }
}
