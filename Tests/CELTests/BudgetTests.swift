import CEL
import Testing

/// Expressions that would allocate gigabytes or run for minutes end with the budget's error
/// value, at the node that crossed it. Each of these aborted, or ran unbounded, without it.
@Suite("CEL evaluation budget")
struct BudgetTests {
    /// `cel.bind` levels each joining the previous value `width` times: `width^levels` × the seed.
    static func concatenationBomb(levels: Int, width: Int = 16, seed: String = "xxxxxxxxxxxxxxxx", result: String? = nil) -> String {
        var text = result ?? "size(a\(levels))"
        for level in stride(from: levels, through: 1, by: -1) {
            let joined = Array(repeating: "a\(level - 1)", count: width).joined(separator: "+")
            text = "cel.bind(a\(level), \(joined), \(text))"
        }
        return "cel.bind(a0, \"\(seed)\", \(text))"
    }

    /// Lists of shared sub-lists: small in memory, `width^levels` elements when walked.
    static func sharedListBomb(levels: Int, width: Int = 10, name: String = "l", result: String) -> String {
        var text = result
        for level in stride(from: levels, through: 1, by: -1) {
            let items = Array(repeating: "\(name)\(level - 1)", count: width).joined(separator: ",")
            text = "cel.bind(\(name)\(level), [\(items)], \(text))"
        }
        return "cel.bind(\(name)0, [1], \(text))"
    }

    static let memoryError = "evaluation budget exceeded: the expression builds more than 64 MiB of strings, lists and maps"

    @Test("string concatenation past the memory budget is an error, not a 4 GiB allocation")
    func concatenation() {
        // Whichever runs out first, the bytes built or the steps of copying them, the answer is
        // an error value: before the budget covered memory this asked for 4 GiB and aborted.
        let value = evaluate(Self.concatenationBomb(levels: 8))
        #expect(value.errorMessage?.hasPrefix("evaluation budget exceeded") == true)
        var memoryOnly = CELEnvironment()
        memoryOnly.limits.budget.iterations = CELBudget.ceiling.iterations
        #expect(evaluate(Self.concatenationBomb(levels: 8), env: memoryOnly).errorMessage == Self.memoryError)
        // Below the budget the same shape still works.
        #expect(evaluate(Self.concatenationBomb(levels: 3)).intValue == 65_536)
    }

    @Test("list doubling and replace are bounded too")
    func listsAndReplace() {
        var list = "[1, 2, 3, 4, 5, 6, 7, 8]"
        for level in 1...40 { list = "cel.bind(d\(level), \(list), d\(level) + d\(level))" }
        #expect(evaluate("size(\(list))").errorMessage?.hasPrefix("evaluation budget exceeded") == true)
        // Each replace multiplies the size by 33: the fifth would build 75 MiB.
        let grow = ".replace('', '0123456789abcdef0123456789abcdef')"
        let replace = "'abcdefghij'.replace('', 'x'\(String(repeating: grow, count: 5)))"
        #expect(evaluate(replace).errorMessage == Self.memoryError)
    }

    @Test("comparing and printing shared lists is bounded by the step budget")
    func sharedLists() {
        // Two lists built apart (so no identity short cut), 10^9 elements each when walked.
        let compare = Self.sharedListBomb(levels: 9, result: Self.sharedListBomb(levels: 9, name: "m", result: "l9 == m9"))
        #expect(evaluate(compare).errorMessage?.hasPrefix("evaluation budget exceeded: more than 1000000 steps") == true)
        let member = Self.sharedListBomb(levels: 9, result: Self.sharedListBomb(levels: 9, name: "m", result: "m9 in [l9]"))
        #expect(evaluate(member).errorMessage?.hasPrefix("evaluation budget exceeded") == true)
        let printed = Self.sharedListBomb(levels: 9, result: "'%s'.format([l9]).size()")
        #expect(evaluate(printed).errorMessage?.hasPrefix("evaluation budget exceeded") == true)
        // Small shared lists still compare and print.
        #expect(evaluate(Self.sharedListBomb(levels: 2, result: "l2 == [l1,l1,l1,l1,l1,l1,l1,l1,l1] + [[[1],[1],[1],[1],[1],[1],[1],[1],[1],[1]]]")).boolValue == true)
        #expect(evaluate(Self.sharedListBomb(levels: 1, width: 2, result: "'%s'.format([l1])")).stringValue == "[[1], [1]]")
    }

    @Test("regex matching spends regex steps: a catastrophic search stops at the limit")
    func regexSteps() {
        let text = String(repeating: "a", count: 60_000)
        var env = CELEnvironment()
        let slot = env.declareVariable("s", .string)
        guard case .success(let program) = env.compile("s.matches('(?:a|b|c|d|e|f|g|h){1000}z')") else {
            Issue.record("does not compile")
            return
        }
        var activation = CELActivation(slotCount: env.slotCount)
        activation[slot] = .string(text)
        #expect(program.evaluate(activation).errorMessage == "evaluation budget exceeded: regular-expression matching takes more than 10000000 steps")
        // A dynamic pattern is metered the same way.
        let dynamic = evaluate("'\(String(repeating: "a", count: 5000))'.matches('(?:a|b|c|d|e|f|g|h){1000}' + 'z')", env: Self.env(regexSteps: 100_000))
        #expect(dynamic.errorMessage == "evaluation budget exceeded: regular-expression matching takes more than 100000 steps")
        // Ordinary matches are untouched.
        #expect(evaluate("'alice@corp.example'.matches('^[a-z]+@corp')").boolValue == true)
    }

    @Test("a loop over a large text charges its scans")
    func scans() {
        let big = String(repeating: "a", count: 100_000)
        let text = "[\(Array(repeating: "1", count: 2_000).joined(separator: ","))].all(i, '\(big)'.contains('b') == false)"
        #expect(evaluate(text).errorMessage?.hasPrefix("evaluation budget exceeded: more than 1000000 steps") == true)
    }

