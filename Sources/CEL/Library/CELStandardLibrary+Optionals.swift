/// cel-go's optional types library (`cel.OptionalTypes`, enabled by default in Bylaw): the
/// `optional_type(T)` values made by `optional.of`, `optional.ofNonZeroValue` and `optional.none`,
/// read with `hasValue`, `value`, `or` and `orValue`, and produced by `x.?field`, `x[?key]` and by
/// selecting or indexing through an optional.
///
/// `x.?field` is typed by the checker and planned by the planner (its result type depends on the
/// operand's field); `or` and `orValue` are planned as short-circuit nodes, so their
/// implementations here only serve dynamic dispatch.
extension CELStandardLibrary {
    static func installOptionals(into env: inout CELEnvironment) {
        let K = CELType.typeParam("K")
        let V = CELType.typeParam("V")
        let optionalV = CELType.optional(V)
        env.declareFunction("optional.of", overloads: [o("optional_of", [V], optionalV)],
                            dynamic: .unary { .optional(CELOptional($0)) })
        env.declareFunction("optional.ofNonZeroValue", overloads: [o("optional_ofNonZeroValue", [V], optionalV)],
                            dynamic: .unary { isZeroValue($0) ? .optional(.none) : .optional(CELOptional($0)) })
        env.declareFunction("optional.none", overloads: [o("optional_none", [], optionalV)],
                            dynamic: .variadic { _ in .optional(.none) })
        env.declareFunction("hasValue", overloads: [o("optional_hasValue", [optionalV], .bool, member: true)], dynamic: .unary { v in
            guard case .optional(let o) = v else { return .noSuchOverload }
            return .bool(o.value != nil)
        })
        env.declareFunction("value", overloads: [o("optional_value", [optionalV], V, member: true)], dynamic: .unary { v in
            guard case .optional(let o) = v else { return .noSuchOverload }
            return o.value ?? .fail("optional.none() dereference")
        })
        env.declareFunction("or", overloads: [o(OptionalOrNode.orOverload, [optionalV, optionalV], optionalV, member: true)],
                            dynamic: .binary { a, b in
                                guard case .optional(let o) = a, case .optional = b else { return .noSuchOverload }
                                return o.value == nil ? b : a
                            })
        env.declareFunction("orValue", overloads: [o(OptionalOrNode.orValueOverload, [optionalV, V], V, member: true)],
                            dynamic: .binary { a, b in
                                guard case .optional(let o) = a else { return .noSuchOverload }
                                return o.value ?? b
                            })
        env.declareFunction(CELOperator.optionalSelect, overloads: [o("select_optional_field", [.dyn, .string], optionalV)])
        env.declareFunction(CELOperator.optionalIndex, overloads: [
            o("list_optindex_optional_int", [.list(V), .int], optionalV),
            o("optional_list_optindex_optional_int", [.optional(.list(V)), .int], optionalV),
            o("map_optindex_optional_value", [.map(K, V), K], optionalV),
            o("optional_map_optindex_optional_value", [.optional(.map(K, V)), K], optionalV),
        ], dynamic: .binary(optionalIndex))
        // `opt[i]` indexes the optional's value and stays optional (the standard `index`
        // implementation handles optional containers).
        env.declareFunction(CELOperator.index, overloads: [
            o("optional_list_index_int", [.optional(.list(V)), .int], optionalV),
            o("optional_map_index_value", [.optional(.map(K, V)), K], optionalV),
        ])
    }

    /// `a[?b]`, and `a[b]` on an optional `a`: the element wrapped in an optional, `optional.none()`
    /// when the list has no such position, the map no such key or `a` is itself none. An index of
    /// the wrong kind is still an error.
    @Sendable static func optionalIndex(_ a: CELValue, _ b: CELValue) -> CELValue {
        var container = a
        if case .optional(let o) = a {
            guard let inner = o.value else { return .optional(.none) }
            container = inner
        }
        switch lookup(container, b) {
        case .found(let v): return v.isError ? v : .optional(CELOptional(v))
        case .outOfBounds, .noSuchKey: return .optional(.none)
        }
    }

    /// Whether `optional.ofNonZeroValue` gives none: the zero value of the value's type (as in
    /// protobuf: `null`, `false`, `0`, `""`, empty bytes, lists and maps, a zero duration, the
    /// Unix epoch). Types, host objects and optionals are never zero.
    static func isZeroValue(_ v: CELValue) -> Bool {
        switch v {
        case .null: true
        case .bool(let b): !b
        case .int(let i): i == 0
        case .uint(let u): u == 0
        case .double(let d): d == 0
        case .string(let s): s.isEmpty
        case .bytes(let b): b.isEmpty
        case .list(let l): l.isEmpty
        case .map(let m): m.count == 0
        case .duration(let d): d == .zero
        case .timestamp(let t): t.seconds == 0 && t.nanos == 0
        case .type, .object, .error, .optional: false
        }
    }
}
