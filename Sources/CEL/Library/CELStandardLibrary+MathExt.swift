/// cel-go's `math` extension (enabled by default in Bylaw): `math.greatest`/`math.least` over
/// numbers of any kinds, rounding, sign and absolute value, NaN/infinity tests and bit operations.
extension CELStandardLibrary {
    static func installMathExt(into env: inout CELEnvironment) {
        let numeric: [CELType] = [.int, .uint, .double]
        for (name, wantGreater) in [("math.greatest", true), ("math.least", false)] {
            let id = name.dropFirst(5)
            var overloads = numeric.map { o("\(id)_\($0)", [$0], $0) }
            overloads += numeric.map { o("\(id)_list_\($0)", [.list($0)], $0) }
            overloads.append(o("\(id)_list_dyn", [.list(.dyn)], .dyn))
            for n in 2...12 { overloads.append(o("\(id)_dyn_\(n)", Array(repeating: .dyn, count: n), .dyn)) }
            env.declareFunction(name, overloads: overloads, dynamic: .variadic { extreme($0, greatest: wantGreater) })
        }
        let rounding: [(String, FloatingPointRoundingRule)] = [("math.ceil", .up), ("math.floor", .down),
                                                                ("math.round", .toNearestOrAwayFromZero), ("math.trunc", .towardZero)]
        for (name, rule) in rounding {
            env.declareFunction(name, overloads: [o(name.dropFirst(5) + "_double", [.double], .double)], dynamic: .unary { v in
                guard case .double(let d) = v else { return .noSuchOverload }
                return .double(d.rounded(rule))
            })
        }
        let tests: [(String, @Sendable (Double) -> Bool)] = [("math.isNaN", { $0.isNaN }), ("math.isInf", { $0.isInfinite }),
                                                             ("math.isFinite", { $0.isFinite })]
        for (name, test) in tests {
            env.declareFunction(name, overloads: [o(name.dropFirst(5) + "_double", [.double], .bool)], dynamic: .unary { v in
                guard case .double(let d) = v else { return .noSuchOverload }
                return .bool(test(d))
            })
        }
        env.declareFunction("math.abs", overloads: numeric.map { o("abs_\($0)", [$0], $0) }, dynamic: .unary(mathAbs))
        env.declareFunction("math.sign", overloads: numeric.map { o("sign_\($0)", [$0], $0) }, dynamic: .unary(mathSign))
        for (name, fi, fu) in bitOps {
            env.declareFunction(name, overloads: [o(name.dropFirst(5) + "_int_int", [.int, .int], .int),
                                                  o(name.dropFirst(5) + "_uint_uint", [.uint, .uint], .uint)], dynamic: .binary { a, b in
                switch (a, b) {
                case (.int(let x), .int(let y)): .int(fi(x, y))
                case (.uint(let x), .uint(let y)): .uint(fu(x, y))
                default: .noSuchOverload
                }
            })
        }
        env.declareFunction("math.bitNot", overloads: [o("bitNot_int", [.int], .int), o("bitNot_uint", [.uint], .uint)], dynamic: .unary { v in
            switch v {
            case .int(let x): .int(~x)
            case .uint(let x): .uint(~x)
            default: .noSuchOverload
            }
        })
        for (name, left) in [("math.bitShiftLeft", true), ("math.bitShiftRight", false)] {
            env.declareFunction(name, overloads: [o(name.dropFirst(5) + "_int_int", [.int, .int], .int),
                                                  o(name.dropFirst(5) + "_uint_int", [.uint, .int], .uint)], dynamic: .binary { a, b in
                guard case .int(let n) = b else { return .noSuchOverload }
                guard n >= 0 else { return .fail("math.\(left ? "bitShiftLeft" : "bitShiftRight")() negative offset: \(n)") }
                // Shifts of 64 bits or more clear the value; a right shift of an int is logical.
                switch a {
                case .int(let x):
                    let u = UInt64(bitPattern: x)
                    return .int(Int64(bitPattern: n >= 64 ? 0 : (left ? u << UInt64(n) : u >> UInt64(n))))
                case .uint(let u): return .uint(n >= 64 ? 0 : (left ? u << UInt64(n) : u >> UInt64(n)))
                default: return .noSuchOverload
                }
            })
        }
    }

    private static let bitOps: [(String, @Sendable (Int64, Int64) -> Int64, @Sendable (UInt64, UInt64) -> UInt64)] = [
        ("math.bitAnd", { $0 & $1 }, { $0 & $1 }), ("math.bitOr", { $0 | $1 }, { $0 | $1 }), ("math.bitXor", { $0 ^ $1 }, { $0 ^ $1 }),
    ]

    /// The greatest (or least) of numbers given as arguments or as one list; keeps the winner's kind.
    static func extreme(_ args: [CELValue], greatest: Bool) -> CELValue {
        var items = args
        if args.count == 1, case .list(let l) = args[0] { items = l }
        guard var best = items.first else { return .fail("math.\(greatest ? "greatest" : "least")() requires at least one argument") }
        for v in items {
            switch v {
            case .int, .uint, .double: break
            default: return .noSuchOverload
            }
            guard let c = CELValue.compareNumbers(v, best) else {
                if case .double(let d) = v, d.isNaN { best = v }
                continue
            }
            if greatest ? c > 0 : c < 0 { best = v }
        }
        return best
    }

    @Sendable static func mathAbs(_ v: CELValue) -> CELValue {
        switch v {
        case .int(let x):
            guard x != .min else { return .fail("integer overflow") }
            return .int(x < 0 ? -x : x)
        case .uint: return v
        case .double(let d): return .double(Swift.abs(d))
        default: return .noSuchOverload
        }
    }

    @Sendable static func mathSign(_ v: CELValue) -> CELValue {
        switch v {
        case .int(let x): .int(x.signum())
        case .uint(let x): .uint(x == 0 ? 0 : 1)
        case .double(let d): .double(d.isNaN ? d : (d > 0 ? 1 : (d < 0 ? -1 : 0)))
        default: .noSuchOverload
        }
    }
}