    @Test("string search is linear: indexOf and contains on aaaa…ab")
    func linearSearch() {
        let hay = String(repeating: "a", count: 60_000)
        let needle = String(repeating: "a", count: 30_000) + "b"
        #expect(evaluate("'\(hay)'.indexOf('\(needle)')").intValue == -1)
        #expect(evaluate("'\(hay)'.lastIndexOf('\(needle)')").intValue == -1)
        #expect(evaluate("'\(hay)b'.indexOf('\(needle)')").intValue == 30_000)
        #expect(evaluate("'héllo wörld'.lastIndexOf('ö', 7)").intValue == 7)
        #expect(evaluate("'héllo wörld'.lastIndexOf('ö', 6)").intValue == -1)
        #expect(evaluate("'héllo wörld'.indexOf('l', 3)").intValue == 3)
        #expect(evaluate("'a,b,,c'.split(',') == ['a', 'b', '', 'c']").boolValue == true)
    }

    @Test("a program can be evaluated under another budget")
    func overrides() {
        let env = CELEnvironment()
        guard case .success(let program) = env.compile("[1, 2, 3].map(x, 'ab' + string(x))") else {
            Issue.record("does not compile")
            return
        }
        #expect(program.budget == .standard)
        let tight = CELBudget(iterations: 2, memoryBytes: 1 << 20, regexSteps: 10)
        #expect(program.evaluate(CELActivation(values: []), budget: tight).errorMessage?.hasPrefix("evaluation budget exceeded: more than 2 steps") == true)
        #expect(program.withBudget(.compileTime).evaluate().isError == false)
    }

    @Test("budget limits read sizes and names")
    func parsing() {
        #expect(CELByteCount.parse("64MiB") == 64 << 20)
        #expect(CELByteCount.parse("512 KiB") == 512 << 10)
        #expect(CELByteCount.parse("1048576") == 1 << 20)
        #expect(CELByteCount.parse("1GB") == 1 << 30)
        #expect(CELByteCount.parse("-1") == nil)
        #expect(CELByteCount.parse("12 parsecs") == nil)
        #expect(CELByteCount.parse("99999999999999999999") == nil)
        #expect(CELByteCount.text(1 << 30) == "1 GiB")
        #expect(CELBudgetDimension(name: "regex-steps") == .regexSteps)
        #expect(CELBudgetDimension.iterations.parseLimit("1_000") == 1_000)
        #expect(CELBudgetDimension.iterations.parseLimit("0") == nil)
    }

    static func env(regexSteps: Int) -> CELEnvironment {
        var env = CELEnvironment()
        env.limits.budget.regexSteps = regexSteps
        return env
    }

    /// Reads of a large text that fast paths make without a function call are charged too:
    /// a thousand-step loop over a 1 MiB value must run out of steps, not of time.
    @Test("size, in, ==, ordering, map keys and matches charge for the text they read", arguments: [
        "size(s) > 0", "!(s in ['q', 'r'])", "[s] == [s + '']", "s < 'b'", "{s: 1}.size() == 1", "!s.matches('^z')", "s != 'x'",
    ])
    func fastPathScans(body: String) {
        var env = CELEnvironment()
        let slot = env.declareVariable("s", .string)
        let loop = "[\(Array(repeating: "1", count: 1_000).joined(separator: ","))].all(i, \(body))"
        guard case .success(let program) = env.compile(loop) else {
            Issue.record("does not compile: \(loop.suffix(80))")
            return
        }
        var activation = CELActivation(slotCount: env.slotCount)
        activation[slot] = .string(String(repeating: "a", count: 1 << 20))
        #expect(program.evaluate(activation).errorMessage?.hasPrefix("evaluation budget exceeded") == true)
        // One read of a short text costs next to nothing.
        activation[slot] = .string("abc")
        #expect(program.evaluate(activation).isError == false)
    }

    @Test("code-point functions work on bytes and keep their answers")
    func codePointFunctions() {
        #expect(evaluate("'héllo'.charAt(1)").stringValue == "é")
        #expect(evaluate("'héllo'.charAt(5)").stringValue == "")
        #expect(evaluate("'héllo'.charAt(6)").errorMessage == "index out of range: 6")
        #expect(evaluate("'héllo'.substring(1, 3)").stringValue == "él")
        #expect(evaluate("'héllo'.substring(2)").stringValue == "llo")
        #expect(evaluate("'héllo'.substring(3, 2)").errorMessage == "invalid substring range. start: 3, end: 2")
        #expect(evaluate("'\\u2003 h é \\t'.trim()").stringValue == "h é")
        #expect(evaluate("'héllo👩‍👩‍👧'.reverse()").stringValue == "👧‍👩‍👩olléh")
        #expect(evaluate("''.reverse()").stringValue == "")
        #expect(evaluate("'%s and %s'.format(['a', [1, 'b']])").stringValue == "a and [1, b]")
    }

    @Test("ordering compares bytes: a composed and a decomposed é are not equal")
    func orderingBytes() {
        #expect(evaluate("'\\u00e9' > 'e\\u0301'").boolValue == true)
        #expect(evaluate("'\\u00e9' >= 'e\\u0301' && !('\\u00e9' <= 'e\\u0301')").boolValue == true)
    }

    @Test("budget limits allow '_' only between digits")
    func underscores() {
        #expect(CELBudgetDimension.iterations.parseLimit("1_000_000") == 1_000_000)
        for text in ["_1", "1_", "1__0", "_"] { #expect(CELBudgetDimension.iterations.parseLimit(text) == nil, "\(text)") }
    }
}
