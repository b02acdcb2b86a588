import CEL
import Testing

@Suite("CEL extension libraries")
struct ExtensionTests {
    @Test("join on a list of strings, with and without a separator", arguments: [
        ("['a', 'b', 'c'].join(', ')", "a, b, c"),
        ("['x', 'y'].join()", "xy"),
        ("[].join('-')", ""),
        ("apps.join(', ')", "slack, jira"),
    ])
    func join(text: String, expected: String) {
        var env = CELEnvironment()
        env.declareVariable("apps", .list(.string))
        #expect(evaluate(text, env: env, ["apps": .list([.string("slack"), .string("jira")])]).stringValue == expected)
    }

    @Test("string functions index and slice by code point", arguments: [
        ("'ta©o©αT'.indexOf('©')", "2"), ("'ta©o©αT'.lastIndexOf('©')", "4"), ("'tacocat'.charAt(7)", ""),
        ("'Ta©oCαt'.reverse()", "tαCo©aT"), ("'tacocat'.substring(4)", "cat"), ("'tacocat'.substring(1, 3)", "ac"),
        ("'TacoCÆt'.lowerAscii()", "tacocÆt"), ("'a-b-c'.replace('-', '+', 1)", "a+b-c"),
        ("' \\t text\\u00a0'.trim()", "text"), ("strings.quote('a\"b\\n')", "\"a\\\"b\\n\""),
    ])
    func strings(text: String, expected: String) {
        let v = evaluate(text)
        if let i = v.intValue { #expect(String(i) == expected, "\(text)") } else { #expect(v.stringValue == expected, "\(text)") }
    }

    @Test("split honours its limit")
    func split() {
        #expect(evaluate("'a,b,c'.split(',') == ['a', 'b', 'c']").boolValue == true)
        #expect(evaluate("'a,b,c'.split(',', 2) == ['a', 'b,c']").boolValue == true)
        #expect(evaluate("'a,b,c'.split(',', 0) == []").boolValue == true)
    }

    @Test("out-of-range string indexes are errors, not traps")
    func stringErrors() {
        #expect(evaluate("'abc'.charAt(4)").errorMessage == "index out of range: 4")
        #expect(evaluate("'abc'.substring(2, 1)").errorMessage != nil)
        #expect(evaluate("'abc'.indexOf('a', -1)").errorMessage != nil)
    }

    @Test("math functions keep the winning number's kind", arguments: [
        ("math.greatest(1, 2.5, 3u) == 3u", true), ("math.least([4, -2, 7]) == -2", true),
        ("math.round(-1.5) == -2.0", true), ("math.bitShiftRight(-1024, 3) == 2305843009213693824", true),
        ("math.abs(-4) == 4", true), ("math.isNaN(0.0 / 0.0)", true), ("math.sign(-2.5) == -1.0", true),
    ])
    func math(text: String, expected: Bool) {
        #expect(evaluate(text).boolValue == expected, "\(text)")
    }

    @Test("math errors are values")
    func mathErrors() {
        #expect(evaluate("math.abs(-9223372036854775808)").errorMessage != nil)
        #expect(evaluate("math.bitShiftLeft(1, -1)").errorMessage != nil)
    }
}
