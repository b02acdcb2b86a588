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

final class VariadicCallNode: CELNode, @unchecked Sendable {
    let fn: @Sendable ([CELValue]) -> CELValue
    let args: [CELNode]
    init(_ fn: @escaping @Sendable ([CELValue]) -> CELValue, _ args: [CELNode], range: CELRange) {
        self.fn = fn
        self.args = args
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let values: [CELValue]
        switch evaluateArguments(args, &f) {
        case .success(let evaluated): values = evaluated
        case .failure(let failure): return failure.value
        }
        guard f.meter.hasMemory else { return exceeded(.memory, f) }
        return built(fn(values), &f)
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
            if zip(o.parameters, values).allSatisfy({ Self.matches($0.1, $0.0) }) {
                guard f.meter.hasMemory else { return exceeded(.memory, f) }
                if case .metered = impl { return located(impl.call(values, &f.meter)) }
                return built(impl.call(values, &f.meter), &f)
            }
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

/// A call to a ``CELImplementation/metered(_:)`` function: it reserves from the budget before it
/// allocates (for results that can be far larger than the arguments, like `replace`).
final class MeteredCallNode: CELNode, @unchecked Sendable {
    let fn: @Sendable ([CELValue], inout CELMeter) -> CELValue
    let args: [CELNode]
    init(_ fn: @escaping @Sendable ([CELValue], inout CELMeter) -> CELValue, _ args: [CELNode], range: CELRange) {
        self.fn = fn
        self.args = args
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let values: [CELValue]
        switch evaluateArguments(args, &f) {
        case .success(let evaluated): values = evaluated
        case .failure(let failure): return failure.value
        }
        guard f.meter.hasMemory else { return exceeded(.memory, f) }
        return located(fn(values, &f.meter))
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
}
