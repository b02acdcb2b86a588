import CEL
import Testing

@Suite("CEL string.format")
struct StringFormatTests {
    @Test("each clause formats its argument", arguments: [
        ("'%s and %s'.format(['a', 'b'])", "a and b"),
        ("'%d, %d, %d'.format([-42, 7u, 2.5])", "-42, 7, 2.5"),
        ("'%f'.format([2.71828])", "2.718280"),
        ("'%f %f'.format([2, 3u])", "2.000000 3.000000"),
        ("'%e'.format([1052.032911275])", "1.052033e+03"),
        ("'%e %e'.format([0.000123, -5])", "1.230000e-04 -5.000000e+00"),
        ("'%e'.format([1e300])", "1.000000e+300"),
        ("'%b %b %b %b'.format([5, uint(64), true, -3])", "101 1000000 1 -11"),
        ("'%o %o'.format([11, uint(65535)])", "13 177777"),
        ("'%x %b'.format([-9223372036854775808, 18446744073709551615u])",
         "-8000000000000000 " + String(repeating: "1", count: 64)),
        ("'%x %X %x'.format([30, 30, -255])", "1e 1E -ff"),
        ("'%x|%X'.format(['Hi!', b'\\xff\\x00'])", "486921|FF00"),
        ("'%% %s %%%%'.format(['x'])", "% x %%"),
        ("'no clauses'.format([])", "no clauses"),
        ("'©%sα'.format(['→'])", "©→α"),
    ])
    func clauses(text: String, expected: String) {
        #expect(evaluate(text).stringValue == expected, "\(text)")
    }

    @Test("precision rounds the exact binary value to nearest, ties to even", arguments: [
        ("'%.3f'.format([1.2345])", "1.234"),   // 1.2345 is stored just below the tie
        ("'%.0f'.format([2.5])", "2"),
        ("'%.0f'.format([3.5])", "4"),
        ("'%.2f'.format([0.125])", "0.12"),
        ("'%.2f'.format([0.375])", "0.38"),
        ("'%.1f'.format([9.96])", "10.0"),
        ("'%.3f'.format([-123.4999])", "-123.500"),
        ("'%.2f'.format([-0.001])", "-0.00"),
        ("'%.5f'.format([-1.2])", "-1.20000"),
        ("'%.20f'.format([0.1])", "0.10000000000000000555"),
        ("'%.0e'.format([15.0])", "2e+01"),
        ("'%.2e'.format([9.999])", "1.00e+01"),
        ("'%.3e'.format([0.0])", "0.000e+00"),
        ("'%f'.format([1e22])", "10000000000000000000000.000000"),
        ("'%.3e'.format([5e-324])", "4.941e-324"),
        ("'%e'.format([1.7976931348623157e308])", "1.797693e+308"),
        ("'%.3f'.format([1e-5])", "0.000"),
        ("'%.0f'.format([0.5])", "0"),
        ("'%.0f'.format([0.51])", "1"),
        ("'%.3s|%.1d'.format(['abcdef', 12])", "abcdef|12"),
    ])
    func precision(text: String, expected: String) {
        #expect(evaluate(text).stringValue == expected, "\(text)")
    }

    @Test("the numeric clauses spell NaN and the infinities as CEL does", arguments: [
        ("'%f %e %d %s'.format([double('NaN'), double('NaN'), double('NaN'), double('NaN')])", "NaN NaN NaN NaN"),
        ("'%f %e'.format([double('Infinity'), double('-Infinity')])", "Infinity -Infinity"),
        ("'%s'.format([[double('-Infinity'), 1e21, 1.5e-7]])", "[-Infinity, 1000000000000000000000, 0.00000015]"),
    ])
    func nonFinite(text: String, expected: String) {
        #expect(evaluate(text).stringValue == expected, "\(text)")
    }

    @Test("%s prints any value as text, lists and maps recursively", arguments: [
        ("'%s'.format([null])", "null"),
        ("'%s %s'.format([true, 3.14])", "true 3.14"),
        ("'%s'.format([b'xyz'])", "xyz"),
        ("'%s'.format([type('s')])", "string"),
        ("'%s'.format([type([1])])", "list"),
        ("'%s'.format([timestamp('2023-02-03T23:31:20.5+01:00')])", "2023-02-03T22:31:20.5Z"),
        ("'%s'.format([duration('1h45m47.25s')])", "6347.25s"),
        ("'%s'.format([['abc', 3.14, null, [9, [8]], b'z']])", "[abc, 3.14, null, [9, [8]], z]"),
        ("'%s'.format([{'b': [1, 2], 'a': {true: 1u}, 'c': 'x'}])", "{a: {true: 1}, b: [1, 2], c: x}"),
        ("'%s'.format([{'strKey': 'x', 6: duration('422s'), true: 42}])", "{6: 422s, strKey: x, true: 42}"),
        ("'%s'.format([[]])", "[]"),
        ("'%s'.format([{}])", "{}"),
    ])
    func stringClause(text: String, expected: String) {
        #expect(evaluate(text).stringValue == expected, "\(text)")
    }

