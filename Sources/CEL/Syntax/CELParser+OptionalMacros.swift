extension CELParser {
    /// The hidden variable the optional macros bind their target to; not a valid identifier, so
    /// it cannot clash with a user's name.
    static let optionalTarget = "@optional"

    /// `opt.optMap(v, e)` and `opt.optFlatMap(v, e)` (cel-go's optional library): `e` with `v`
    /// bound to the optional's value, or `optional.none()` when it has none. `optMap` wraps the
    /// result in `optional.of`; `optFlatMap` expects `e` to be an optional already. Expands to
    ///
    ///     cel.bind(@optional, opt,
    ///         @optional.hasValue() ? optional.of(cel.bind(v, @optional.value(), e)) : optional.none())
    ///
    /// which evaluates `opt` once, where cel-go's expansion copies it into both branches.
    mutating func expandOptionalMap(_ function: String, target: CELExpr, args: [CELExpr], range r: CELRange) -> CELExpr {
        guard case .ident(let variable, false) = args[0].kind else {
            report("\(function)() variable name must be a simple identifier", args[0].range)
            return make(.invalid, r)
        }
        let hasValue = make(.call(target: make(.ident(Self.optionalTarget, rooted: false), r), function: "hasValue", args: []), r)
        let value = make(.call(target: make(.ident(Self.optionalTarget, rooted: false), r), function: "value", args: []), r)
        var mapped = bind(variable, to: value, in: args[1], range: r)
        if function == "optMap" { mapped = make(.call(target: nil, function: "optional.of", args: [mapped]), r) }
        let none = make(.call(target: nil, function: "optional.none", args: []), r)
        let choice = make(.call(target: nil, function: CELOperator.conditional, args: [hasValue, mapped, none]), r)
        return bind(Self.optionalTarget, to: target, in: choice, range: r)
    }
}
