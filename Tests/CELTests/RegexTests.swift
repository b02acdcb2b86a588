import Testing
@testable import CEL

/// Whether `pattern` matches somewhere in `text`; a compile error fails the test.
private func matches(_ pattern: String, _ text: String) throws -> Bool {
    try CELRegex(pattern).matches(text)
}

@Suite("Regex semantics")
struct RegexSemanticsTests {
    @Test("conformance cases from string.json")
    func conformance() throws {
        #expect(try matches("ubb", "hubba"))
        #expect(try !matches("foo|bar", ""))
        #expect(try matches("", "cows"))
        #expect(try matches("", ""))
        #expect(try matches("bc", "abcd"))
        #expect(try matches("gr(a|e)y", "grey"))
        #expect(try matches("ba(na)*", "banana"))
        #expect(try matches("a+ñ+a+", "mañana"))
        #expect(try matches("(a|😀){2}", "🐱😀😀"))
    }

    @Test("literals, dot and alternation", arguments: [
        ("abc", "xxabcxx", true), ("abc", "abd", false),
        ("a.c", "abc", true), ("a.c", "a\nc", false), ("(?s)a.c", "a\nc", true),
        ("a.c", "a😀c", true), ("cat|dog", "hotdog", true), ("cat|dog", "bird", false),
        ("a\\.b", "a.b", true), ("a\\.b", "axb", false), ("\\Qa.b*\\E", "xa.b*", true),
        ("\\Qa.b*\\E", "aab", false), ("\\x41\\x{1F600}", "A😀", true), ("\\t\\n", "\t\n", true),
        ("\\101", "A", true),
    ])
    func literals(pattern: String, text: String, expected: Bool) throws {
        #expect(try matches(pattern, text) == expected)
    }

    @Test("classes", arguments: [
        ("^[a-c]+$", "abcab", true), ("^[a-c]+$", "abd", false), ("[^a-c]", "abc", false),
        ("[^a-c]", "abcd", true), ("[^a]", "\n", true), ("^\\d+$", "0123", true), ("\\d", "٣", false),
        ("^\\w+$", "a_Z9", true), ("\\w", "é", false), ("\\W", "é", true), ("^\\s$", "\t", true),
        ("\\S", " \t", false), ("\\D", "123", false), ("[[:alpha:]]", "1x", true),
        ("^[[:digit:][:upper:]]+$", "A1B2", true), ("[[:^alpha:]]", "abc", false),
        ("[]a]", "]", true), ("[a-]", "-", true), ("[-a]", "-", true), ("[\\d\\-x]", "-", true),
        ("^[\\x{100}-\\x{200}]$", "ŕ", true), ("[\\]]", "]", true), ("[[:]", ":", true),
    ])
    func classes(pattern: String, text: String, expected: Bool) throws {
        #expect(try matches(pattern, text) == expected)
    }

    @Test("Unicode categories", arguments: [
        ("^\\pL+$", "héllo", true), ("^\\p{L}+$", "ἀλφα", true), ("\\pL", "123", false),
        ("^\\p{Lu}$", "É", true), ("^\\p{Lu}$", "é", false), ("^\\p{Ll}$", "é", true),
        ("^\\pN+$", "١٢٣", true), ("^\\p{Nd}$", "٣", true), ("^\\p{P}$", "!", true),
        ("^\\p{S}$", "€", true), ("^\\p{Z}$", "\u{3000}", true), ("\\PL", "abc", false),
        ("\\p{^L}", "abc", false), ("^[\\p{Lu}\\d]+$", "AB12", true), ("^\\p{Any}$", "😀", true),
    ])
    func unicodeCategories(pattern: String, text: String, expected: Bool) throws {
        #expect(try matches(pattern, text) == expected)
    }

