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
        return located(fn(a))
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
        return located(fn(a, b))
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
        var values: [CELValue] = []
        values.reserveCapacity(args.count)
        for a in args {
            let v = a.eval(&f)
            if case .error = v { return v }
            values.append(v)
        }
        return located(fn(values))
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
        var values: [CELValue] = []
        values.reserveCapacity(args.count)
        for a in args {
            let v = a.eval(&f)
            if case .error = v { return v }
            values.append(v)
        }
        for o in overloads where o.parameters.count == values.count {
            guard let impl = o.implementation else { continue }
            if zip(o.parameters, values).allSatisfy({ Self.matches($0.1, $0.0) }) { return located(impl.call(values)) }
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