    @Test("the template and the arguments can come from variables")
    func variables() {
        var env = CELEnvironment()
        env.declareVariable("template", .string)
        env.declareVariable("args", .list(.dyn))
        let value = evaluate("template.format(args)", env: env,
                             ["template": .string("%s is %d%%"), "args": .list([.string("load"), .int(80)])])
        #expect(value.stringValue == "load is 80%")
    }

    @Test("format is typed string and takes a list", arguments: [
        ("'%s'.format(['a']) == 'a'", true),
        ("type('%d'.format([1])) == string", true),
    ])
    func typing(text: String, expected: Bool) {
        #expect(evaluate(text).boolValue == expected, "\(text)")
        #expect(issues("'%s'.format('a')").map(\.code) == [.noMatchingOverload])
    }

    @Test("malformed templates and unsuitable arguments are errors with cel-go's messages", arguments: [
        ("'%a'.format([1])", "could not parse formatting clause: unrecognized formatting clause \"a\""),
        ("'%E'.format([0.5])", "could not parse formatting clause: unrecognized formatting clause \"E\""),
        ("'%d %d %d'.format([0, 1])", "index 2 out of range"),
        ("'%'.format([])", "index 0 out of range"),
        ("'50%'.format([1])", "unexpected end of string"),
        ("'%.3'.format([1.0])",
         "could not parse formatting clause: error while parsing precision: could not find end of precision specifier"),
        ("'%.f'.format([1.0])", "could not parse formatting clause: error while parsing precision: no digits after \".\""),
        ("'%.101f'.format([1.0])",
         "could not parse formatting clause: error while parsing precision: precision 101 exceeds maximum allowed precision 100"),
        ("'%d'.format([duration('30m2s')])",
         "error during formatting: decimal clause can only be used on integers, was given google.protobuf.Duration"),
        ("'%f'.format([null])", "error during formatting: fixed-point clause can only be used on doubles, was given null_type"),
        ("'%e'.format(['1.0'])", "error during formatting: scientific clause can only be used on doubles, was given string"),
        ("'%b'.format([1.0])", "error during formatting: only integers and bools can be formatted as binary, was given double"),
        ("'%o'.format([[1]])", "error during formatting: octal clause can only be used on integers, was given list"),
        ("'%x'.format([{1: 2}])",
         "error during formatting: only integers, byte buffers, and strings can be formatted as hex, was given map"),
    ])
    func errors(text: String, expected: String) {
        #expect(evaluate(text).errorMessage == expected, "\(text)")
    }

    @Test("%s refuses host objects, also inside lists and maps", arguments: [
        "'%s'.format([probe])", "'%s'.format([[1, probe]])", "'%s'.format([{1: 'a', 2: probe}])",
    ])
    func objects(text: String) {
        var env = CELEnvironment()
        env.declareObjectType("test.Probe", fields: [])
        env.declareVariable("probe", .object("test.Probe"))
        #expect(evaluate(text, env: env, ["probe": .object(Probe())]).errorMessage
            == "error during formatting: string clause can only be used on strings, bools, bytes, ints, doubles, maps, "
            + "lists, types, durations, and timestamps, was given test.Probe")
    }

    @Test("%s stops at a depth limit instead of recursing without bound")
    func depth() {
        var deep = CELValue.list([])
        for _ in 0..<300 { deep = .list([deep]) }
        var env = CELEnvironment()
        env.declareVariable("deep", .dyn)
        #expect(evaluate("'%s'.format([deep])", env: env, ["deep": deep]).errorMessage
            == "error during formatting: value nested more than 256 levels deep")
        var shallow = CELValue.list([])
        for _ in 0..<3 { shallow = .list([shallow]) }
        #expect(evaluate("'%s'.format([deep])", env: env, ["deep": shallow]).stringValue == "[[[[]]]]")
    }
}

private final class Probe: CELObject {
    let celTypeName = "test.Probe"
    func celField(_ index: Int) -> CELValue { .null }
    func celHasField(_ index: Int) -> Bool { false }
}
