import CEL
import Testing

/// A host object with an optional field, for `.?` on declared object types.
private final class Ticket: CELObject {
    let owner: String?
    init(owner: String?) { self.owner = owner }
    var celTypeName: String { "Ticket" }
    func celField(_ index: Int) -> CELValue { owner.map { .string($0) } ?? .string("") }
    func celHasField(_ index: Int) -> Bool { owner != nil }
}

@Suite("CEL optional types")
struct OptionalTests {
    var env: CELEnvironment {
        var env = CELEnvironment()
        env.declareObjectType("Ticket", fields: [("owner", .string)])
        env.declareVariable("ticket", .object("Ticket"))
        env.declareVariable("labels", .map(.string, .string))
        return env
    }

    /// The value's CEL text, so that results are compared exactly (kind included).
    private func text(_ expression: String, _ bindings: [String: CELValue] = [:]) -> String {
        evaluate(expression, env: env, bindings).debugText
    }

    @Test("optional.of, optional.none and the accessors", arguments: [
        ("optional.of(1)", "optional.of(1)"),
        ("optional.of(null)", "optional.of(null)"),
        ("optional.none()", "optional.none()"),
        ("optional.of('a').hasValue()", "true"),
        ("optional.none().hasValue()", "false"),
        ("optional.of(2u).value()", "2u"),
        ("optional.of(1).orValue(5)", "1"),
        ("optional.none().orValue(5)", "5"),
        ("optional.of(1).or(optional.of(2))", "optional.of(1)"),
        ("optional.none().or(optional.of(2))", "optional.of(2)"),
        ("optional.none().or(optional.none())", "optional.none()"),
    ])
    func functions(expression: String, expected: String) {
        #expect(text(expression) == expected, "\(expression)")
    }

    @Test("optional.ofNonZeroValue is none for the zero value of each type", arguments: [
        "null", "false", "0", "0u", "0.0", "''", "b''", "[]", "{}", "duration('0s')", "timestamp(0)",
    ])
    func zeroValues(zero: String) {
        #expect(text("optional.ofNonZeroValue(\(zero))") == "optional.none()", "\(zero)")
    }

    @Test("optional.ofNonZeroValue keeps every other value", arguments: [
        ("true", "optional.of(true)"), ("-1", "optional.of(-1)"), ("' '", "optional.of(\" \")"),
        ("[0]", "optional.of([0])"), ("{'a': 0}", "optional.of({\"a\": 0})"), ("int", "optional.of(int)"),
        ("optional.none()", "optional.of(optional.none())"), ("timestamp(1)", "optional.of(timestamp(\"1970-01-01T00:00:01Z\"))"),
    ])
    func nonZeroValues(value: String, expected: String) {
        #expect(text("optional.ofNonZeroValue(\(value))") == expected, "\(value)")
    }

    @Test("value() of none is an error; or and orValue do not evaluate the alternative when there is a value")
    func errorsAndShortCircuit() {
        #expect(evaluate("optional.none().value()").errorMessage == "optional.none() dereference")
        #expect(text("optional.of(1).orValue(1 / 0)") == "1")
        #expect(text("optional.of(1).or(optional.of(1 / 0))") == "optional.of(1)")
        #expect(evaluate("optional.none().orValue(1 / 0)").errorMessage == "division by zero")
        #expect(evaluate("optional.of({}.missing).orValue(1)").errorMessage == "no such key: missing")
    }

    @Test("x.? selects a map key or a set object field as an optional", arguments: [
        ("{'a': 1}.?a", "optional.of(1)"),
        ("{'a': 1}.?b", "optional.none()"),
        ("labels.?team", "optional.of(\"infra\")"),
        ("labels.?cost.orValue('none')", "\"none\""),
        ("ticket.?owner", "optional.of(\"ada\")"),
        ("{'a': {'b': 2}}.?a.?b", "optional.of(2)"),
    ])
    func optionalSelect(expression: String, expected: String) {
        let bindings: [String: CELValue] = ["labels": .map(CELMap(["team": .string("infra")])), "ticket": .object(Ticket(owner: "ada"))]
        #expect(text(expression, bindings) == expected, "\(expression)")
    }

    @Test("an unset object field selected with .? is none, and has() of it false")
    func unsetObjectField() {
        let unset: [String: CELValue] = ["ticket": .object(Ticket(owner: nil))]
        #expect(text("ticket.?owner", unset) == "optional.none()")
        #expect(text("has(optional.of(ticket).owner)", unset) == "false")
        #expect(text("has(optional.of(ticket).owner)", ["ticket": .object(Ticket(owner: "x"))]) == "true")
    }

    @Test("selection and indexing through an optional stay optional; absent values chain to none", arguments: [
        ("optional.of({'c': {'d': 'x'}}).c.d", "optional.of(\"x\")"),
        ("optional.of({'c': {}}).c.d", "optional.none()"),
        ("{}.?a.b.c", "optional.none()"),
        ("optional.none().a", "optional.none()"),
        ("optional.of(['x'])[0]", "optional.of(\"x\")"),
        ("optional.of(['x'])[1]", "optional.none()"),
        ("optional.of({'k': 1})['k']", "optional.of(1)"),
        ("optional.none()[0]", "optional.none()"),
        ("has({}.?a.b)", "false"),
        ("has({'a': {'b': 1}}.?a.b)", "true"),
        ("has({'a': optional.none()}.a.b)", "false"),
    ])
    func chaining(expression: String, expected: String) {
        #expect(text(expression) == expected, "\(expression)")
    }

