import CEL
import Testing

@Suite("CEL parser")
struct ParserTests {
    let env = CELEnvironment()

    @Test("every node carries the byte range of its text")
    func nodeRanges() throws {
        let text = "a.b + size('héllo')"
        let ast = try env.parse(text).get()
        guard case .call(nil, "_+_", let args) = ast.root.kind else {
            Issue.record("expected an addition, got \(ast.root.kind)")
            return
        }
        #expect(ast.root.range == CELRange(start: 0, end: text.utf8.count))
        #expect(args[0].range == CELRange(start: 0, end: 3))
        let sizeStart = try #require(offset(of: "size", in: text))
        #expect(args[1].range == CELRange(start: sizeStart, end: text.utf8.count))
    }

    @Test("literal forms", arguments: [
        ("0x1F", CELValue.int(31)), ("42u", .uint(42)), ("0x10U", .uint(16)), ("2.5e3", .double(2500)), ("1e-2", .double(0.01)),
        (".5", .double(0.5)), ("-9223372036854775808", .int(Int64.min)), ("r'\\n'", .string("\\n")),
        ("'''a\nb'''", .string("a\nb")), ("\"\\u00e9\\x41\\101\"", .string("éAA")), ("b'\\xff'", .bytes([0xFF])),
        ("b'é'", .bytes([0xC3, 0xA9])), ("\"\\U0001F600\"", .string("😀")),
    ])
    func literals(text: String, expected: CELValue) {
        let v = evaluate(text)
        #expect(v.debugText == expected.debugText, "\(text) gave \(v.debugText)")
    }

    @Test("precedence: * over +, relations over &&, && over ||, ?: lowest")
    func precedence() {
        #expect(evaluate("1 + 2 * 3 == 7 && !false || false ? 10 - 4 / 2 : 0").intValue == 8)
        #expect(evaluate("-2 * -3 % 4").intValue == 2)
        #expect(evaluate("[1, 2, 3][1] + {'a': {'b': 5}}.a.b").intValue == 7)
    }

    @Test("a syntax error points at the offending token")
    func syntaxErrorPosition() throws {
        let text = "a + * b"
        let found = issues(text)
        let first = try #require(found.first)
        #expect(first.code == .syntax)
        #expect(first.range.start == offset(of: "*", in: text))
    }

    @Test("the parser recovers and reports more than one error")
    func multipleErrors() {
        let found = issues("1 + ) + 'unterminated")
        #expect(found.count >= 2, "\(found)")
        #expect(found.allSatisfy { $0.code == .syntax })
    }

    @Test("reserved words are rejected as identifiers but allowed after a dot")
    func reservedWords() {
        #expect(issues("if + 1").first?.message.contains("reserved") == true)
        #expect(evaluate("{'if': 1}.if").intValue == 1)
    }

    @Test("invalid escapes and out-of-range literals are syntax errors", arguments: [
        "'\\q'", "9223372036854775808", "'\\uD800'", "b'\\u00e9'", "0x", "'line\nbreak'",
    ])
    func badLiterals(text: String) {
        #expect(issues(text).first?.code == .syntax, "\(text)")
    }

    @Test("100,000 nested parentheses give a limit error, not a stack overflow")
    func deepNesting() throws {
        let text = String(repeating: "(", count: 100_000) + "1" + String(repeating: ")", count: 100_000)
        let found = issues(text)
        #expect(found.first?.code == .limit)
        #expect(found.first?.message.contains("250") == true)
    }

    @Test("long operator chains and unary runs hit the height limit cleanly")
    func longChains() {
        let chain = Array(repeating: "1", count: 5_000).joined(separator: " + ")
        #expect(issues(chain).first?.code == .limit)
        #expect(issues(String(repeating: "!", count: 100_000) + "true").first?.code == .limit)
        #expect(evaluate(Array(repeating: "1", count: 100).joined(separator: " + ")).intValue == 100)
    }

    @Test("'?' marks list elements and map entries, not call arguments", arguments: [
        "size(?[1, 2])", "[1].exists(?x, true)", "'a'.startsWith(?'a')",
    ])
    func optionalMarkInArguments(text: String) throws {
        let first = try #require(issues(text).first, "\(text)")
        #expect(first.code == .syntax)
        #expect(first.message == "unexpected '?': only list elements and map entries can be optional")
        #expect(first.range.start == offset(of: "?", in: text))
    }

    @Test("has() needs a field selection")
    func hasMacro() {
        #expect(issues("has(1)").first?.message.contains("has()") == true)
        #expect(evaluate("has({'a': 1}.a) && !has({'a': 1}.b)").boolValue == true)
    }
}
