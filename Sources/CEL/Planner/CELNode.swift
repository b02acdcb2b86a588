/// Mutable state of one evaluation: variable values by slot, comprehension locals, and what is
/// left of the budget.
///
/// All three buffers belong to ``CELProgram/evaluate(_:)`` and live for one evaluation. A local
/// variable is read through `refs[slot]`, which points at `locals[slot]` (values a comprehension
/// computes, like its accumulator) or straight at the current element of the list being iterated,
/// so binding an iteration variable copies and retains nothing.
struct CELFrame {
    let vars: UnsafeBufferPointer<CELValue>
    let locals: UnsafeMutablePointer<CELValue>
    let refs: UnsafeMutablePointer<UnsafePointer<CELValue>>
    var meter: CELMeter

    /// Spends loop iterations; false once they are exhausted.
    @inline(__always)
    mutating func spend(_ cost: Int) -> Bool {
        meter.spendIterations(cost)
    }
}

/// A planned expression node. Subclasses override `eval`; the tree is built once per program.
///
/// `@unchecked Sendable`: every node (this class and each subclass) keeps only `let`
/// properties of `Sendable` types and is never changed after planning, which makes a program
/// shareable across threads; the compiler cannot check it through a class hierarchy (only
/// final classes conform to `Sendable` checked), so each subclass repeats the promise.
class CELNode: @unchecked Sendable {
    let range: CELRange

    init(range: CELRange) { self.range = range }

    func eval(_ f: inout CELFrame) -> CELValue { .null }

    /// Gives an error value this node's range if it has none yet.
    @inline(__always)
    final func located(_ v: CELValue) -> CELValue {
        if case .error(let e) = v, e.range == nil { return .error(CELError(e.message, range: range)) }
        return v
    }

    final func fail(_ message: String) -> CELValue { .error(CELError(message, range: range)) }

    /// The error for an exhausted budget dimension, at this node.
    final func exceeded(_ dimension: CELBudgetDimension, _ f: CELFrame) -> CELValue {
        located(f.meter.exceeded(dimension))
    }

    /// A value a function built, after charging its size: the error instead when the memory
    /// budget is gone.
    @inline(__always)
    final func built(_ v: CELValue, _ f: inout CELFrame) -> CELValue {
        f.meter.charge(built: v) ? located(v) : exceeded(.memory, f)
    }

    /// The constant this node always yields, if it is one.
    var constantValue: CELValue? { nil }
}

final class ConstNode: CELNode, @unchecked Sendable {
    let value: CELValue
    init(_ value: CELValue, range: CELRange) {
        self.value = value
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue { value }
    override var constantValue: CELValue? { value }
}

final class VarNode: CELNode, @unchecked Sendable {
    let slot: Int
    let name: String
    init(slot: Int, name: String, range: CELRange) {
        self.slot = slot
        self.name = name
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        slot < f.vars.count ? f.vars[slot] : unbound()
    }

    func unbound() -> CELValue { fail("no value bound for variable '\(name)'") }
}

final class LocalNode: CELNode, @unchecked Sendable {
    let slot: Int
    init(slot: Int, range: CELRange) {
        self.slot = slot
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue { f.refs[slot].pointee }
}

final class ErrorNode: CELNode, @unchecked Sendable {
    let message: String
    init(_ message: String, range: CELRange) {
        self.message = message
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue { fail(message) }
}
