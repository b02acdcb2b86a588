import CEL
import Testing

@Suite("CEL evaluation")
struct EvaluationTests {
    @Test("&& and || absorb errors when the other side decides")
    func errorAbsorption() {
        #expect(evaluate("1/0 == 1 && false").boolValue == false)
        #expect(evaluate("false && 1/0 == 1").boolValue == false)
        #expect(evaluate("1/0 == 1 || true").boolValue == true)
        #expect(evaluate("1/0 == 1 || false").errorMessage == "division by zero")
        #expect(evaluate("[1, 0].exists(x, 1 / x == 1)").boolValue == true)
        #expect(evaluate("[0, 1].all(x, 1 / x > 5)").boolValue == false)
    }

    @Test("errors carry the range of the failing node")
    func errorRange() throws {
        let text = "1 + 2 / 0"
        guard case .error(let e) = evaluate(text) else {
            Issue.record("expected an error")
            return
        }
        let start = try #require(offset(of: "2 / 0", in: text))
        #expect(e.range == CELRange(start: start, end: text.utf8.count))
    }

    @Test("arithmetic failures are errors, not traps", arguments: [
        "9223372036854775807 + 1", "-9223372036854775808 - 1", "0u - 1u", "1 % 0", "-9223372036854775808 / -1",
        "int(1e19)", "uint(-1)", "int('x')", "18446744073709551615u * 2u", "-(-9223372036854775808)",
    ])
    func arithmeticErrors(text: String) {
        #expect(evaluate(text).isError, "\(text)")
    }

    @Test("numbers compare and equal across int, uint and double")
    func heterogeneousNumbers() {
        #expect(evaluate("dyn(1) == 1u && dyn(1u) == 1.0 && 2 > 1.5 && 1u < 2 && dyn(3) in [1.0, 3u]").boolValue == true)
        #expect(evaluate("{1: 'a'}[dyn(1u)] == 'a' && {2u: 'b'}[dyn(2.0)] == 'b'").boolValue == true)
        #expect(evaluate("0.0/0.0 == 0.0/0.0").boolValue == false)
    }

    @Test("strings are sized and compared by code points")
    func strings() {
        #expect(evaluate("size('héllo😀')").intValue == 6)
        #expect(evaluate("'é' < 'ö' && 'a' < 'b' && 'Z' < 'a'").boolValue == true)
        #expect(evaluate("'e\\u0301' == 'é'").boolValue == false)
        #expect(evaluate("'hello'.contains('ell') && 'hello'.startsWith('he') && 'hello'.endsWith('lo')").boolValue == true)
        #expect(evaluate("'abc123'.matches('^[a-z]+[0-9]+$')").boolValue == true)
    }

    @Test("conversions", arguments: [
        ("string(1.5)", "1.5"), ("string(1e6)", "1e+06"), ("string(-4.5e-3)", "-0.0045"), ("string(42u)", "42"),
        ("string(b'abc')", "abc"), ("string(duration('90m'))", "5400s"),
        ("string(timestamp('2024-01-02T03:04:05Z'))", "2024-01-02T03:04:05Z"),
    ])
    func conversions(text: String, expected: String) {
        #expect(evaluate(text).stringValue == expected, "\(text): \(evaluate(text).debugText)")
    }

    @Test("timestamps and durations with time zones")
    func time() {
        #expect(evaluate("timestamp('2024-03-10T23:30:00Z').getHours('America/New_York')").intValue == 19)
        #expect(evaluate("timestamp('2024-01-01T00:00:00Z') + duration('36h') == timestamp('2024-01-02T12:00:00Z')").boolValue == true)
        #expect(evaluate("duration('1h30m').getMinutes()").intValue == 90)
    }

    @Test("macros over lists and maps")
    func macros() {
        #expect(evaluate("[1, 2, 3].map(x, x * x) == [1, 4, 9]").boolValue == true)
        #expect(evaluate("[1, 2, 3].map(x, x > 1, x * 10) == [20, 30]").boolValue == true)
        #expect(evaluate("[1, 2, 3].exists_one(x, x == 2)").boolValue == true)
        #expect(evaluate("{'a': 1, 'b': 2}.filter(k, k != 'a') == ['b']").boolValue == true)
        #expect(evaluate("[[1, 2], [3]].all(l, l.all(x, x > 0))").boolValue == true)
        #expect(evaluate("cel.bind(x, 5, x * x)").intValue == 25)
    }

    @Test("the evaluation budget stops runaway loops")
    func budget() {
        var env = CELEnvironment()
        env.limits.budget.iterations = 10_000
        let text = "[1,2,3,4,5,6,7,8,9,10].all(a, [1,2,3,4,5,6,7,8,9,10].all(b, [1,2,3,4,5,6,7,8,9,10].all(c, [1,2,3,4,5,6,7,8,9,10].all(d, [1,2,3,4,5,6,7,8,9,10].all(e, true)))))"
        #expect(evaluate(text, env: env).errorMessage == "evaluation budget exceeded: more than 10000 steps (loop iterations, elements compared or scanned)")
    }
}
