import BylawPolicy
import BylawSource
import Testing

@Suite("Policy compiler: expression errors at the exact column, through every scalar style")
struct ExpressionPositionTests {
    @Test("plain scalar")
    func plain() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.kind == "upload" && 1️⃣evnt.user == "x"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celUndeclaredReference, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first?.hint == "did you mean 'event'?")
    }

    @Test("double-quoted scalar with escapes before the error")
    func doubleQuoted() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: "event.kind == \\"up\\\\u00e9\\" && event.1️⃣usr == \\"x\\""
            """)
        expectDiagnostic(.celUndefinedField, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("single-quoted scalar with a doubled quote")
    func singleQuoted() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: 'event.user == "o''neil" && 1️⃣nope'
            """)
        expectDiagnostic(.celUndeclaredReference, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("literal block scalar, error on its second line, after multi-byte text")
    func literalBlock() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: |
                  event.user == "José 日本" &&
                    event.artifact.1️⃣clasification == "client"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celUndefinedField, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first?.hint == "did you mean 'classification'?")
    }

    @Test("folded block scalar")
    func foldedBlock() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: >
                  event.kind == "share" &&
                  workspace.1️⃣orgz == []
            """)
        expectDiagnostic(.celUndefinedField, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("a leaf of a combinator, and a template placeholder")
    func combinatorAndTemplate() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid:
                  all:
                    - event.kind == "share"
                    - 1️⃣event.kind
                message: "{event.user} shared with {event.target.2️⃣usr}"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyNotACondition, at: "1️⃣", in: source, diagnostics)
        expectDiagnostic(.celUndefinedField, at: "2️⃣", in: source, diagnostics)
    }

    @Test("a type mismatch")
    func mismatch() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: workspace
                forbid: 1️⃣workspace.billing.mode == 3
            """)
        expectDiagnostic(.celNoMatchingOverload, at: "1️⃣", in: source, compile(source).diagnostics)
    }
}

@Suite("Policy compiler: lists, macros, exceptions, warnings")
struct PolicyCompilerTests {
    @Test("a macro cycle names its members")
    func macroCycle() {
        let source = MarkedSource("""
            policy: p
            macros:
              1️⃣a: b && event.kind == "x"
              b: a
            rules:
              - id: r
                on: usage
                forbid: a
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyMacroCycle, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .policyMacroCycle }?.message.contains("a → b → a") == true)
    }

    @Test("a list and a macro of one name clash")
    func nameClash() {
        let source = MarkedSource("""
            policy: p
            lists:
              x: [a]
            macros:
              1️⃣x: event.kind == "a"
            rules:
              - id: r
                on: usage
                forbid: event.kind in x
            """)
        expectDiagnostic(.policyNameClash, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("a macro using event inside a workspace rule is an error at the macro, with a note naming the rule")
    func macroWrongTrigger() {
        let source = MarkedSource("""
            policy: p
            macros:
              uploads: 1️⃣event.kind == "upload"
            rules:
              - id: r
                on: workspace
                forbid: uploads
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celUndeclaredReference, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .celUndeclaredReference }?.notes.first?.message.contains("rule 'r'") == true)
    }

    @Test("warnings: unused list and macro, expired exception, where that never holds, unknown exception rule")
    func warnings() {
        let source = MarkedSource("""
            policy: p
            lists:
              1️⃣unused: [a]
            macros:
              2️⃣idle: "true"
            rules:
              - id: r
                on: usage
                where: 3️⃣1 > 2
                forbid: event.kind == "upload"
            exceptions:
              - rule: r
                reason: old
                expires: 4️⃣2020-01-01
              - rule: 5️⃣rr
                reason: typo
            """)
        let (set, diagnostics) = compile(source)
        #expect(set != nil, "warnings do not stop compilation")
        expectDiagnostic(.policyUnusedList, at: "1️⃣", in: source, diagnostics)
        expectDiagnostic(.policyUnusedMacro, at: "2️⃣", in: source, diagnostics)
        expectDiagnostic(.policyWhereNeverHolds, at: "3️⃣", in: source, diagnostics)
        expectDiagnostic(.policyExpiredException, at: "4️⃣", in: source, diagnostics)
        expectDiagnostic(.policyUnknownRule, at: "5️⃣", in: source, diagnostics)
        #expect(diagnostics.allSatisfy { $0.severity == .warning })
        #expect(set?.rules.first?.exceptions.isEmpty == true, "an expired exception no longer applies")
    }

    @Test("an exception still in force on its expiry day")
    func expiryDay() {
        let text = """
            policy: p
            rules:
              - id: r
                on: usage
                forbid: "true"
            exceptions:
              - rule: r
                reason: ok
                expires: 2026-11-22
            """
        #expect(compile(MarkedSource(text), today: "2026-11-22").set?.rules.first?.exceptions.count == 1)
        #expect(compile(MarkedSource(text), today: "2026-11-23").set?.rules.first?.exceptions.count == 0)
    }

    @Test("an exception may not reach into another policy")
    func foreignException() {
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: SourceFile(path: "a.yaml", text: "policy: a\nrules:\n  - id: r\n    on: usage\n    forbid: \"true\"\n"), into: &loaded)
        PolicySetLoader.load(file: SourceFile(path: "b.yaml", text: "policy: b\nexceptions:\n  - rule: r\n    reason: x\n"), into: &loaded)
        let diagnostics = PolicyCompiler(today: CalendarDate(year: 2026, month: 1, day: 1)!).compile(loaded.documents).diagnostics
        #expect(diagnostics.contains { $0.code == .policyForeignException && $0.path == "b.yaml" })
    }

    @Test("for: over something that is not a collection")
    func forOverScalar() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: workspace
                for: org in 1️⃣workspace.id
                forbid: "true"
            """)
        expectDiagnostic(.policyInvalidFor, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("a template with an unclosed brace")
    func badTemplate() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: "true"
                message: "user 1️⃣{event.user"
            """)
        expectDiagnostic(.policyInvalidTemplate, at: "1️⃣", in: source, compile(source).diagnostics)
    }
}
