extension CELStandardLibrary {
    static let overflow = CELValue.fail("return error for overflow")

    @Sendable static func add(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? overflow : .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.addingReportingOverflow(y)
            return o ? overflow : .uint(r)
        case (.double(let x), .double(let y)): return .double(x + y)
        case (.string(let x), .string(let y)): return .string(x + y)
        case (.bytes(let x), .bytes(let y)): return .bytes(x + y)
        case (.list(let x), .list(let y)): return .list(x + y)
        case (.timestamp(let t), .duration(let d)), (.duration(let d), .timestamp(let t)):
            do { return .timestamp(try t.adding(d)) } catch { return .fail(error.message) }
        case (.duration(let x), .duration(let y)):
            do { return .duration(try x.adding(y)) } catch { return .fail(error.message) }
        default: return .noSuchOverload
        }
    }

    @Sendable static func subtract(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? overflow : .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.subtractingReportingOverflow(y)
            return o ? overflow : .uint(r)
        case (.double(let x), .double(let y)): return .double(x - y)
        case (.timestamp(let x), .timestamp(let y)):
            do { return .duration(try x.difference(y)) } catch { return .fail(error.message) }
        case (.timestamp(let t), .duration(let d)):
            do { return .timestamp(try t.subtracting(d)) } catch { return .fail(error.message) }
        case (.duration(let x), .duration(let y)):
            do { return .duration(try x.subtracting(y)) } catch { return .fail(error.message) }
        default: return .noSuchOverload
        }
    }

    @Sendable static func multiply(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? overflow : .int(r)
        case (.uint(let x), .uint(let y)):
            let (r, o) = x.multipliedReportingOverflow(by: y)
            return o ? overflow : .uint(r)
        case (.double(let x), .double(let y)): return .double(x * y)
        default: return .noSuchOverload
        }
    }

    @Sendable static func divide(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .fail("division by zero") }
            let (r, o) = x.dividedReportingOverflow(by: y)
            return o ? overflow : .int(r)
        case (.uint(let x), .uint(let y)):
            return y == 0 ? .fail("division by zero") : .uint(x / y)
        case (.double(let x), .double(let y)): return .double(x / y)
        default: return .noSuchOverload
        }
    }

    @Sendable static func modulo(_ a: CELValue, _ b: CELValue) -> CELValue {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if y == 0 { return .fail("modulus by zero") }
            let (r, o) = x.remainderReportingOverflow(dividingBy: y)
            return o ? overflow : .int(r)
        case (.uint(let x), .uint(let y)):
            return y == 0 ? .fail("modulus by zero") : .uint(x % y)
        default: return .noSuchOverload
        }
    }

    @Sendable static func negate(_ a: CELValue) -> CELValue {
        switch a {
        case .int(let x): return x == Int64.min ? overflow : .int(-x)
        case .double(let x): return .double(-x)
        case .duration(let d):
            do { return .duration(try d.negated()) } catch { return .fail(error.message) }
        default: return .noSuchOverload
        }
    }

    @Sendable static func less(_ a: CELValue, _ b: CELValue) -> CELValue { ordered(a, b) { $0 < 0 } }
    @Sendable static func lessEquals(_ a: CELValue, _ b: CELValue) -> CELValue { ordered(a, b) { $0 <= 0 } }
    @Sendable static func greater(_ a: CELValue, _ b: CELValue) -> CELValue { ordered(a, b) { $0 > 0 } }
    @Sendable static func greaterEquals(_ a: CELValue, _ b: CELValue) -> CELValue { ordered(a, b) { $0 >= 0 } }

    @inline(__always)
    private static func ordered(_ a: CELValue, _ b: CELValue, _ test: (Int) -> Bool) -> CELValue {
        guard let r = CELValue.celCompare(a, b) else { return .noSuchOverload }
        guard let c = r else { return .bool(false) }
        return .bool(test(c))
    }

    /// `a in list` spends a step per element compared (the scan of the call's arguments), and
    /// the deeper work of comparing lists and maps; `a in map` is a hash lookup.
    @Sendable static func inMetered(_ args: [CELValue], _ meter: inout CELMeter) -> CELValue {
        guard args.count == 2 else { return .noSuchOverload }
        let (a, b) = (args[0], args[1])
        switch b {
        case .list(let items):
            for item in items {
                guard let equal = meter.equals(a, item) else { return meter.exceeded(.iterations) }
                if equal { return .bool(true) }
            }
            return .bool(false)
        case .map(let m): return .bool(m[a] != nil)
        default: return .noSuchOverload
        }
    }

    /// `a[b]`. Through an optional container the element is optional too (see ``optionalIndex``).
    @Sendable static func index(_ a: CELValue, _ b: CELValue) -> CELValue {
        if case .optional = a { return optionalIndex(a, b) }
        switch lookup(a, b) {
        case .found(let v): return v
        case .outOfBounds(let i): return .fail("index out of bounds: \(i)")
        case .noSuchKey: return .fail("no such key: \(b.debugText)")
        }
    }

    /// What indexing a list or map finds. `a[b]` makes the misses errors; `a[?b]` makes them
    /// `optional.none()`.
    enum Lookup {
        /// The element, or an error value for an index of the wrong kind.
        case found(CELValue)
        case outOfBounds(Int64)
        case noSuchKey
    }

    // Inlined into `index`, where the result is switched on again: the call and the second switch
    // cost ~5% of a list index (callgrind, bench-cel).
    @inline(__always)
    static func lookup(_ a: CELValue, _ b: CELValue) -> Lookup {
        switch a {
        case .list(let items):
            let i: Int64
            switch b {
            case .int(let x): i = x
            case .uint(let x): i = Int64(clamping: x)
            case .double(let d):
                guard let x = Int64(exactly: d) else { return .found(.fail("invalid_argument: index \(d) is not an integer")) }
                i = x
            default: return .found(.noSuchOverload)
            }
            guard i >= 0, i < items.count else { return .outOfBounds(i) }
            return .found(items[Int(i)])
        case .map(let m):
            switch b {
            case .int, .uint, .double, .bool, .string: break
            default: return .found(.noSuchOverload)
            }
            guard let v = m[b] else { return .noSuchKey }
            return .found(v)
        default: return .found(.noSuchOverload)
        }
    }

    @Sendable static func size(_ a: CELValue) -> CELValue {
        switch a {
        case .string(let s): .int(Int64(CELStrings.codePointCount(s)))
        case .bytes(let b): .int(Int64(b.count))
        case .list(let l): .int(Int64(l.count))
        case .map(let m): .int(Int64(m.count))
        default: .noSuchOverload
        }
    }
}
