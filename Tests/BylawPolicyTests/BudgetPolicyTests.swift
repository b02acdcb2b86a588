import BylawPolicy
import BylawSource
import CEL
import Testing

@Suite("Evaluation budgets in policies")
struct BudgetPolicyTests {
    /// `cel.bind` levels each joining the previous string sixteen times.
    static func bomb(levels: Int, seed: String) -> String {
        var text = "size(a\(levels)) == 0"
        for level in stride(from: levels, through: 1, by: -1) {
            text = "cel.bind(a\(level), \(Array(repeating: "a\(level - 1)", count: 16).joined(separator: "+")), \(text))"
        }
        return "cel.bind(a0, \(seed), \(text))"
    }

    @Test("a constant condition that would build gigabytes is an error at compile time, not an abort")
    func constantBomb() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: '1️⃣\(Self.bomb(levels: 8, seed: "\"xxxxxxxxxxxxxxxx\""))'
            """)
        let (set, diagnostics) = compile(source)
        #expect(set == nil)
        let error = diagnostics.first { $0.code == .celBudgetExceeded }
        #expect(error?.severity == .error)
        #expect(error?.location?.line == source.location("1️⃣")?.line)
        #expect(error?.message.hasPrefix("this 'forbid' reads no variable, and working it out at compile time goes past the budget") == true)
    }

    @Test("a small constant condition still gets its never-fires warning")
    func smallConstant() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: 1️⃣size('ab' + 'cd') == 0
            """)
        expectDiagnostic(.policyNeverFires, at: "1️⃣", in: source, compile(source).diagnostics)
    }

    @Test("budget: sets each dimension for the policy's programs; the override has the last word")
    func policyBudget() throws {
        let source = MarkedSource("""
            policy: p
            budget:
              memory: 16MiB
              regex_steps: 1_000
            rules:
              - id: r
                on: usage
                forbid: event.user.matches('^x')
                message: "{event.user}"
            """)
        let set = try #require(compile(source).set)
        let rule = try #require(set.rules.first)
        #expect(rule.condition.program.budget == CELBudget(iterations: 1_000_000, memoryBytes: 16 << 20, regexSteps: 1_000))
        var loaded = PolicySetLoader.Result()
        PolicySetLoader.load(file: source.file, into: &loaded)
        let compiler = PolicyCompiler(today: CalendarDate(year: 2026, month: 1, day: 1)!, budgetOverride: [.memory: 1 << 20])
        let overridden = try #require(compiler.compile(loaded.documents).set?.rules.first)
        #expect(overridden.condition.program.budget == CELBudget(iterations: 1_000_000, memoryBytes: 1 << 20, regexSteps: 1_000))
    }

    @Test("a bad budget is an error at its value, naming the rule and the default")
    func invalidBudget() {
        let source = MarkedSource("""
            policy: p
            budget:
              memory: 1️⃣lots
              iterations: 2️⃣999999999999
              regex_step: 3
            rules:
              - id: r
                on: usage
                forbid: event.user == "x"
            """)
        let diagnostics = compile(source).diagnostics
        expectDiagnostic(.policyInvalidBudget, at: "1️⃣", in: source, diagnostics)
        expectDiagnostic(.policyInvalidBudget, at: "2️⃣", in: source, diagnostics)
        #expect(diagnostics.contains { $0.message == "budget 'memory' must be a size such as 16MiB, 512KiB or 1048576 (bytes), found 'lots'" && $0.hint == "the default is 64 MiB" })
        #expect(diagnostics.contains { $0.message == "budget 'iterations' of 999999999999 is over the ceiling of 100000000" })
        #expect(diagnostics.contains { $0.code == .policyUnknownKey && $0.hint == "did you mean 'regex_steps'?" })
    }
}

@Suite("Macros copied in where they are used")
struct MacroExpansionTests {
    @Test("a chain of 40 macros each using the next compiles and evaluates")
    func longChain() throws {
        var lines = ["policy: chain", "macros:", "  m0: event.user == \"x\""]
        for level in 1..<40 { lines.append("  m\(level): m\(level - 1)") }
        lines += ["rules:", "  - id: r", "    on: usage", "    forbid: m39"]
        let (set, diagnostics) = compile(MarkedSource(lines.joined(separator: "\n") + "\n"))
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
        let rule = try #require(set?.rules.first)
        #expect(rule.condition.program.resultType == .bool)
    }

    @Test("macros that double at each level are a cel.limit error at the use that crosses the limit")
    func doubling() {
        var lines = ["policy: doubling", "macros:", "  m0: event.user == \"x\""]
        for level in 1...30 { lines.append("  m\(level): m\(level - 1) && m\(level - 1)") }
        lines += ["rules:", "  - id: r", "    on: usage", "    forbid: m30"]
        let source = MarkedSource(lines.joined(separator: "\n") + "\n")
        let (set, diagnostics) = compile(source)
        #expect(set == nil)
        let first = diagnostics.first { $0.code == .celLimit }
        // m14 is the first to pass 100,000 nodes (2^15 copies of a 3-node comparison plus the ands).
        #expect(first?.location?.line == 17)
        #expect(first?.message == "'m13' makes this expression expand to more than 100000 nodes")
    }
}

@Suite("Conditions that can never be evaluated are compile errors")
struct NeverEvaluatesTests {
    @Test("an invalid literal regex is cel.invalid-regex at the pattern")
    func invalidRegex() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: event.user.matches(1️⃣'((((((((')
            """)
        let (set, diagnostics) = compile(source)
        #expect(set == nil)
        expectDiagnostic(.celInvalidRegex, at: "1️⃣", in: source, diagnostics)
    }

    @Test("a constant condition that always fails to evaluate is an error")
    func constantError() {
        let source = MarkedSource("""
            policy: p
            rules:
              - id: r
                on: usage
                forbid: 1️⃣9223372036854775807 + 1 > 0
            """)
        let (set, diagnostics) = compile(source)
        #expect(set == nil)
        expectDiagnostic(.celEvaluationError, at: "1️⃣", in: source, diagnostics)
        #expect(diagnostics.first { $0.code == .celEvaluationError }?.message == "this 'forbid' reads no variable and always fails to evaluate: return error for overflow")
    }
}

@Suite("Message placeholders")
struct PlaceholderCapTests {
    @Test("a placeholder prints at most 64 KiB, ending with …")
    func capped() {
        var nested = CELValue.list([.string(String(repeating: "x", count: 1_000))])
        for _ in 0..<40 { nested = .list([nested, nested]) }
        let text = TemplateFormatting.text(of: nested)
        #expect(text.utf8.count <= TemplateFormatting.maxPlaceholderBytes + 3)
        #expect(text.hasSuffix("…"))
        #expect(TemplateFormatting.text(of: .list([.string("a"), .int(2), .map(CELMapFixture.one)])) == "a, 2, {k: 1}")
    }
}

enum CELMapFixture {
    static var one: CELMap {
        guard case .map(let map) = CELValueFixture.mapOne else { preconditionFailure("fixture") }
        return map
    }
}

enum CELValueFixture {
    static var mapOne: CELValue {
        let env = CELEnvironment()
        guard case .success(let program) = env.compile("{'k': 1}") else { return .null }
        return program.evaluate()
    }
}