    @Test("anchors and word boundaries", arguments: [
        ("^abc", "abcd", true), ("^abc", "xabc", false), ("abc$", "xabc", true), ("abc$", "abc\n", false),
        ("(?m)^b$", "a\nb\nc", true), ("^b$", "a\nb\nc", false), ("\\Aab", "ab", true),
        ("(?m)\\Ab", "a\nb", false), ("a\\z", "ba", true), ("(?m)a\\z", "a\nb", false),
        ("\\bcat\\b", "a cat!", true), ("\\bcat\\b", "concat", false), ("\\Bcat", "concat", true),
        ("^$", "", true), ("^$", "x", false), ("x*$", "abc", true),
    ])
    func anchors(pattern: String, text: String, expected: Bool) throws {
        #expect(try matches(pattern, text) == expected)
    }

    @Test("repetition", arguments: [
        ("^a{3}$", "aaa", true), ("^a{3}$", "aaaa", false), ("^a{2,}$", "aaaaa", true),
        ("^a{2,}$", "a", false), ("^a{1,2}$", "aaa", false), ("^(ab){1,2}$", "abab", true),
        ("^a?b+c*$", "bbb", true), ("a{,2}", "a{,2}", true), ("a{", "a{", true), ("x{1000}", "x", false),
        ("^(?:a|b)*?c$", "ababc", true), ("^a{0}$", "", true),
    ])
    func repetition(pattern: String, text: String, expected: Bool) throws {
        #expect(try matches(pattern, text) == expected)
    }

    @Test("flags", arguments: [
        ("(?i)hello", "HeLLo", true), ("hello", "HeLLo", false), ("(?i:h)ello", "Hello", true),
        ("(?i:h)ello", "HELLO", false), ("(?i)[a-c]+x", "ABCX", true), ("(?i)k", "\u{212A}", true),
        ("(?i)σ", "Σ", true), ("(?i)σ", "ς", true), ("(?i)é", "É", true), ("(?i)i", "ı", false),
        ("a(?i)b|c", "C", true), ("(?i)a(?-i)b", "Ab", true), ("(?i)a(?-i)b", "AB", false),
        ("(?i)\\p{Lu}", "a", true), ("(?i)[^k]", "K", false),
    ])
    func flags(pattern: String, text: String, expected: Bool) throws {
        #expect(try matches(pattern, text) == expected)
    }

    @Test("leftmost-first captures, greedy and lazy")
    func captures() throws {
        let regex = try CELRegex("(?P<user>\\w+)@(\\w+)\\.com")
        #expect(regex.captureCount == 2)
        #expect(regex.captureNames == ["user", nil])
        let match = try #require(regex.firstMatch(in: "mail ann@example.com now"))
        #expect(match == ["ann@example.com", "ann", "example"])
        #expect(try CELRegex("a+").firstMatch(in: "baaa")?.first == "aaa")
        #expect(try CELRegex("a+?").firstMatch(in: "baaa")?.first == "a")
        #expect(try CELRegex("(?U)a+").firstMatch(in: "baaa")?.first == "a")
        #expect(try CELRegex("(?U)a+?").firstMatch(in: "baaa")?.first == "aaa")
        #expect(try CELRegex("a|ab").firstMatch(in: "ab")?.first == "a")
        #expect(try CELRegex("(a)|b").firstMatch(in: "b") == ["b", nil])
        #expect(try CELRegex("(a*)+").firstMatch(in: "b") == ["", ""])
        #expect(try CELRegex("ñ(.)").firstMatch(in: "mañana") == ["ña", "a"])
        #expect(try CELRegex("x").firstMatch(in: "abc") == nil)
    }

    @Test("hostile patterns run in linear time", arguments: ["(a*)*b", "(a|a)*c", "(a+)+$b", "(?:a?){50}a{50}b"])
    func hostile(pattern: String) throws {
        let text = String(repeating: "a", count: 30_000)
        #expect(try !matches(pattern, text))
    }

    @Test("nested empty loops terminate and match")
    func emptyLoops() throws {
        #expect(try matches("^(a*)*$", "aaaa"))
        #expect(try matches("^(|a)*$", "aaaa"))
        #expect(try matches("^(?:a*|b)*c$", "abbac"))
    }
}
