extension CELChecker {
    mutating func checkCall(_ e: CELExpr, target: CELExpr?, function: String, args: [CELExpr]) -> CELType {
        if target == nil, function == CELOperator.optionalSelect, args.count == 2, env.function(function) != nil {
            return checkOptionalSelect(e, operand: args[0], field: args[1])
        }
        // `ns.fn(x)` where `ns.fn` is a global function (math.greatest, optional.of).
        if let target, let ns = qualifiedName(target), !isLocalRoot(target), env.function(ns + "." + function) != nil {
            return resolveCall(e, function: ns + "." + function, member: false, args: args, argTypes: args.map { visit($0) })
        }
        var argTypes: [CELType] = []
        var allArgs: [CELExpr] = []
        if let target {
            argTypes.append(visit(target))
            allArgs.append(target)
        }
        for a in args {
            argTypes.append(visit(a))
            allArgs.append(a)
        }
        let name = function.hasPrefix(".") ? String(function.dropFirst()) : function
        if name == "matches", allArgs.count == 2, env.rejectsInvalidRegexLiterals { checkPattern(allArgs[1]) }
        return resolveCall(e, function: name, member: target != nil, args: allArgs, argTypes: argTypes)
    }

    /// A literal pattern is compiled now, so a broken one is reported where it is written.
    private mutating func checkPattern(_ pattern: CELExpr) {
        guard case .literal(.string(let text)) = pattern.kind else { return }
        do {
            _ = try CELRegex(text)
        } catch {
            report(CELIssueCode.invalidRegex, "invalid regular expression: \(error.message)", pattern.range,
                   hint: "patterns are RE2 syntax (docs/cel-regex-and-time.md); escape a literal ( [ { . * + ? with a backslash")
        }
    }

    private func isLocalRoot(_ e: CELExpr) -> Bool {
        switch e.kind {
        case .ident(let name, let rooted): return !rooted && localType(name) != nil
        case .select(let operand, _, _): return isLocalRoot(operand)
        default: return false
        }
    }

    mutating func resolveCall(_ e: CELExpr, function: String, member: Bool, args: [CELExpr], argTypes: [CELType]) -> CELType {
        guard let decl = env.function(function) else {
            let names = env.functions.keys.filter { !$0.contains("_") && !$0.hasPrefix("@") }
            report(CELIssueCode.undeclaredReference, "undeclared reference to function '\(function)'", e.range,
                   hint: didYouMean(function, Array(names)))
            return .error
        }
        if argTypes.contains(.error) { return .error }
        var matched: [Int] = []
        var resultType: CELType?
        var matchedSubstitution = substitution
        for (i, o) in decl.overloads.enumerated() where o.isMember == member && o.parameters.count == argTypes.count {
            var renames: [String: CELType] = [:]
            let params = o.parameters.map { instantiate($0, &renames) }
            let result = instantiate(o.result, &renames)
            let saved = substitution
            var ok = true
            for (p, a) in zip(params, argTypes) where !isAssignable(p, a) {
                ok = false
                break
            }
            if ok {
                matched.append(i)
                let r = substitute(result)
                if let prior = resultType {
                    if prior != r { resultType = .dyn }
                } else {
                    resultType = r
                }
                matchedSubstitution = substitution
            }
            substitution = saved
        }
        guard let resultType else {
            let shown = argTypes.map { "'\(substitute($0))'" }.joined(separator: ", ")
            let what = member ? "member function '\(function)'" : "function '\(function)'"
            let numeric: Set<CELType> = [.int, .uint, .double]
            let argumentTypes = Set(argTypes.map { substitute($0) })
            // CEL never converts between int, uint and double implicitly: say how to write it.
            let mixedNumbers = argumentTypes.count > 1 && argumentTypes.isSubset(of: numeric)
            let indexesString = function == "_[_]" && argTypes.first.map { substitute($0) } == .string
            let hint = mixedNumbers
                ? "CEL does not mix int, uint and double: write the literal in one type (`3.0`, `3u`) or convert with double(), int() or uint()"
                : indexesString ? "strings cannot be indexed in CEL: use s.charAt(i) or s.substring(i, j)" : overloadHint(decl, member: member)
            report(
                CELIssueCode.noMatchingOverload, "found no matching overload for \(what) applied to (\(shown))", e.range, hint: hint,
                argumentTypes: argTypes.map { substitute($0) })
            return .error
        }
        if matched.count == 1 { substitution = matchedSubstitution }
        references[e.id] = .overloads(function: function, matched)
        return resultType
    }

