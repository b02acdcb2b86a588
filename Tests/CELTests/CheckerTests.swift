import CEL
import Testing

@Suite("CEL checker")
struct CheckerTests {
    var env: CELEnvironment {
        var env = CELEnvironment()
        env.declareVariable("request", .map(.string, .dyn))
        env.declareVariable("count", .int)
        env.declareVariable("names", .list(.string))
        env.declareObjectType("User", fields: [("name", .string), ("age", .int), ("tags", .list(.string))])
        env.declareVariable("user", .object("User"))
        return env
    }

    @Test("an undeclared name is reported with its range and a close name")
    func undeclared() throws {
        let text = "cuont + 1"
        let issue = try #require(issues(text, env: env).first)
        #expect(issue.code == .undeclaredReference)
        #expect(issue.range == CELRange(start: 0, end: 5))
        #expect(issue.hint == "did you mean 'count'?")
    }

    @Test("an unknown field of an object type suggests the right one")
    func undefinedField() throws {
        let text = "user.nmae == 'x'"
        let issue = try #require(issues(text, env: env).first)
        #expect(issue.code == .undefinedField)
        #expect(issue.hint == "did you mean 'name'?")
        #expect(issue.range == CELRange(start: 5, end: 9), "the range is the field name, not the operand")
    }

    @Test("no matching overload names the argument types")
    func noOverload() throws {
        let issue = try #require(issues("count + 'a'", env: env).first)
        #expect(issue.code == .noMatchingOverload)
        #expect(issue.message.contains("'int', 'string'"))
        let member = try #require(issues("names.startsWith('a')", env: env).first)
        #expect(member.code == .noMatchingOverload)
    }

    @Test("an unknown function suggests a close one")
    func unknownFunction() throws {
        let issue = try #require(issues("'abc'.startWith('a')", env: env).first)
        #expect(issue.code == .undeclaredReference)
        #expect(issue.hint == "did you mean 'startsWith'?")
    }

    @Test("types are inferred through lists, maps and comprehensions", arguments: [
        ("[1, 2].map(x, x * 2)", CELType.list(.int)),
        ("{'a': [1]}", .map(.string, .list(.int))),
        ("names.filter(n, n.startsWith('a'))", .list(.string)),
        ("[1, 'a']", .list(.dyn)),
        ("request.x", .dyn),
        ("user.tags.exists(t, t == 'x')", .bool),
        ("[] + [1u]", .list(.uint)),
        ("type(1)", .type(.int)),
        ("dyn(1) + 2", .int),
        ("true ? dyn(1) : 1", .dyn),
        ("user == null ? 0 : user.age", .int),
    ])
    func inference(text: String, expected: CELType) throws {
        let checked = try env.checkText(text).get()
        #expect(checked.resultType == expected, "\(text): \(checked.resultType)")
    }

    @Test("a non-bool condition is a type mismatch")
    func mismatch() {
        let found = issues("[1, 2].all(x, x + 1)", env: env)
        #expect(found.contains { $0.code == .typeMismatch || $0.code == .noMatchingOverload }, "\(found)")
    }

    @Test("all checker errors of an expression are reported, sorted by position")
    func several() {
        let found = issues("foo + bar.baz(1) + user.nope", env: env)
        #expect(found.count >= 3, "\(found)")
        #expect(found.map(\.range.start) == found.map(\.range.start).sorted())
    }
}

@Suite("CEL checker hints for new users")
struct CheckerHintTests {
    @Test("mixing int and double says how to write it", arguments: ["2.0 * 3", "1 + 1u", "x + 1.5"])
    func mixedNumbers(_ text: String) throws {
        var env = CELEnvironment()
        env.declareVariable("x", .int)
        guard case .failure(let issues) = env.checkText(text) else {
            Issue.record("\(text) should not type-check")
            return
        }
        let issue = try #require(issues.issues.first)
        #expect(issue.code == .noMatchingOverload)
        #expect(issue.hint?.contains("CEL does not mix int, uint and double") == true)
    }

    @Test("indexing a string points at charAt and substring")
    func stringIndex() throws {
        guard case .failure(let issues) = CELEnvironment().checkText("'abc'[0]") else {
            Issue.record("a string index should not type-check")
            return
        }
        #expect(issues.issues.first?.hint?.contains("charAt") == true)
    }
}