    @Test("x[?k] indexes lists and maps as optionals", arguments: [
        ("[1, 2][?1]", "optional.of(2)"),
        ("[1, 2][?2]", "optional.none()"),
        ("[1, 2][?-1]", "optional.none()"),
        ("{'a': 1}[?'a']", "optional.of(1)"),
        ("{'a': 1}[?'b']", "optional.none()"),
        ("{1u: 'one', 2: 'two'}[?1]", "optional.of(\"one\")"),
        ("optional.of([1])[?0]", "optional.of(1)"),
        ("optional.none()[?0]", "optional.none()"),
    ])
    func optionalIndex(expression: String, expected: String) {
        #expect(text(expression) == expected, "\(expression)")
    }

    @Test("selecting a field of a present non-map value through an optional is an error")
    func selectionErrors() {
        #expect(evaluate("{'a': dyn(null)}.?a.b").errorMessage == "no such field 'b' on null")
        #expect(evaluate("{true: dyn(0)}[?true].b").errorMessage == "no_such_field 'b'")
        #expect(evaluate("dyn([1])[?'a']").errorMessage == "no_such_overload")
    }

    @Test("?-marked list elements and map entries are left out when none", arguments: [
        ("[?optional.of(1), 2, ?optional.none()]", "[1, 2]"),
        ("[?{}.?a]", "[]"),
        ("{?'a': optional.of(1), ?'b': optional.none(), 'c': 3}", "{\"a\": 1, \"c\": 3}"),
    ])
    func literalEntries(expression: String, expected: String) {
        #expect(text(expression) == expected, "\(expression)")
    }

    @Test("optMap and optFlatMap apply to the value when there is one", arguments: [
        ("optional.of(2).optMap(x, x * 10)", "optional.of(20)"),
        ("optional.none().optMap(x, x * 10)", "optional.none()"),
        ("optional.of({'a': 1}).optFlatMap(m, m.?a)", "optional.of(1)"),
        ("optional.of({'a': 1}).optFlatMap(m, m.?b)", "optional.none()"),
        ("optional.of(1).optMap(x, optional.of(x + 1).optMap(x, x * 3))", "optional.of(optional.of(6))"),
    ])
    func macros(expression: String, expected: String) {
        #expect(text(expression) == expected, "\(expression)")
    }

    @Test("optionals compare by presence and value; their type is optional_type", arguments: [
        ("optional.none() == optional.none()", "true"),
        ("optional.of(1) == optional.of(dyn(1.0))", "true"),
        ("optional.of(1) != optional.none()", "true"),
        ("type(optional.of(1)) == optional_type", "true"),
        ("type(optional.none())", "optional_type"),
    ])
    func equalityAndType(expression: String, expected: String) {
        #expect(text(expression) == expected, "\(expression)")
    }

    @Test("the checker types optionals", arguments: [
        ("optional.of(1)", CELType.optional(.int)),
        ("optional.of(1).value()", .int),
        ("optional.none().orValue('x')", .string),
        ("{'a': 1}.?a", .optional(.int)),
        ("ticket.?owner", .optional(.string)),
        ("optional.of(ticket).owner", .optional(.string)),
        ("[1][?0]", .optional(.int)),
        ("[?optional.of(1)]", .list(.int)),
        ("optional.of('a').optMap(s, size(s))", .optional(.int)),
        ("[optional.of(1), optional.of(dyn(1))]", .list(.optional(.dyn))),
        ("[optional.of(1), null]", .list(.optional(.int))),
        ("true ? optional.of(dyn(1)) : optional.of(1)", .optional(.dyn)),
        ("has(optional.of(ticket).owner)", .bool),
    ])
    func checkedTypes(expression: String, expected: CELType) throws {
        let checked = try env.checkText(expression).get()
        #expect(checked.resultType == expected, "\(expression)")
    }

    @Test("type errors: a default of another type, a '?' entry that is not optional, a bad macro variable")
    func typeErrors() throws {
        let orValue = try #require(issues("optional.of(1).orValue('x')", env: env).first)
        #expect(orValue.code == CELIssueCode.noMatchingOverload)
        #expect(orValue.message == "found no matching overload for member function 'orValue' applied to ('optional_type(int)', 'string')")
        let entry = try #require(issues("[?1]", env: env).first)
        #expect(entry.code == CELIssueCode.typeMismatch)
        #expect(entry.message == "expected type 'optional_type(int)' but found 'int'")
        #expect(entry.range == CELRange(start: 2, end: 3))
        let mapEntry = try #require(issues("{?'a': 'b'}", env: env).first)
        #expect(mapEntry.message == "expected type 'optional_type(string)' but found 'string'")
        let field = try #require(issues("ticket.?ownr", env: env).first)
        #expect(field.code == CELIssueCode.undefinedField)
        let select = try #require(issues("'s'.?a", env: env).first)
        #expect(select.message == "type 'string' does not support field selection")
        let empty = try #require(issues("[?]", env: env).first)
        #expect(empty.message == "unexpected ']', expected an expression")
        let macro = try #require(issues("optional.of(1).optMap(1, 2)", env: env).first)
        #expect(macro.code == CELIssueCode.syntax)
        #expect(macro.message == "optMap() variable name must be a simple identifier")
    }

    @Test("unchecked expressions resolve .?, [?] and or at plan time")
    func unchecked() throws {
        let env = CELEnvironment()
        let ast = try env.parse("{'a': 1}.?b.or({'a': 1}[?'a']).orValue(0)").get()
        #expect(env.plan(CELCheckedExpr(unchecked: ast)).evaluate().debugText == "1")
    }

    @Test("optionals print as their value or null in JSON")
    func json() {
        #expect(evaluate("optional.of([1, 'a'])").jsonText() == "[1,\"a\"]")
        #expect(evaluate("optional.none()").jsonText() == "null")
        #expect(evaluate("{'k': optional.none()}").jsonText() == "{\"k\":null}")
    }
}
