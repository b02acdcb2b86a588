final class UnaryCallNode: CELNode, @unchecked Sendable {
    let fn: @Sendable (CELValue) -> CELValue
    let arg: CELNode
    init(_ fn: @escaping @Sendable (CELValue) -> CELValue, _ arg: CELNode, range: CELRange) {
        self.fn = fn
        self.arg = arg
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = arg.eval(&f)
        if case .error = a { return a }
        guard f.meter.chargeScan(a) else { return exceeded(.iterations, f) }
        guard f.meter.hasMemory else { return exceeded(.memory, f) }
        return built(fn(a), &f)
    }
}

final class BinaryCallNode: CELNode, @unchecked Sendable {
    let fn: @Sendable (CELValue, CELValue) -> CELValue
    let lhs: CELNode, rhs: CELNode
    init(_ fn: @escaping @Sendable (CELValue, CELValue) -> CELValue, _ lhs: CELNode, _ rhs: CELNode, range: CELRange) {
        self.fn = fn
        self.lhs = lhs
        self.rhs = rhs
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = lhs.eval(&f)
        if case .error = a { return a }
        let b = rhs.eval(&f)
        if case .error = b { return b }
        guard f.meter.chargeScan(a), f.meter.chargeScan(b) else { return exceeded(.iterations, f) }
        guard f.meter.hasMemory else { return exceeded(.memory, f) }
        return built(fn(a, b), &f)
    }
}

/// A call with its arguments as a list: a variadic function, or a metered one (which reserves
/// from the budget itself before it builds, like `replace`).
final class ListCallNode: CELNode, @unchecked Sendable {
    let implementation: CELImplementation
    let args: [CELNode]
    init(_ implementation: CELImplementation, _ args: [CELNode], range: CELRange) {
        self.implementation = implementation
        self.args = args
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        switch evaluateArguments(args, &f) {
        case .success(let values): return call(implementation, values, &f)
        case .failure(let failure): return failure.value
        }
    }
}

/// A call whose overload depends on the argument values (unchecked or `dyn` arguments).
final class DispatchNode: CELNode, @unchecked Sendable {
    let overloads: [CELOverload]
    let args: [CELNode]
    init(_ overloads: [CELOverload], _ args: [CELNode], range: CELRange) {
        self.overloads = overloads
        self.args = args
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let values: [CELValue]
        switch evaluateArguments(args, &f) {
        case .success(let evaluated): values = evaluated
        case .failure(let failure): return failure.value
        }
        for o in overloads where o.parameters.count == values.count {
            guard let impl = o.implementation else { continue }
            if zip(o.parameters, values).allSatisfy({ Self.matches($0.1, $0.0) }) { return call(impl, values, &f) }
        }
        return fail("no_such_overload")
    }

    static func matches(_ v: CELValue, _ t: CELType) -> Bool {
        switch (t, v) {
        case (.dyn, _), (.typeParam, _): return true
        case (.int, .int), (.uint, .uint), (.double, .double), (.bool, .bool), (.string, .string), (.bytes, .bytes),
             (.null, .null), (.timestamp, .timestamp), (.duration, .duration), (.list, .list), (.map, .map),
             (.type, .type), (.optional, .optional), (.object, .null):
            return true
        case (.object(let name), .object(let o)): return o.celTypeName == name
        default: return false
        }
    }
}

/// An argument that ended a call before it started: its error value, or the exhausted budget's.
struct ArgumentFailure: Error {
    let value: CELValue
}

extension CELNode {
    /// Evaluates a call's arguments in order, charging the budget for reading each; the first
    /// error value (or the budget's) instead, as CEL propagates errors into calls.
    @inline(__always)
    final func evaluateArguments(_ args: [CELNode], _ f: inout CELFrame) -> Result<[CELValue], ArgumentFailure> {
        var values: [CELValue] = []
        values.reserveCapacity(args.count)
        for a in args {
            let v = a.eval(&f)
            if case .error = v { return .failure(ArgumentFailure(value: v)) }
            guard f.meter.chargeScan(v) else { return .failure(ArgumentFailure(value: exceeded(.iterations, f))) }
            values.append(v)
        }
        return .success(values)
    }

    /// Calls `implementation` once the arguments are read: nothing when memory is already
    /// spent; a metered function reserves for itself, any other's result is charged after.
    @inline(__always)
    final func call(_ implementation: CELImplementation, _ values: [CELValue], _ f: inout CELFrame) -> CELValue {
        guard f.meter.hasMemory else { return exceeded(.memory, f) }
        if case .metered = implementation { return located(implementation.call(values, &f.meter)) }
        return built(implementation.call(values, &f.meter), &f)
    }
}
