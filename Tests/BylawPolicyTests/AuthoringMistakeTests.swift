import BylawPolicy
import BylawSource
import BylawYAML
import Testing

/// The mistakes a policy owner with light technical skill makes first, each at its line and
/// column, with a hint that says what to write instead.
@Suite("Policy owners' mistakes: plain errors with a hint to act on")
struct AuthoringMistakeTests {
    @Test("a literal brace in a hint is read as a placeholder; the hint says to double it")
    func braceInHint() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.kind == "share"
                hint: "Add labels: 1️⃣{region: eu} (or us)"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyInvalidTemplate, at: "1️⃣", in: source, diagnostics, hint: "double them: `{{region: eu}}`")
        #expect(diagnostics.count == 1, "one problem, one diagnostic: \(diagnostics.map(\.message))")
        #expect(diagnostics.first?.message == "'{region: eu}' is read as a placeholder, but 'region: eu' is not an expression")
        #expect(diagnostics.first?.notes.first?.message.contains("unexpected ':'") == true, "CEL's words stay as a note")
    }

    @Test("doubled braces are text, and a placeholder still works beside them")
    func doubledBraces() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.kind == "share"
                hint: "Add labels: {{region: eu}} to {event.user}"
            """)
        let (set, diagnostics) = compile(source)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(set != nil)
    }

    @Test("a number in quotes: remove the quotes")
    func numberInQuotes() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: 1️⃣event.tokens.input > "5000"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celNoMatchingOverload, at: "1️⃣", in: source, diagnostics, hint: "remove the quotes around 5000")
        #expect(diagnostics.first?.message == "this compares a number with text")
        #expect(diagnostics.first?.notes.first?.message.contains("no matching overload") == true)
    }

    @Test("text compared with a bare number: put it in quotes")
    func textWithNumber() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid:
                  all:
                    - event.kind == "share"
                    - 1️⃣event.org == 42
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celNoMatchingOverload, at: "1️⃣", in: source, diagnostics, hint: "put 42 in quotes, \"42\"")
        #expect(diagnostics.first?.message == "this compares text with a number")
    }

    @Test("a time compared with a date in quotes: write timestamp(…)")
    func timeWithText() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: 1️⃣event.time < "2026-01-01"
            """)
        expectDiagnostic(.celNoMatchingOverload, at: "1️⃣", in: source, compile(source).diagnostics, hint: "`timestamp(\"2026-01-01T00:00:00Z\")`")
    }

    @Test("'=' for '==': the hint gives the expression as it should read")
    func assignment() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.kind 1️⃣= "share"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celSyntax, at: "1️⃣", in: source, diagnostics, hint: "write `event.kind == \"share\"`")
        #expect(diagnostics.first?.message.contains("write '=='") == true)
    }

    @Test("'and' and 'or' for '&&' and '||', with the YAML way beside them", arguments: [
        ("and", "&&", "all:"), ("or", "||", "any:"),
    ])
    func andOr(_ word: String, _ symbol: String, _ combinator: String) {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.kind == "share" 1️⃣\(word) event.scope == "org"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celSyntax, at: "1️⃣", in: source, diagnostics, hint: "write `event.kind == \"share\" \(symbol) event.scope == \"org\"`")
        #expect(diagnostics.first?.hint?.contains(combinator) == true)
        #expect(diagnostics.first?.message == "'\(word)' is written '\(symbol)' in an expression")
    }

    @Test("'not' for '!': the error points at 'not', not at the word after it")
    func not() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: |
                  1️⃣not event.kind == "share"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celSyntax, at: "1️⃣", in: source, diagnostics, hint: "write `!(event.kind == \"share\")`")
        #expect(diagnostics.count == 1)
    }

    @Test("'not (…)' reads as a call of a function 'not': said as '!' too, alone or in a combinator", arguments: [
        "forbid: 1️⃣not (event.scope == \"org\")",
        "forbid:\n      all:\n        - event.kind == \"share\"\n        - 1️⃣NOT (event.scope == \"org\")",
    ])
    func notCall(_ condition: String) {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                \(condition)
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celUndeclaredReference, at: "1️⃣", in: source, diagnostics, hint: "write `!(event.scope == \"org\")`")
        #expect(diagnostics.first?.message.hasSuffix("is written '!' in an expression") == true)
    }

    @Test("a correction that would not parse is not offered")
    func noBrokenCorrection() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.kind == "share" 1️⃣and (event.scope
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.celSyntax, at: "1️⃣", in: source, diagnostics, hint: "write `&&`, as in")
    }

    /// One space too far reads, to libyaml, as more text of the value above followed by a stray
    /// ':'; one too little as the end of the mapping. Both are said as indentation.
    @Test("a key indented one space too far, or too little", arguments: [
        ("  1️⃣enforcement", "remove 1 space before 'enforcement:'", "1 space more than 'on:' on line 4"),
        ("1️⃣enforcement", "add 1 space before 'enforcement:'", "1 space less than 'on:' on line 4"),
    ])
    func keyIndentation(_ key: String, _ hint: String, _ message: String) {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
               \(key): warn
                forbid: event.kind == "share"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.yamlIndentation, at: "1️⃣", in: source, diagnostics, hint: hint)
        #expect(diagnostics.map(\.message) == ["wrong indentation: 'enforcement:' is indented " + message])
    }

    /// A list item one space less far than the one above is a YAML error; one space further is
    /// valid YAML (more text of the item above) that CEL then rejects: both are said as indentation.
    @Test("a list item indented less, or further, than the one above it", arguments: [
        ("   1️⃣- event.scope", DiagnosticCode.yamlIndentation, "add 1 space before '- event.scope'"),
        ("     1️⃣- event.scope", DiagnosticCode.policyIndentation, "remove 1 space before '-'"),
    ])
    func itemIndentation(_ item: String, _ code: DiagnosticCode, _ hint: String) {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid:
                  all:
                    - event.kind == "share"
                \(item) == "org"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(code, at: "1️⃣", in: source, diagnostics, hint: hint)
        #expect(diagnostics.count == 1, "one slip, one diagnostic: \(diagnostics.map(\.message))")
    }

    @Test("'all:' beside an empty 'forbid:': one error, and the rule is still checked as meant")
    func combinatorBesideForbid() {
        let source = MarkedSource("""
            policy: p
            macros:
              sharing: event.kind == "share"
              org_scope: event.scope == "org"
            rules:
              - id: r
                on: usage
                forbid:
                1️⃣all:
                  - sharing
                  - org_scope
                  - event.usr == "x"
            exceptions:
              - rule: r
                where: event.user == "bot"
                reason: test documents
            tests:
              - name: a share
                event: {kind: share, scope: org}
                expect: [r]
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyIndentation, at: "1️⃣", in: source, diagnostics, hint: "indent 'all:' and the lines under it 2 spaces further")
        // The rule is read as meant: its own mistake is found, and nothing follows from the slip
        // (no empty 'forbid', no unknown key, no unused macro, no "rule does not exist").
        #expect(Set(diagnostics.map(\.code)) == [.policyIndentation, .celUndefinedField], "\(diagnostics.map(\.message))")
    }

    @Test("a rule that does not decode: its error alone, not what follows from it")
    func noCascadeFromABrokenRule() {
        let source = MarkedSource("""
            policy: p
            lists:
              kinds: [share]
            macros:
              sharing: event.kind in kinds
              broken: !event.scope == "org"
            rules:
              - id: r
                on: usage
                enforcement: 1️⃣blok
                forbid: sharing
              - id: s
                on: usage
                forbid: broken && event.kind == "upload"
            exceptions:
              - rule: r
                reason: test documents
            tests:
              - name: a share
                event: {kind: share}
                expect: [r, p/r]
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyUnknownValue, at: "1️⃣", in: source, diagnostics, hint: "did you mean 'block'?")
        #expect(Set(diagnostics.map(\.code)) == [.policyUnknownValue, .policyYAMLTag], "\(diagnostics.map(\.message))")
    }

    @Test("without errors, an unused macro is still reported")
    func unusedMacroStillWarned() {
        let source = MarkedSource("""
            policy: p
            macros:
              1️⃣unused: event.kind == "share"
            rules:
              - id: r
                on: usage
                forbid: event.kind == "upload"
            """)
        expectDiagnostic(.policyUnusedMacro, at: "1️⃣", in: source, compile(source).diagnostics)
    }
}
