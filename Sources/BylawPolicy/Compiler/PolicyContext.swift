import BylawSource
import BylawYAML
import CEL

/// Compiles one policy: its lists and macros, then each rule in an environment holding exactly
/// the variables the rule's trigger provides.
struct PolicyContext {
    let document: PolicyDocument
    let compiler: PolicyCompiler
    /// What one evaluation of this policy's expressions may spend.
    let budget: CELBudget
    var diagnostics: [Diagnostic] = []
    /// Names of lists with their values and types.
    var lists: [String: (value: CELValue, type: CELType, declaration: ListDecl)] = [:]
    var macros: [String: MacroDecl] = [:]
    /// Each macro's condition, parsed once.
    var parsedMacros: [String: ConditionTree.Parsed] = [:]
    /// Lists and macros each macro refers to directly.
    var macroReferences: [String: Set<String>] = [:]
    /// Macros in an order where each comes after those it uses; macros in a cycle are left out.
    var macroOrder: [String] = []
    /// Lists and macros some rule or exception uses (directly or through a macro).
    var used: Set<String> = []
    /// Checked macros per environment signature, so each is checked once per kind of rule.
    var checkedMacros: [String: [String: CELCheckedExpr]] = [:]
    var failedMacros: Set<String> = []

    static let reservedVariables = ["event", "workspace", "before", "after"]

    init(document: PolicyDocument, compiler: PolicyCompiler) {
        self.document = document
        self.compiler = compiler
        self.budget = compiler.budget(for: document)
        declareLists()
        analyzeMacros()
    }

    var file: SourceFile { document.file }

    mutating func error(_ code: DiagnosticCode, _ message: String, at range: SourceRange, notes: [DiagnosticNote] = [], hint: String? = nil) {
        diagnostics.append(.error(code, message, in: file, at: range, notes: notes, hint: hint))
    }

    mutating func warning(_ code: DiagnosticCode, _ message: String, at range: SourceRange, hint: String? = nil) {
        diagnostics.append(.warning(code, message, in: file, at: range, hint: hint))
    }

    // MARK: Lists

    private mutating func declareLists() {
        for list in document.lists {
            if Self.reservedVariables.contains(list.name) {
                error(.policyNameClash, "list '\(list.name)' has the name of a variable", at: list.nameRange, hint: "rename the list")
                continue
            }
            if let first = lists[list.name] {
                error(.policyDuplicateID, "list '\(list.name)' is declared twice", at: list.nameRange,
                      notes: [DiagnosticNote("first declared here", at: SourceSpan(file: file, range: first.declaration.nameRange))])
                continue
            }
            let values = list.items.compactMap { item -> CELValue? in
                switch item.scalar?.value {
                case .string(let text): return .string(text)
                case .int(let number): return .int(number)
                case .float(let number): return .double(number)
                case .bool(let flag): return .bool(flag)
                case .null, .none: return nil
                }
            }
            let elementType = values.first.map(Self.type(of:)) ?? .string
            let uniform = values.allSatisfy { Self.type(of: $0) == elementType }
            lists[list.name] = (.list(values), .list(uniform ? elementType : .dyn), list)
        }
    }

    private static func type(of value: CELValue) -> CELType {
        switch value {
        case .string: return .string
        case .int: return .int
        case .double: return .double
        case .bool: return .bool
        default: return .dyn
        }
    }

    // MARK: Macros

    /// Finds what each macro refers to and orders them; a cycle is an error naming it.
    private mutating func analyzeMacros() {
        for macro in document.macros {
            if Self.reservedVariables.contains(macro.name) {
                error(.policyNameClash, "macro '\(macro.name)' has the name of a variable", at: macro.nameRange, hint: "rename the macro")
                continue
            }
            if let list = lists[macro.name] {
                error(.policyNameClash, "'\(macro.name)' is both a list and a macro", at: macro.nameRange,
                      notes: [DiagnosticNote("the list is declared here", at: SourceSpan(file: file, range: list.declaration.nameRange))],
                      hint: "lists, macros and variables share one namespace; rename one")
                continue
            }
            if let first = macros[macro.name] {
                error(.policyDuplicateID, "macro '\(macro.name)' is declared twice", at: macro.nameRange,
                      notes: [DiagnosticNote("first declared here", at: SourceSpan(file: file, range: first.nameRange))])
                continue
            }
            macros[macro.name] = macro
        }
        let names = Set(macros.keys).union(lists.keys)
        for (name, macro) in macros {
            let parsed = ConditionTree.parse(macro.condition, file: file, environment: compiler.base)
            parsedMacros[name] = parsed
            macroReferences[name] = parsed.names.intersection(names)
        }
        orderMacros()
    }

    /// Depth-first topological order; a back edge is a cycle, reported once at each member's
    /// name with the path spelled out.
    private mutating func orderMacros() {
        var state: [String: Int] = [:]  // 1 visiting, 2 done
        var order: [String] = []
        var cyclic: Set<String> = []
        for start in document.macros.map(\.name) where macros[start] != nil && state[start] == nil {
            // An explicit stack: macro chains can be long and recursion is not welcome on input.
            var stack: [(name: String, pending: [String])] = [(start, Array(macroReferences[start] ?? []).sorted())]
            state[start] = 1
            while let top = stack.last {
                if let next = top.pending.first {
                    stack[stack.count - 1].pending.removeFirst()
                    guard macros[next] != nil else { continue }
                    switch state[next] {
                    case 1:
                        let path = stack.map(\.name).drop { $0 != next } + [next]
                        reportCycle(Array(path))
                        cyclic.formUnion(path)
                    case 2:
                        continue
                    default:
                        state[next] = 1
                        stack.append((next, Array(macroReferences[next] ?? []).sorted()))
                    }
                } else {
                    state[top.name] = 2
                    order.append(top.name)
                    stack.removeLast()
                }
            }
        }
        macroOrder = order.filter { !cyclic.contains($0) }
        failedMacros.formUnion(cyclic)
    }

    private mutating func reportCycle(_ path: [String]) {
        guard let first = path.first, let macro = macros[first] else { return }
        let notes = path.dropFirst().dropLast().compactMap { name in
            macros[name].map { DiagnosticNote("'\(name)' is declared here", at: SourceSpan(file: file, range: $0.nameRange)) }
        }
        error(.policyMacroCycle, "macros refer to each other in a cycle: \(path.joined(separator: " → "))", at: macro.nameRange,
              notes: notes, hint: "a macro may use other macros, but not itself through them")
    }

    /// The lists and macros `names` reach, following macros through each other.
    func closure(of names: Set<String>) -> Set<String> {
        var result = Set<String>()
        var pending = Array(names.filter { macros[$0] != nil || lists[$0] != nil })
        while let name = pending.popLast() {
            guard result.insert(name).inserted else { continue }
            pending.append(contentsOf: macroReferences[name] ?? [])
        }
        return result
    }
}

/// Collects identifier names of a CEL syntax tree.
enum IdentifierCollector {
    static func collect(_ expression: CELExpr, into names: inout Set<String>) {
        var stack = [expression]
        while let node = stack.popLast() {
            if case .ident(let name, _) = node.kind { names.insert(name) }
            stack.append(contentsOf: node.children)
        }
    }
}
