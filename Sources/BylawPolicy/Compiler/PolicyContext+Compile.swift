import BylawSource
import CEL

extension PolicyContext {
    /// Compiles one rule with its exceptions; nil when anything in it fails (all reported).
    mutating func compileRule(_ rule: RuleDecl, exceptions: [ExceptionDecl]) -> CompiledRule? {
        let what = "rule '\(rule.id)'"
        var scope = makeScope(trigger: rule.trigger)
        var forCollection: CompiledExpression?
        var ok = true
        if let binding = rule.forBinding {
            guard checkBindingName(binding) else { return nil }
            if let collection = compileCondition(.expression(binding.collection), scope: &scope, what: "'for' of \(what)", requireBool: false),
               let elementType = elementType(of: collection, binding: binding) {
                forCollection = collection
                scope = bind(binding.name, elementType, in: scope)
            } else {
                // Bound as `dyn` so the rest of the rule is still checked.
                scope = bind(binding.name, .dyn, in: scope)
                ok = false
            }
        }
        var whereCondition: CompiledExpression?
        if let condition = rule.whereCondition {
            whereCondition = compileCondition(condition, scope: &scope, what: "'where' of \(what)")
            ok = ok && whereCondition != nil
            if let whereCondition { warnIfConstant(whereCondition, condition, scope: scope, role: "'where'", never: false) }
        }
        let condition = compileCondition(rule.condition, scope: &scope, what: "'\(rule.mode.rawValue)' of \(what)")
        if let condition { warnIfConstant(condition, rule.condition, scope: scope, role: "'\(rule.mode.rawValue)'", never: rule.mode == .require) }
        let message = rule.message.flatMap { compileTemplate($0, scope: &scope, what: "the message of \(what)") }
        let hint = rule.hint.flatMap { compileTemplate($0, scope: &scope, what: "the hint of \(what)") }
        ok = ok && (rule.message == nil || message != nil) && (rule.hint == nil || hint != nil)
        var compiledExceptions: [CompiledException] = []
        var expiredExceptions: [CompiledException] = []
        for exception in exceptions {
            var exceptionWhere: CompiledExpression?
            if let condition = exception.whereCondition {
                exceptionWhere = compileCondition(condition, scope: &scope, what: "the exception to \(what)")
                guard exceptionWhere != nil else { ok = false; continue }
            }
            let expired = exception.expires.map { $0 < compiler.today } ?? false
            if expired, let expires = exception.expires {
                warning(
                    .policyExpiredException, "the exception to \(what) expired on \(expires); it no longer applies",
                    at: exception.expiresRange ?? exception.ruleRange, hint: "renew 'expires:' if legal still approves it, or remove the exception")
                expiredExceptions.append(CompiledException(declaration: exception, policyID: document.id, whereCondition: exceptionWhere, isExpired: true))
                continue
            }
            compiledExceptions.append(CompiledException(declaration: exception, policyID: document.id, whereCondition: exceptionWhere, isExpired: expired))
        }
        guard ok, let condition else { return nil }
        let descriptor = RuleDescriptor(
            fullID: "\(document.id)/\(rule.id)", policyID: document.id, ruleID: rule.id,
            title: rule.title ?? document.title ?? rule.id, trigger: rule.trigger, enforcement: rule.enforcement,
            help: document.handbook, owner: document.owner, definedAt: SourceSpan(file: file, range: rule.idRange))
        let analysis = scope.slots.event.map { eventSlot in
            UsageRuleAnalysis(
                policyID: document.id, eventSlot: eventSlot, forCollection: forCollection, whereCondition: whereCondition, condition: condition, exceptions: compiledExceptions, message: message,
                hint: hint)
        }
        return CompiledRule(
            descriptor: descriptor, declaration: rule, slots: scope.slots, forCollection: forCollection, whereCondition: whereCondition,
            mode: rule.mode, condition: condition, message: message, hint: hint, exceptions: compiledExceptions,
            expiredExceptions: expiredExceptions, analysis: analysis)
    }

