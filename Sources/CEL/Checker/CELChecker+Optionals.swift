/// Type checking of the optional library's syntax: `x.?field` and `?`-marked entries of list and
/// map literals.
extension CELChecker {
    /// `x.?field` (the parser's `_?._(x, 'field')`): the type of `x.field`, through an optional
    /// `x` too, made optional. A function in cel-go only so that it can be declared; its result
    /// type depends on the operand's field, so it is checked here rather than by overload.
    mutating func checkOptionalSelect(_ e: CELExpr, operand: CELExpr, field: CELExpr) -> CELType {
        record(field, .string)
        guard case .literal(.string(let name)) = field.kind else {
            report(CELIssueCode.typeMismatch, "optional field selection needs a field name", field.range)
            return .error
        }
        var operandType = substitute(visit(operand))
        if case .optional(let inner) = operandType { operandType = substitute(inner) }
        return .optional(fieldType(selecting: name, from: operandType, e))
    }

    /// The element type a `?`-marked list element or map value contributes: its optional's value
    /// type. Anything but an optional (or `dyn`) is a type error, as in cel-go.
    mutating func optionalEntryType(_ t: CELType, _ range: CELRange) -> CELType {
        switch substitute(t) {
        case .optional(let inner): return inner
        case .dyn, .error: return t
        case .typeParam:
            let inner = fresh()
            _ = isAssignable(.optional(inner), t)
            return inner
        case let other:
            report(CELIssueCode.typeMismatch, "expected type 'optional_type(\(other))' but found '\(other)'", range,
                   hint: "a '?' entry takes an optional: write optional.of(x), or drop the '?'")
            return .error
        }
    }
}