    private func overloadHint(_ decl: CELFunctionDecl, member: Bool) -> String? {
        let sigs = decl.overloads.filter { $0.isMember == member }.prefix(4).map { o in
            member
                ? "\(o.parameters.first?.description ?? "").\(decl.name)(\(o.parameters.dropFirst().map(\.description).joined(separator: ", ")))"
                : "\(decl.name)(\(o.parameters.map(\.description).joined(separator: ", ")))"
        }
        if sigs.isEmpty {
            return member ? "'\(decl.name)' is a global function: call it as \(decl.name)(...)" : "'\(decl.name)' is a member function: call it as x.\(decl.name)(...)"
        }
        if decl.name.hasPrefix("_") || decl.name.hasPrefix("@") || decl.name.hasPrefix("!") || decl.name.hasPrefix("-") { return nil }
        return "expected " + sigs.joined(separator: " or ")
    }

    /// Gives a signature's type parameters fresh names, so two calls do not share them.
    mutating func instantiate(_ t: CELType, _ renames: inout [String: CELType]) -> CELType {
        switch t {
        case .typeParam(let name):
            if let r = renames[name] { return r }
            let f = fresh()
            renames[name] = f
            return f
        case .list(let e): return .list(instantiate(e, &renames))
        case .map(let k, let v): return .map(instantiate(k, &renames), instantiate(v, &renames))
        case .type(let x): return .type(instantiate(x, &renames))
        case .optional(let x): return .optional(instantiate(x, &renames))
        default: return t
        }
    }

    /// Applies the current substitution throughout a type.
    func substitute(_ t: CELType, depth: Int = 0) -> CELType {
        guard depth < 64 else { return .dyn }
        switch t {
        case .typeParam(let name):
            if let bound = substitution[name] { return substitute(bound, depth: depth + 1) }
            return t
        case .list(let e): return .list(substitute(e, depth: depth + 1))
        case .map(let k, let v): return .map(substitute(k, depth: depth + 1), substitute(v, depth: depth + 1))
        case .type(let x): return .type(substitute(x, depth: depth + 1))
        case .optional(let x): return .optional(substitute(x, depth: depth + 1))
        default: return t
        }
    }

    /// The final type of a node: substituted, with unsolved parameters as `dyn`.
    func finalize(_ t: CELType) -> CELType {
        func clear(_ t: CELType) -> CELType {
            switch t {
            case .typeParam: .dyn
            case .list(let e): .list(clear(e))
            case .map(let k, let v): .map(clear(k), clear(v))
            case .type(let x): .type(clear(x))
            case .optional(let x): .optional(clear(x))
            default: t
            }
        }
        return clear(substitute(t))
    }

    /// Whether a value of type `from` may be passed where `to` is expected, binding type
    /// parameters on either side as needed.
    mutating func isAssignable(_ to: CELType, _ from: CELType, depth: Int = 0) -> Bool {
        guard depth < 64 else { return false }
        let a = substitute(to)
        let b = substitute(from)
        if a == b { return true }
        switch (a, b) {
        // Parameters first, so one meeting `dyn` is bound to it (cel-go): `optional.of(dyn(1))`
        // is an `optional_type(dyn)`, not an optional of a type still to be found.
        case (.typeParam(let name), _):
            if occurs(name, in: b) { return false }
            substitution[name] = b
            return true
        case (_, .typeParam(let name)):
            if occurs(name, in: a) { return false }
            substitution[name] = a
            return true
        case (.dyn, _), (_, .dyn), (.error, _), (_, .error): return true
        case (.list(let x), .list(let y)): return isAssignable(x, y, depth: depth + 1)
        case (.map(let k1, let v1), .map(let k2, let v2)):
            return isAssignable(k1, k2, depth: depth + 1) && isAssignable(v1, v2, depth: depth + 1)
        case (.type(let x), .type(let y)): return isAssignable(x, y, depth: depth + 1)
        case (.optional(let x), .optional(let y)): return isAssignable(x, y, depth: depth + 1)
        case (.object, .null), (.timestamp, .null), (.duration, .null), (.optional, .null): return true
        default: return false
        }
    }

    private func occurs(_ name: String, in t: CELType) -> Bool {
        switch t {
        case .typeParam(let n): n == name
        case .list(let e), .type(let e), .optional(let e): occurs(name, in: e)
        case .map(let k, let v): occurs(name, in: k) || occurs(name, in: v)
        default: false
        }
    }
}
