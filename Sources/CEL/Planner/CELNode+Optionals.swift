/// Nodes and helpers for optional values: `x.?field`, selection through an optional, and the
/// short-circuit `or` / `orValue`.

/// How a selection finds a host object's field: by the index the checker resolved, or by name
/// through the environment's declared types (for unchecked or `dyn` operands).
enum CELFieldLookup: Sendable {
    case index(Int)
    /// Field indices by object type name, then field name.
    case declared([String: [String: Int]])

    func index(of name: String, in object: any CELObject) -> Int? {
        switch self {
        case .index(let i): i
        case .declared(let types): types[object.celTypeName]?[name]
        }
    }
}

/// A field that may be absent: what `.?`, and selection through an optional, see.
enum CELFieldPresence {
    case present(CELValue)
    case absent
    /// The operand has no fields at all; an error value.
    case failed(CELValue)
}

/// `v.name` where a missing map key or an unset object field is not an error.
func fieldPresence(of v: CELValue, _ name: String, _ lookup: CELFieldLookup) -> CELFieldPresence {
    switch v {
    case .map(let m):
        guard let x = m[.string(name)] else { return .absent }
        return .present(x)
    case .object(let o):
        guard let i = lookup.index(of: name, in: o) else { return .failed(.fail("no_such_field '\(name)'")) }
        return o.celHasField(i) ? .present(o.celField(i)) : .absent
    case .error: return .failed(v)
    case .null: return .failed(.fail("no such field '\(name)' on null"))
    default: return .failed(.fail("no_such_field '\(name)'"))
    }
}

/// `v.?name`: the field wrapped in an optional, `optional.none()` when it is absent.
func optionalField(of v: CELValue, _ name: String, _ lookup: CELFieldLookup) -> CELValue {
    switch fieldPresence(of: v, name, lookup) {
    case .present(let x): .optional(CELOptional(x))
    case .absent: .optional(.none)
    case .failed(let e): e
    }
}

/// `opt.name` and `has(opt.name)` where `opt` is an optional. As in cel-go, selection goes on
/// into the optional's value and stays optional, so a field missing anywhere down a chain
/// (`x.?a.b.c`) gives `optional.none()` rather than an error; `has()` of a field of none is false.
func selectThroughOptional(_ o: CELOptional, _ name: String, testOnly: Bool, _ lookup: CELFieldLookup) -> CELValue {
    guard let inner = o.value else { return testOnly ? .bool(false) : .optional(.none) }
    guard testOnly else { return optionalField(of: inner, name, lookup) }
    switch fieldPresence(of: inner, name, lookup) {
    case .present: return .bool(true)
    case .absent: return .bool(false)
    case .failed(let e): return e
    }
}

/// `x.?field` (the parser's `_?._` call).
final class OptionalSelectNode: CELNode, @unchecked Sendable {
    let operand: CELNode
    let name: String
    let lookup: CELFieldLookup
    init(_ operand: CELNode, name: String, lookup: CELFieldLookup, range: CELRange) {
        self.operand = operand
        self.name = name
        self.lookup = lookup
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let v = operand.eval(&f)
        switch v {
        case .error: return v
        case .optional(let o): return located(selectThroughOptional(o, name, testOnly: false, lookup))
        default: return located(optionalField(of: v, name, lookup))
        }
    }
}

/// `a.or(b)` and `a.orValue(b)`: `b` is evaluated only when `a` is none, so it may fail or be
/// costly without harm when `a` has a value.
final class OptionalOrNode: CELNode, @unchecked Sendable {
    static let orOverload = "optional_or_optional"
    static let orValueOverload = "optional_orValue_value"
    let lhs: CELNode, rhs: CELNode
    /// `orValue` gives the value itself; `or` the optional.
    let unwraps: Bool

    /// The node for a call resolved to one of the two overloads; nil for any other overload.
    init?(overload: String, _ args: [CELNode], range: CELRange) {
        guard args.count == 2, overload == Self.orOverload || overload == Self.orValueOverload else { return nil }
        lhs = args[0]
        rhs = args[1]
        unwraps = overload == Self.orValueOverload
        super.init(range: range)
    }
    override func eval(_ f: inout CELFrame) -> CELValue {
        let a = lhs.eval(&f)
        guard case .optional(let o) = a else { return a.isError ? a : fail("no_such_overload") }
        guard let v = o.value else { return rhs.eval(&f) }
        return unwraps ? v : a
    }
}
