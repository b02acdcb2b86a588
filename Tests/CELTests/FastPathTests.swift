import CEL
import Testing

/// The planner replaces common shapes with specialised nodes; these check they keep CEL's meaning.
@Suite("CEL specialised evaluation paths")
struct FastPathTests {
    @Test("equality and ordering against constants, either side", arguments: [
        ("'ada' == name", true), ("name != 'ada'", false), ("n > 10", true), ("n <= 10", false), ("10 < n", true),
        ("dyn(n) == 12.0", true), ("dyn(n) > 11.5", true), ("dyn(name) == 1", false), ("size(name) == 3", true),
        ("name in ['bob', 'ada']", true), ("name in ['bob', 'Ada']", false), ("dyn(1) in ['a', 'b']", false),
    ])
    func constants(text: String, expected: Bool) {
        var env = CELEnvironment()
        env.declareVariable("name", .string)
        env.declareVariable("n", .int)
        #expect(evaluate(text, env: env, ["name": .string("ada"), "n": .int(12)]).boolValue == expected, "\(text)")
    }

    @Test("errors still propagate through specialised nodes")
    func errors() {
        #expect(evaluate("(1 / 0) == 1").errorMessage != nil)
        #expect(evaluate("(1 / 0) > 1").errorMessage != nil)
        #expect(evaluate("dyn('a') < 1.0").errorMessage != nil)
        #expect(evaluate("dyn('a') < 1.0 || true").boolValue == true)
        #expect(evaluate("dyn('a') == 1").boolValue == false)
    }

    @Test("nested comprehensions see their own iteration variables", arguments: [
        ("[[1, 2], [3]].all(l, l.exists(x, x > 0))", true),
        ("[1, 2, 3].exists(x, [4, 5].exists(y, x + y == 8))", true),
        ("[1, 2, 3].filter(x, x > 1).map(y, y * 10) == [20, 30]", true),
        ("{'a': 1, 'b': 2}.exists(k, k == 'b')", true),
        ("[1, 2].map(x, [x, x].map(y, x + y)) == [[2, 2], [4, 4]]", true),
    ])
    func nested(text: String, expected: Bool) {
        #expect(evaluate(text).boolValue == expected, "\(text)")
    }

    @Test("long strings compare by code point")
    func longStrings() {
        let long = String(repeating: "x", count: 40)
        var env = CELEnvironment()
        env.declareVariable("s", .string)
        #expect(evaluate("s == '\(long)'", env: env, ["s": .string(long)]).boolValue == true)
        #expect(evaluate("s in ['\(long)y', '\(long)']", env: env, ["s": .string(long)]).boolValue == true)
        #expect(evaluate("s == '\u{212A}'", env: env, ["s": .string("K")]).boolValue == false)
    }
}
