/// Nodes for the shapes policies use most (`x == 'const'`, `n > 100`, `event.field`, `x in
/// [...]`), planned instead of the general call nodes: no closure call, no reabstraction thunk and
/// no copy of a constant per evaluation.

/// `x == k` / `x != k` against a constant `k` (either side).
final class EqualsConstNode: CELNode, @unchecked Sendable {
    let operand: CELNode
    let constant: CELValue
    let constantString: String?
    let constantInt: Int64?
    let negated: Bool
    init(_ operand: CELNode, constant: CELValue, negated: Bool, range: CELRange) {
        self.operand = operand
        self.constant = constant
        if case .string(let s) = constant { constantString = s } else { constantString = nil }
        if case .int(let i) = constant { constantInt = i } else { constantInt = nil }
        self.negated = negated
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = operand.eval(&f)
        switch a {
        case .string(let x):
            if let c = constantString {
                guard f.meter.chargeScan(a) else { return exceeded(.iterations, f) }
                return .bool(CELValue.sameBytes(x, c) != negated)
            }
        case .int(let x): if let c = constantInt { return .bool((x == c) != negated) }
        case .error: return a
        default: break
        }
        guard let equal = f.meter.equals(a, constant) else { return exceeded(.iterations, f) }
        return .bool(equal != negated)
    }
}

/// The ordering operators, with the int/int, double/double and string/string cases inline.
final class OrderNode: CELNode, @unchecked Sendable {
    enum Op { case less, lessEquals, greater, greaterEquals }
    let op: Op
    let lhs: CELNode, rhs: CELNode
    let general: @Sendable (CELValue, CELValue) -> CELValue
    init(_ op: Op, _ lhs: CELNode, _ rhs: CELNode, general: @escaping @Sendable (CELValue, CELValue) -> CELValue, range: CELRange) {
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.general = general
        super.init(range: range)
    }

    @inline(__always)
    func test<T: Comparable>(_ x: T, _ y: T) -> Bool {
        switch op {
        case .less: x < y
        case .lessEquals: x <= y
        case .greater: x > y
        case .greaterEquals: x >= y
        }
    }

    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = lhs.eval(&f)
        if case .error = a { return a }
        let b = rhs.eval(&f)
        switch (a, b) {
        case (.int(let x), .int(let y)): return .bool(test(x, y))
        case (.double(let x), .double(let y)): return .bool(test(x, y))
        case (_, .error): return b
        default:
            // Ordering texts reads them.
            guard f.meter.chargeScan(a) else { return exceeded(.iterations, f) }
            return located(general(a, b))
        }
    }
}

/// `x < k` (any ordering) against a constant int on the right.
final class OrderIntConstNode: CELNode, @unchecked Sendable {
    let order: OrderNode
    let operand: CELNode
    let constant: Int64
    init(_ order: OrderNode, operand: CELNode, constant: Int64) {
        self.order = order
        self.operand = operand
        self.constant = constant
        super.init(range: order.range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = operand.eval(&f)
        switch a {
        case .int(let x): return .bool(order.test(x, constant))
        case .error: return a
        default: return located(order.general(a, .int(constant)))
        }
    }
}

/// `variable.field` on a host object: the variable is read in place.
final class VarFieldNode: CELNode, @unchecked Sendable {
    let variable: VarNode
    let field: ObjectFieldNode
    init(_ field: ObjectFieldNode, variable: VarNode) {
        self.variable = variable
        self.field = field
        super.init(range: field.range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let slot = variable.slot
        if slot < f.vars.count, case .object(let o) = f.vars[slot] { return o.celField(field.index) }
        return field.eval(&f)
    }
}

/// `size(x)` without the closure call.
final class SizeNode: CELNode, @unchecked Sendable {
    let operand: CELNode
    init(_ operand: CELNode, range: CELRange) {
        self.operand = operand
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = operand.eval(&f)
        switch a {
        case .string(let s):
            // Counting code points reads every byte.
            guard f.meter.chargeScan(a) else { return exceeded(.iterations, f) }
            return .int(Int64(CELStrings.codePointCount(s)))
        case .list(let l): return .int(Int64(l.count))
        case .error: return a
        default: return located(CELStandardLibrary.size(a))
        }
    }
}

/// `x in [constant strings]`: a small table probed with a cheap hash (Swift's SipHash of a
/// string costs more than the whole lookup should).
final class InStringSetNode: CELNode, @unchecked Sendable {
    let needle: CELNode
    /// The strings grouped by bucket; bucket `b` is `strings[starts[b]..<starts[b + 1]]`.
    let strings: [String]
    let starts: [Int]
    /// The general lookup, for needles that are not strings (`dyn` values of other kinds).
    let general: InSetNode
    static let bucketCount = 64

    init(_ needle: CELNode, strings: [String], general: InSetNode) {
        self.needle = needle
        var buckets = [[String]](repeating: [], count: Self.bucketCount)
        for s in strings {
            let c = CELStrings.compact(s)
            buckets[Self.bucket(c)].append(c)
        }
        var starts = [0]
        for b in buckets { starts.append(starts[starts.count - 1] + b.count) }
        self.strings = buckets.flatMap { $0 }
        self.starts = starts
        self.general = general
        super.init(range: general.range)
    }

    /// FNV-1a over the UTF-8 bytes: a few instructions per byte for the short strings policies use.
    @inline(__always)
    static func bucket(_ s: String) -> Int {
        var copy = s
        let h = copy.withUTF8 { bytes in
            var h: UInt32 = 2_166_136_261
            for b in bytes { h = (h ^ UInt32(b)) &* 16_777_619 }
            return h
        }
        return Int((h ^ (h >> 15)) & UInt32(bucketCount - 1))
    }

    override func eval(_ f: inout CELFrame) -> CELValue {
        let v = needle.eval(&f)
        switch v {
        case .string(let s):
            // The hash reads every byte of the needle.
            guard f.meter.chargeScan(v) else { return exceeded(.iterations, f) }
            let b = Self.bucket(s)
            var i = starts[b]
            let end = starts[b + 1]
            while i < end {
                if CELValue.sameBytes(s, strings[i]) { return .bool(true) }
                i += 1
            }
            return .bool(false)
        case .error: return v
        default:
            guard let k = CELMapKey(v) else { return .bool(false) }
            return .bool(general.keys.contains(k))
        }
    }
}
