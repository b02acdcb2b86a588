import Testing
@testable import CEL

/// The error for `pattern`, or nil when it compiles.
private func compileError(_ pattern: String) -> CELRegexError? {
    do {
        _ = try CELRegex(pattern)
        return nil
    } catch {
        return error
    }
}

@Suite("Regex errors")
struct RegexErrorTests {
    @Test("errors carry the UTF-8 offset of the problem", arguments: [
        ("ab(c", 2, "missing closing )"), ("ab)c", 2, "unexpected )"), ("x[a-", 1, "missing closing ]"),
        ("[z-a]", 1, "invalid character class range"), ("*a", 0, "missing argument"),
        ("a**", 2, "nested repetition"), ("a*+", 2, "nested repetition"), ("é(?=x)", 2, "lookahead"),
        ("(?<!x)y", 0, "lookahead"), ("(a)\\1", 3, "backreferences"), ("(?P<n>a)(?P=n)", 8, "backreferences"),
        ("\\k<n>", 0, "backreferences"), ("a\\", 1, "trailing backslash"), ("\\q", 0, "invalid escape"),
        ("\\x{110000}", 0, "invalid escape"), ("a{1001}", 1, "repeat count"), ("a{3,2}", 1, "repeat count"),
        ("\\p{Greekish}", 0, "Unicode class"), ("[[:alpah:]]", 1, "POSIX class"), ("(?z)", 0, "group syntax"),
        ("(?P<a>x)(?P<a>y)", 8, "duplicate"), ("(?P<>x)", 0, "capture group name"), ("\\C", 0, "not supported"),
        ("(?i", 0, "missing closing )"), ("\\pZ\\8", 3, "backreferences"),
    ])
    func positioned(pattern: String, offset: Int, fragment: String) throws {
        let error = try #require(compileError(pattern))
        #expect(error.offset == offset)
        #expect(error.message.contains(fragment))
    }

    @Test("limits: nesting, program size, pattern length")
    func limits() throws {
        let deep = String(repeating: "(", count: 500) + "a" + String(repeating: ")", count: 500)
        #expect(compileError(deep)?.message.contains("nests") == true)
        let huge = try #require(compileError("((a{1000}){1000}){1000}"))
        #expect(huge.message.contains("too large"))
        #expect(huge.offset == nil)
        #expect(compileError(String(repeating: "a", count: 40_000))?.message.contains("too long") == true)
        #expect(compileError("(a{100}){100}") == nil)
    }
}
