extension CELEnvironment {
    /// Parses an expression. Syntax errors are `cel.syntax` issues (`cel.limit` past a limit).
    public func parse(_ text: String, macros: Bool = true) -> Result<CELAST, CELIssues> {
        var parser = CELParser(text, limits: limits, macros: macros)
        let ast = parser.parse()
        return parser.issues.isEmpty ? .success(ast) : .failure(CELIssues(parser.issues))
    }

    /// Type-checks a parsed expression against this environment.
    public func check(_ ast: CELAST) -> Result<CELCheckedExpr, CELIssues> {
        var checker = CELChecker(env: self)
        let checked = checker.check(ast)
        return checker.issues.isEmpty ? .success(checked) : .failure(CELIssues(checker.issues))
    }

    /// Plans a checked expression into a program; do it once, evaluate many times.
    public func plan(_ checked: CELCheckedExpr) -> CELProgram {
        var planner = CELPlanner(env: self)
        let root = planner.plan(checked)
        return CELProgram(root: root, localCount: planner.localCount, budget: limits.budget, resultType: checked.resultType)
    }

    /// Parse, check and plan in one step.
    public func compile(_ text: String) -> Result<CELProgram, CELIssues> {
        parse(text).flatMap { check($0) }.map { plan($0) }
    }

    /// Parse and check in one step (for aliases and embedders that plan later).
    public func checkText(_ text: String) -> Result<CELCheckedExpr, CELIssues> {
        parse(text).flatMap { check($0) }
    }
}

/// Variable values for one evaluation, by slot (``CELEnvironment/slot(of:)``): binding a
/// variable is an array store.
public struct CELActivation: Sendable {
    /// Values by slot; unbound slots hold `.null` until set.
    public var values: [CELValue]

    /// An activation with room for every variable of an environment.
    public init(slotCount: Int) { values = Array(repeating: .null, count: slotCount) }

    /// An activation from values in slot order.
    public init(values: [CELValue]) { self.values = values }

    public subscript(slot: Int) -> CELValue {
        get { values[slot] }
        set { values[slot] = newValue }
    }
}

/// The locals of programs without comprehensions: never read or written.
private nonisolated(unsafe) let noLocals = UnsafeMutablePointer<CELValue>.allocate(capacity: 1)
private nonisolated(unsafe) let noRefs = UnsafeMutablePointer<UnsafePointer<CELValue>>.allocate(capacity: 1)

/// A planned expression, ready to evaluate. Immutable and shareable across threads.
public struct CELProgram: Sendable {
    let root: CELNode
    let localCount: Int
    /// What each evaluation may spend (from ``CELLimits/budget`` when planned).
    public let budget: CELBudget
    /// The checked type of the result (`dyn` when planned unchecked).
    public let resultType: CELType

    /// The same program with another budget.
    public func withBudget(_ budget: CELBudget) -> CELProgram {
        CELProgram(root: root, localCount: localCount, budget: budget, resultType: resultType)
    }

    /// Evaluates the program within its budget. Failures, an exhausted budget among them, come
    /// back as `.error` values with the failing node's range.
    public func evaluate(_ activation: CELActivation) -> CELValue {
        evaluate(activation, budget: budget)
    }

    /// Evaluates the program within `budget` instead of its own.
    public func evaluate(_ activation: CELActivation, budget: CELBudget) -> CELValue {
        run(activation, CELMeter(budget)) { value, _ in value }
    }

    /// Evaluates the program spending from `meter`, which keeps what is left: several
    /// evaluations that share one budget (the parts of a condition an explanation works out)
    /// pass the same meter.
    public func evaluate(_ activation: CELActivation, meter: inout CELMeter) -> CELValue {
        let (value, left) = run(activation, meter) { value, frame in (value, frame.meter) }
        meter = left
        return value
    }

    /// Evaluates with `meter` and hands the value and the final frame to `finish`. Inlined into
    /// both callers, so the one that drops the meter compiles to the evaluation alone.
    @inline(__always)
    private func run<Result>(_ activation: CELActivation, _ meter: CELMeter, _ finish: (CELValue, inout CELFrame) -> Result) -> Result {
        // Variables are read in place and locals live on the stack for this call: evaluation
        // allocates nothing and retains no array. Nodes never keep these pointers.
        activation.values.withUnsafeBufferPointer { vars in
            let count = localCount
            if count == 0 {
                var frame = CELFrame(vars: vars, locals: noLocals, refs: noRefs, meter: meter)
                let value = root.eval(&frame)
                return finish(value, &frame)
            }
            return withUnsafeTemporaryAllocation(of: CELValue.self, capacity: count) { values in
                withUnsafeTemporaryAllocation(of: UnsafePointer<CELValue>.self, capacity: count) { refs in
                    guard let base = values.baseAddress, let refBase = refs.baseAddress else {
                        var frame = CELFrame(vars: vars, locals: noLocals, refs: noRefs, meter: meter)
                        return finish(.fail("no room for comprehension variables"), &frame)
                    }
                    base.initialize(repeating: .null, count: count)
                    defer { base.deinitialize(count: count) }
                    for i in 0..<count { (refBase + i).initialize(to: UnsafePointer(base + i)) }
                    var frame = CELFrame(vars: vars, locals: base, refs: refBase, meter: meter)
                    let value = root.eval(&frame)
                    return finish(value, &frame)
                }
            }
        }
    }

    /// Evaluates with no variables bound.
    public func evaluate() -> CELValue { evaluate(CELActivation(values: [])) }
}