    private mutating func checkBindingName(_ binding: ForBinding) -> Bool {
        if Self.reservedVariables.contains(binding.name) {
            error(.policyNameClash, "'for' binds '\(binding.name)', which is already a variable", at: binding.nameRange, hint: "choose another name")
            return false
        }
        if lists[binding.name] != nil || macros[binding.name] != nil {
            error(.policyNameClash, "'for' binds '\(binding.name)', which is already a \(lists[binding.name] != nil ? "list" : "macro")",
                  at: binding.nameRange, hint: "lists, macros and variables share one namespace; choose another name")
            return false
        }
        return true
    }

    /// `for:` iterates a list (its elements) or a map (its keys).
    private mutating func elementType(of collection: CompiledExpression, binding: ForBinding) -> CELType? {
        switch collection.program.resultType {
        case .list(let element): return element
        case .map(let key, _): return key
        case .dyn: return .dyn
        case let other:
            error(.policyInvalidFor, "'for' iterates over a list or a map; '\(binding.collection.text)' is \(other)",
                  at: binding.collection.sourceRange, hint: "for example 'for: org in workspace.orgs'")
            return nil
        }
    }

    /// A condition that reads no variable has one value forever: a `where` that is always false
    /// makes the rule dead, a `forbid` that is always false (or a `require` always true) never fires.
    private mutating func warnIfConstant(_ compiled: CompiledExpression, _ condition: Condition, scope: Scope, role: String, never: Bool) {
        let names = closure(of: compiled.names).union(compiled.names)
        let variables = Set(Self.reservedVariables).union(scope.environment.slotCount > 0 ? variableNames(scope) : [])
        guard names.isDisjoint(with: variables), names.allSatisfy({ lists[$0] != nil || macros[$0] == nil }) else { return }
        // Under the small compile-time budget: a constant too costly to work out here is a
        // mistake or an attack, and must not take the compiler down with it.
        let value = compiled.program.evaluate(CELActivation(slotCount: scope.slots.count), budget: budget.capped(by: .compileTime))
        if case .error(let error) = value, error.message.hasPrefix(CELMeter.exceededPrefix) {
            self.error(
                .celBudgetExceeded, "this \(role) reads no variable, and working it out at compile time goes past the budget: \(error.message.dropFirst(CELMeter.exceededPrefix.count + 2))",
                at: compiled.sourceSpan(of: error.range).range,
                hint: "a condition that reads no variable has one value forever; write that value, or make the condition read the \(role == "'where'" ? "input" : "event or workspace")")
            return
        }
        if case .error(let error) = value {
            self.error(
                .celEvaluationError, "this \(role) reads no variable and always fails to evaluate: \(error.message)",
                at: compiled.sourceSpan(of: error.range).range,
                hint: "as written the rule would report an evaluation error on every input")
            return
        }
        guard case .bool(let result) = value else { return }
        if role == "'where'", !result {
            warning(.policyWhereNeverHolds, "this 'where' is always false: the rule can never apply", at: condition.range)
        } else if role != "'where'", result == never {
            warning(.policyNeverFires, "this \(role) is always \(result): the rule can never fire", at: condition.range)
        }
    }

    private func variableNames(_ scope: Scope) -> Set<String> {
        var names = Set<String>()
        for name in Self.reservedVariables where scope.environment.slot(of: name) != nil { names.insert(name) }
        for binding in document.rules.compactMap(\.forBinding) { names.insert(binding.name) }
        return names
    }

    /// Warnings for lists and macros no rule uses (directly or through another macro). None
    /// while the policy has errors: a part that failed may be the one that uses them.
    mutating func finish() {
        guard !document.undecoded.hasErrors, !diagnostics.contains(where: { $0.severity == .error }) else { return }
        for list in document.lists where !used.contains(list.name) && lists[list.name]?.declaration.nameRange == list.nameRange {
            warning(.policyUnusedList, "list '\(list.name)' is not used by any rule", at: list.nameRange)
        }
        for macro in document.macros where !used.contains(macro.name) && macros[macro.name]?.nameRange == macro.nameRange {
            warning(.policyUnusedMacro, "macro '\(macro.name)' is not used by any rule", at: macro.nameRange)
        }
    }
}
