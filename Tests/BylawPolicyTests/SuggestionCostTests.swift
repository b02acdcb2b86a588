import BylawPolicy
import BylawSource
import Testing

/// Hostile numbers of misspelt names stay cheap to report, and long chains of macros compile
/// without deep recursion.
@Suite struct SuggestionCostTests {
    static func rules(_ count: Int) -> String {
        (0..<count).map { "  - {id: rule-number-\($0), on: usage, forbid: event.user == \"u\($0)\"}\n" }.joined()
    }

    @Test func aTestNamingNoCloseRuleListsAtMostFiftyOfThem() {
        let source = MarkedSource("policy: p\nrules:\n" + Self.rules(60) + "tests:\n  - {name: t, event: {user: u}, expect: [zzz]}\n")
        let (_, diagnostics) = compile(source)
        let hint = diagnostics.first { $0.code == .policyUnknownRule }?.hint
        #expect(hint?.hasPrefix("the rules of policy 'p' are: rule-number-0, rule-number-1, ") == true)
        #expect(hint?.hasSuffix("rule-number-49, … (10 more)") == true)
    }

    @Test func manyMisspeltTestsAndExceptionsAreEachReported() {
        let count = 300
        let tests = (0..<count).map { "  - {name: t\($0), event: {user: u}, expect: [rule-numbr-\($0)]}\n" }.joined()
        let exceptions = (0..<count).map { "  - {rule: rule-numbr-\($0), reason: r, expires: 2099-01-01}\n" }.joined()
        let (set, diagnostics) = compile(MarkedSource("policy: p\nrules:\n" + Self.rules(count) + "exceptions:\n" + exceptions + "tests:\n" + tests))
        #expect(set == nil)
        let unknown = diagnostics.filter { $0.code == .policyUnknownRule }
        #expect(unknown.count == 2 * count)
        #expect(unknown.contains { $0.hint == "did you mean 'rule-number-7'?" })
    }

    @Test func aChainOfAHundredThousandMacrosIsRefusedWithoutCrashing() {
        let count = 100_000
        var text = "policy: p\nmacros:\n"
        for index in 0..<count { text += "  m\(index): m\(index + 1)\n" }
        text += "  m\(count): event.user == \"x\"\nrules:\n  - id: r\n    on: usage\n    forbid: m0\n"
        let (set, diagnostics) = compile(MarkedSource(text))
        #expect(set == nil)
        #expect(diagnostics.contains { $0.code == .celLimit })
    }
}
