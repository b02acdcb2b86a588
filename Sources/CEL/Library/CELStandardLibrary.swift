/// The standard functions: operators, conversions, strings, lists, maps, time.
enum CELStandardLibrary {
    static let A = CELType.typeParam("A")
    static let B = CELType.typeParam("B")

    static func install(into env: inout CELEnvironment) {
        installOperators(into: &env)
        installConversions(into: &env)
        installStrings(into: &env)
        installTime(into: &env)
        installStringExt(into: &env)
        installMathExt(into: &env)
        installOptionals(into: &env)
    }

    static func o(_ id: String, _ params: [CELType], _ result: CELType, member: Bool = false) -> CELOverload {
        CELOverload(id, member: member, params, result)
    }

    private static func installOperators(into env: inout CELEnvironment) {
        let numeric: [CELType] = [.int, .uint, .double]
        env.declareFunction(CELOperator.add, overloads: numeric.map { o("add_\($0)", [$0, $0], $0) } + [
            o("add_string", [.string, .string], .string), o("add_bytes", [.bytes, .bytes], .bytes),
            o("add_list", [.list(A), .list(A)], .list(A)),
            o("add_timestamp_duration", [.timestamp, .duration], .timestamp),
            o("add_duration_timestamp", [.duration, .timestamp], .timestamp),
            o("add_duration_duration", [.duration, .duration], .duration),
        ], dynamic: .binary(add))
        env.declareFunction(CELOperator.subtract, overloads: numeric.map { o("subtract_\($0)", [$0, $0], $0) } + [
            o("subtract_timestamp_timestamp", [.timestamp, .timestamp], .duration),
            o("subtract_timestamp_duration", [.timestamp, .duration], .timestamp),
            o("subtract_duration_duration", [.duration, .duration], .duration),
        ], dynamic: .binary(subtract))
        env.declareFunction(CELOperator.multiply, overloads: numeric.map { o("multiply_\($0)", [$0, $0], $0) }, dynamic: .binary(multiply))
        env.declareFunction(CELOperator.divide, overloads: numeric.map { o("divide_\($0)", [$0, $0], $0) }, dynamic: .binary(divide))
        env.declareFunction(CELOperator.modulo, overloads: [.int, .uint].map { o("modulo_\($0)", [$0, $0], $0) }, dynamic: .binary(modulo))
        env.declareFunction(CELOperator.negate, overloads: [.int, .double].map { o("negate_\($0)", [$0], $0) }, dynamic: .unary(negate))
        env.declareFunction(CELOperator.logicalNot, overloads: [o("logical_not", [.bool], .bool)])
        env.declareFunction(CELOperator.logicalAnd, overloads: [o("logical_and", [.bool, .bool], .bool)])
        env.declareFunction(CELOperator.logicalOr, overloads: [o("logical_or", [.bool, .bool], .bool)])
        env.declareFunction(CELOperator.notStrictlyFalse, overloads: [o("not_strictly_false", [.bool], .bool)])
        env.declareFunction(CELOperator.conditional, overloads: [o("conditional", [.bool, A, A], A)])
        env.declareFunction(CELOperator.equals, overloads: [o("equals", [A, A], .bool), o("equals_type", [.type(A), .type(B)], .bool)])
        env.declareFunction(CELOperator.notEquals, overloads: [o("not_equals", [A, A], .bool), o("not_equals_type", [.type(A), .type(B)], .bool)])
        let ordered: [CELType] = [.int, .uint, .double, .string, .bytes, .bool, .timestamp, .duration]
        var cross: [(CELType, CELType)] = ordered.map { ($0, $0) }
        for a in numeric { for b in numeric where a != b { cross.append((a, b)) } }
        for (name, fn) in [(CELOperator.less, less), (CELOperator.lessEquals, lessEquals),
                           (CELOperator.greater, greater), (CELOperator.greaterEquals, greaterEquals)] {
            env.declareFunction(name, overloads: cross.map { o("\(name)_\($0.0)_\($0.1)", [$0.0, $0.1], .bool) }, dynamic: .binary(fn))
        }
        env.declareFunction(CELOperator.in, overloads: [
            o("in_list", [A, .list(A)], .bool), o("in_map", [A, .map(A, B)], .bool),
        ], dynamic: .metered(inMetered))
        env.declareFunction(CELOperator.index, overloads: [
            o("index_list", [.list(A), .int], A), o("index_list_uint", [.list(A), .uint], A),
            o("index_list_double", [.list(A), .double], A), o("index_map", [.map(A, B), A], B),
        ], dynamic: .binary(index))
        env.declareFunction("@mapInsert", overloads: [o("map_insert", [.map(A, B), A, B], .map(A, B))], dynamic: .variadic(mapInsert))
        env.declareFunction("size", overloads: [
            o("size_string", [.string], .int), o("size_bytes", [.bytes], .int), o("size_list", [.list(A)], .int),
            o("size_map", [.map(A, B)], .int),
            o("string_size", [.string], .int, member: true), o("bytes_size", [.bytes], .int, member: true),
            o("list_size", [.list(A)], .int, member: true), o("map_size", [.map(A, B)], .int, member: true),
        ], dynamic: .unary(size))
    }

    @Sendable static func mapInsert(_ args: [CELValue]) -> CELValue {
        guard args.count == 3, case .map(let m) = args[0] else { return .noSuchOverload }
        switch CELMap.make(Array(zip(m.keys, m.values)) + [(args[1], args[2])]) {
        case .success(let out): return .map(out)
        case .failure(let e): return .error(e)
        }
    }
}
