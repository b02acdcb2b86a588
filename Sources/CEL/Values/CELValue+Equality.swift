#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension CELValue {
    /// CEL equality: numbers compare by value across int, uint and double; lists and maps
    /// element-wise; values of different kinds are unequal. Returns an error value's error when
    /// one side is an error, so the caller can propagate it.
    static func celEquals(_ a: CELValue, _ b: CELValue) -> Bool {
        var work = Int.max
        return celEquals(a, b, work: &work)
    }

    /// ``celEquals(_:_:)`` spending one unit of `work` per list element and map entry compared;
    /// once `work` is below zero the answer is meaningless (false) and the caller reports the
    /// exhausted budget. Lists built of shared sub-lists can be exponentially larger than the
    /// expression that built them, so comparing them must be bounded like a loop.
    static func celEquals(_ a: CELValue, _ b: CELValue, work: inout Int) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.string(let x), .string(let y)):
            work -= x.utf8.count >> 6
            return sameBytes(x, y)
        case (.bytes(let x), .bytes(let y)): return x == y
        case (.int, _), (.uint, _), (.double, _):
            return compareNumbers(a, b) == 0
        case (.list(let x), .list(let y)):
            guard x.count == y.count else { return false }
            work -= x.count
            guard work >= 0 else { return false }
            for i in x.indices where !celEquals(x[i], y[i], work: &work) { return false }
            return true
        case (.map(let x), .map(let y)):
            guard x.count == y.count else { return false }
            work -= x.count
            guard work >= 0 else { return false }
            for i in x.keys.indices {
                guard let other = y[x.keys[i]], celEquals(x.values[i], other, work: &work) else { return false }
            }
            return true
        case (.timestamp(let x), .timestamp(let y)): return x == y
        case (.duration(let x), .duration(let y)): return x == y
        case (.type(let x), .type(let y)): return x.runtimeName == y.runtimeName
        case (.object(let x), .object(let y)): return x === y
        case (.optional(let x), .optional(let y)):
            switch (x.value, y.value) {
            case (nil, nil): return true
            case (let p?, let q?): return celEquals(p, q, work: &work)
            default: return false
            }
        default: return false
        }
    }

    /// Orders two numbers of any numeric kinds: -1, 0, 1, or nil when unordered (NaN) or not numbers.
    static func compareNumbers(_ a: CELValue, _ b: CELValue) -> Int? {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.uint(let x), .uint(let y)): return x < y ? -1 : (x > y ? 1 : 0)
        case (.double(let x), .double(let y)):
            if x.isNaN || y.isNaN { return nil }
            return x < y ? -1 : (x > y ? 1 : 0)
        case (.int(let x), .uint(let y)):
            if x < 0 { return -1 }
            let ux = UInt64(x)
            return ux < y ? -1 : (ux > y ? 1 : 0)
        case (.uint, .int): return compareNumbers(b, a).map { -$0 }
        case (.int(let x), .double(let y)): return compareIntDouble(x, y)
        case (.double, .int): return compareNumbers(b, a).map { -$0 }
        case (.uint(let x), .double(let y)): return compareUIntDouble(x, y)
        case (.double, .uint): return compareNumbers(b, a).map { -$0 }
        default: return nil
        }
    }

    /// cel-spec compares int and double as doubles (so 2^63-1 equals 2^63.0).
    private static func compareIntDouble(_ x: Int64, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        let dx = Double(x)
        return dx < y ? -1 : (dx > y ? 1 : 0)
    }

    private static func compareUIntDouble(_ x: UInt64, _ y: Double) -> Int? {
        if y.isNaN { return nil }
        let dx = Double(x)
        return dx < y ? -1 : (dx > y ? 1 : 0)
    }

    /// Orders two values of an ordered kind; nil when the kinds cannot be compared.
    static func celCompare(_ a: CELValue, _ b: CELValue) -> Int?? {
        switch (a, b) {
        case (.int, _), (.uint, _), (.double, _):
            switch b {
            case .int, .uint, .double: return .some(compareNumbers(a, b))
            default: return nil
            }
        case (.string(let x), .string(let y)):
            // Code point order is UTF-8 byte order.
            // Equal means the same bytes: `String ==` is canonical equivalence.
            return .some(x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : (sameBytes(x, y) ? 0 : 1))
        case (.bytes(let x), .bytes(let y)):
            return .some(x.lexicographicallyPrecedes(y) ? -1 : (x == y ? 0 : 1))
        case (.bool(let x), .bool(let y)): return .some(x == y ? 0 : (!x ? -1 : 1))
        case (.timestamp(let x), .timestamp(let y)): return .some(x < y ? -1 : (x == y ? 0 : 1))
        case (.duration(let x), .duration(let y)): return .some(x < y ? -1 : (x == y ? 0 : 1))
        default: return nil
        }
    }

    /// Code-point equality (Swift's `==` would also equate canonically equivalent strings).
    @inline(__always)
    static func sameBytes(_ x: String, _ y: String) -> Bool {
        var a = x
        var b = y
        let n = a.utf8.count
        guard n == b.utf8.count else { return false }
        return a.withUTF8 { p in
            b.withUTF8 { q in
                // The same storage (a field read twice) is equal without a look; otherwise
                // memcmp compares a word or more at a time.
                guard let pBase = p.baseAddress, let qBase = q.baseAddress, pBase != qBase, n > 0 else { return true }
                return memcmp(pBase, qBase, n) == 0
            }
        }
    }
}
