import CEL
import Testing

/// Parts of a checked expression planned and evaluated alone (what an explanation does), and
/// evaluations that share one budget.
@Suite("CEL subexpressions and shared budgets")
struct SubexpressionTests {
    static var env: CELEnvironment {
        var env = CELEnvironment()
        env.declareVariable("x", .int)
        env.declareConstant("limits", value: .list([.int(1), .int(5)]))
        return env
    }

    @Test("a part of a checked tree plans and evaluates alone, with its checked type")
    func part() throws {
        let env = Self.env
        let checked = try env.checkText("x > 3 && x in limits").get()
        guard case .call(nil, CELOperator.logicalAnd, let args) = checked.ast.root.kind else {
            Issue.record("not a conjunction")
            return
        }
        let activation = CELActivation(values: [.int(4)])
        let left = checked.subexpression(args[0])
        let right = checked.subexpression(args[1])
        #expect(left.resultType == .bool)
        #expect(env.plan(left).evaluate(activation).boolValue == true)
        #expect(env.plan(right).evaluate(activation).boolValue == false)
        #expect(env.plan(checked).evaluate(activation).boolValue == false)
        // `limits` resolved to the declared constant.
        guard case .call(nil, CELOperator.in, let operands) = args[1].kind else {
            Issue.record("not a membership test")
            return
        }
        #expect(checked.constantValue(of: operands[1].id)?.debugText == "[1, 5]")
        #expect(checked.constantValue(of: operands[0].id) == nil)
    }

    @Test("evaluations given one meter share its budget: the later ones find it spent")
    func sharedMeter() throws {
        let env = Self.env
        // About 22 iterations each: a budget of 100 covers four.
        let program = try env.compile("[1, 2].map(a, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(b, a * b)).size() > x").get()
        var meter = CELMeter(CELBudget(iterations: 100, memoryBytes: 1 << 20, regexSteps: 100))
        let activation = CELActivation(values: [.int(0)])
        var values: [CELValue] = []
        for _ in 0..<10 { values.append(program.evaluate(activation, meter: &meter)) }
        #expect(values.first?.boolValue == true)
        #expect(values.last?.isError == true)
        #expect(meter.iterationsAvailable == 0)
        // Without a shared meter, each evaluation has the whole budget.
        let alone = program.withBudget(CELBudget(iterations: 100, memoryBytes: 1 << 20, regexSteps: 100))
        #expect((0..<10).allSatisfy { _ in alone.evaluate(activation).boolValue == true })
    }
}
