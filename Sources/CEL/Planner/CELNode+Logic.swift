/// `a && b`: false wins over errors on either side.
final class AndNode: CELNode, @unchecked Sendable {
    let lhs: CELNode, rhs: CELNode
    init(_ lhs: CELNode, _ rhs: CELNode, range: CELRange) {
        self.lhs = lhs
        self.rhs = rhs
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = lhs.eval(&f)
        if case .bool(false) = a { return a }
        let b = rhs.eval(&f)
        switch (a, b) {
        case (.bool(true), .bool): return b
        case (_, .bool(false)): return b
        case (.error, _): return a
        case (_, .error): return b
        default: return fail("no_such_overload")
        }
    }
}

/// `a || b`: true wins over errors on either side.
final class OrNode: CELNode, @unchecked Sendable {
    let lhs: CELNode, rhs: CELNode
    init(_ lhs: CELNode, _ rhs: CELNode, range: CELRange) {
        self.lhs = lhs
        self.rhs = rhs
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = lhs.eval(&f)
        if case .bool(true) = a { return a }
        let b = rhs.eval(&f)
        switch (a, b) {
        case (.bool(false), .bool): return b
        case (_, .bool(true)): return b
        case (.error, _): return a
        case (_, .error): return b
        default: return fail("no_such_overload")
        }
    }
}

final class NotNode: CELNode, @unchecked Sendable {
    let operand: CELNode
    init(_ operand: CELNode, range: CELRange) {
        self.operand = operand
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        switch operand.eval(&f) {
        case .bool(let b): return .bool(!b)
        case .error(let e): return .error(e)
        default: return fail("no_such_overload")
        }
    }
}

/// `@not_strictly_false(x)`: true unless x is false (errors count as true), for loop conditions.
final class NotStrictlyFalseNode: CELNode, @unchecked Sendable {
    let operand: CELNode
    init(_ operand: CELNode, range: CELRange) {
        self.operand = operand
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        if case .bool(false) = operand.eval(&f) { return .bool(false) }
        return .bool(true)
    }
}

final class ConditionalNode: CELNode, @unchecked Sendable {
    let condition: CELNode, then: CELNode, otherwise: CELNode
    init(_ condition: CELNode, _ then: CELNode, _ otherwise: CELNode, range: CELRange) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        switch condition.eval(&f) {
        case .bool(true): return then.eval(&f)
        case .bool(false): return otherwise.eval(&f)
        case .error(let e): return .error(e)
        default: return fail("no_such_overload")
        }
    }
}

final class EqualsNode: CELNode, @unchecked Sendable {
    let lhs: CELNode, rhs: CELNode
    let negated: Bool
    init(_ lhs: CELNode, _ rhs: CELNode, negated: Bool, range: CELRange) {
        self.lhs = lhs
        self.rhs = rhs
        self.negated = negated
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = lhs.eval(&f)
        if case .error = a { return a }
        let b = rhs.eval(&f)
        switch (a, b) {
        case (.string(let x), .string(let y)):
            // Comparing long texts in a loop costs like scanning them.
            guard f.meter.chargeScan(a) else { return exceeded(.iterations, f) }
            return .bool(CELValue.sameBytes(x, y) != negated)
        case (.int(let x), .int(let y)): return .bool((x == y) != negated)
        case (_, .error): return b
        default:
            guard let equal = f.meter.equals(a, b) else { return exceeded(.iterations, f) }
            return .bool(equal != negated)
        }
    }
}

/// `x in [constants]` planned as a hash lookup.
final class InSetNode: CELNode, @unchecked Sendable {
    let needle: CELNode
    let keys: Set<CELMapKey>
    init(_ needle: CELNode, keys: Set<CELMapKey>, range: CELRange) {
        self.needle = needle
        self.keys = keys
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let v = needle.eval(&f)
        if case .error = v { return v }
        guard f.meter.chargeScan(v) else { return exceeded(.iterations, f) }
        guard let k = CELMapKey(v) else { return .bool(false) }
        return .bool(keys.contains(k))
    }
}
