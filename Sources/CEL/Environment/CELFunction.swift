/// A Swift implementation of a CEL function overload. Arguments are never errors: the evaluator
/// propagates errors before calling. Return `.error` to fail.
public enum CELImplementation: Sendable {
    case unary(@Sendable (CELValue) -> CELValue)
    case binary(@Sendable (CELValue, CELValue) -> CELValue)
    case variadic(@Sendable ([CELValue]) -> CELValue)
    /// A function whose result can be much larger than its arguments: it reserves what it will
    /// build from the evaluation's budget (``CELMeter/reserve(bytes:)``) before building it, and
    /// returns the meter's error when the reservation fails. Results of the other kinds are
    /// charged after the call.
    case metered(@Sendable ([CELValue], inout CELMeter) -> CELValue)

    func call(_ args: [CELValue], _ meter: inout CELMeter) -> CELValue {
        switch self {
        case .unary(let f): args.count == 1 ? f(args[0]) : CELValue.noSuchOverload
        case .binary(let f): args.count == 2 ? f(args[0], args[1]) : CELValue.noSuchOverload
        case .variadic(let f): f(args)
        case .metered(let f): f(args, &meter)
        }
    }
}

/// One signature of a function. A member (receiver-style) overload takes its receiver as the
/// first parameter: `workspace.user(id)` is `user(workspace, id)` with `isMember`.
public struct CELOverload: Sendable {
    /// Unique among the function's overloads (e.g. `size_string`).
    public var id: String
    /// Called as `receiver.name(args)`.
    public var isMember: Bool
    /// Parameter types, receiver first for members. `.typeParam("A")` makes the overload generic.
    public var parameters: [CELType]
    public var result: CELType
    /// The implementation; nil for overloads whose function supplies a shared dynamic one.
    public var implementation: CELImplementation?

    public init(_ id: String, member: Bool = false, _ parameters: [CELType], _ result: CELType, _ implementation: CELImplementation? = nil) {
        self.id = id
        self.isMember = member
        self.parameters = parameters
        self.result = result
        self.implementation = implementation
    }
}

/// A function: a name and its overloads.
public struct CELFunctionDecl: Sendable {
    public var name: String
    public var overloads: [CELOverload]
    /// One implementation for all overloads that switches on the argument values itself (the
    /// standard library's style); used when the checker leaves more than one overload possible.
    public var dynamicImplementation: CELImplementation?

    public init(_ name: String, overloads: [CELOverload], dynamic: CELImplementation? = nil) {
        self.name = name
        self.overloads = overloads
        self.dynamicImplementation = dynamic
    }
}
