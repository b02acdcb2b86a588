/// Everything an expression may refer to: variables (by slot), constants, object types,
/// functions and aliases. Build it up, then ``compile(_:)`` expressions against it.
public struct CELEnvironment: Sendable {
    struct Variable: Sendable {
        var slot: Int
        var type: CELType
    }

    struct ObjectType: Sendable {
        var name: String
        var fieldNames: [String]
        var fieldTypes: [CELType]
        var fieldIndex: [String: Int]
    }

    private(set) var variables: [String: Variable] = [:]
    private(set) var constants: [String: (value: CELValue, type: CELType)] = [:]
    private(set) var objectTypes: [String: ObjectType] = [:]
    private(set) var functions: [String: CELFunctionDecl] = [:]
    private(set) var aliases: [String: CELCheckedExpr] = [:]
    /// Parser, checker and evaluator limits.
    public var limits = CELLimits()
    /// Whether the checker reports a `matches` pattern written as a string literal that is not a
    /// valid RE2 pattern (`cel.invalid-regex`), instead of leaving it to fail every evaluation.
    /// Off by default, as in cel-spec, where an invalid pattern is an evaluation error.
    public var rejectsInvalidRegexLiterals = false
    /// What "did you mean" hints for undeclared names may still spend; shared by the copies of
    /// this environment (give a run its own with a new one).
    public var suggestionBudget = CELSuggestionBudget()

    /// Number of variable slots an activation needs.
    public var slotCount: Int { variables.count }

    /// An environment with the standard library (`standard: false` for none).
    public init(standard: Bool = true) {
        if standard { CELStandardLibrary.install(into: &self) }
    }

    /// Declares a variable and returns its slot in ``CELActivation``. Redeclaring a name keeps
    /// its slot and replaces its type. Dotted names (`request.auth`) are allowed.
    @discardableResult
    public mutating func declareVariable(_ name: String, _ type: CELType) -> Int {
        if let existing = variables[name] {
            variables[name] = Variable(slot: existing.slot, type: type)
            return existing.slot
        }
        let slot = variables.count
        variables[name] = Variable(slot: slot, type: type)
        return slot
    }

    /// The slot of a declared variable.
    public func slot(of name: String) -> Int? { variables[name]?.slot }

    /// The declared type of a variable.
    public func typeOfVariable(_ name: String) -> CELType? { variables[name]?.type }

    /// Declares a named constant; the planner folds it into the program.
    public mutating func declareConstant(_ name: String, value: CELValue, type: CELType? = nil) {
        constants[name] = (value, type ?? Self.inferType(value))
    }

    /// Declares a host object type; a field's index is its position in `fields`.
    public mutating func declareObjectType(_ name: String, fields: [(String, CELType)]) {
        var index: [String: Int] = [:]
        for (i, f) in fields.enumerated() where index[f.0] == nil { index[f.0] = i }
        objectTypes[name] = ObjectType(name: name, fieldNames: fields.map(\.0), fieldTypes: fields.map(\.1), fieldIndex: index)
    }

    /// The fields of a declared object type.
    public func fields(ofObjectType name: String) -> [(String, CELType)]? {
        objectTypes[name].map { Array(zip($0.fieldNames, $0.fieldTypes)) }
    }

    /// Declares a function, or adds overloads to an existing one (an overload with an existing
    /// id replaces it).
    public mutating func declareFunction(_ name: String, overloads: [CELOverload], dynamic: CELImplementation? = nil) {
        var decl = functions[name] ?? CELFunctionDecl(name, overloads: [])
        for o in overloads {
            if let i = decl.overloads.firstIndex(where: { $0.id == o.id }) { decl.overloads[i] = o } else { decl.overloads.append(o) }
        }
        if let dynamic { decl.dynamicImplementation = dynamic }
        functions[name] = decl
    }

    /// Declares a named, already-checked expression that identifiers may refer to; the planner
    /// inlines it.
    public mutating func declareAlias(_ name: String, _ expr: CELCheckedExpr) {
        aliases[name] = expr
    }

    func function(_ name: String) -> CELFunctionDecl? { functions[name] }

    /// All names an identifier could have meant, for "did you mean".
    var identifierNames: [String] {
        Array(variables.keys) + Array(constants.keys) + Array(aliases.keys)
    }

    /// How many ``identifierNames`` there are.
    var identifierCount: Int { variables.count + constants.count + aliases.count }

    static func inferType(_ value: CELValue) -> CELType {
        switch value {
        case .list(let items):
            guard let first = items.first else { return .list(.dyn) }
            let t = inferType(first)
            return .list(items.allSatisfy { inferType($0) == t } ? t : .dyn)
        case .map(let m):
            guard let k = m.keys.first, let v = m.values.first else { return .map(.dyn, .dyn) }
            let kt = inferType(k)
            let vt = inferType(v)
            return .map(m.keys.allSatisfy { inferType($0) == kt } ? kt : .dyn, m.values.allSatisfy { inferType($0) == vt } ? vt : .dyn)
        default:
            return value.celType
        }
    }
}
