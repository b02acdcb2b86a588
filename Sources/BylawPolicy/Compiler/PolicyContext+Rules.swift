import BylawSource
import BylawYAML
import CEL

extension PolicyContext {
    /// What a rule's expressions can see: the trigger's variables, the `for:` variable once
    /// known, the policy's lists.
    struct Scope {
        var environment: CELEnvironment
        var slots: RuleSlots
        /// Identifies the variables for the macro cache.
        var signature: String
    }

    func makeScope(trigger: RuleTrigger) -> Scope {
        var environment = compiler.base
        environment.limits.budget = budget
        var slots = RuleSlots(count: 0)
        switch trigger {
        case .usage:
            slots.event = environment.declareVariable("event", .object(DomainSchema.event.name))
            slots.workspace = environment.declareVariable("workspace", .object(DomainSchema.workspace.name))
        case .workspace:
            slots.workspace = environment.declareVariable("workspace", .object(DomainSchema.workspace.name))
        case .change:
            slots.before = environment.declareVariable("before", .object(DomainSchema.workspace.name))
            slots.after = environment.declareVariable("after", .object(DomainSchema.workspace.name))
        }
        for (name, list) in lists { environment.declareConstant(name, value: list.value, type: list.type) }
        // A list or macro with errors of its own is known but untyped: using it is not a second error.
        for name in document.undecoded.names where lists[name] == nil && macros[name] == nil && !Self.reservedVariables.contains(name) {
            environment.declareVariable(name, .dyn)
        }
        slots.count = environment.slotCount
        return Scope(environment: environment, slots: slots, signature: trigger.rawValue)
    }

    /// Adds the `for:` variable.
    func bind(_ name: String, _ type: CELType, in scope: Scope) -> Scope {
        var scope = scope
        scope.slots.element = scope.environment.declareVariable(name, type)
        scope.slots.count = scope.environment.slotCount
        scope.signature += "|\(name):\(type)"
        return scope
    }

    /// Declares, in dependency order, the macros `names` reach. Returns false when one of them
    /// does not compile here (its problem is reported at the macro).
    mutating func declareMacros(reachedFrom names: Set<String>, in scope: inout Scope, usedBy what: String) -> Bool {
        let needed = closure(of: names)
        used.formUnion(needed)
        var ok = true
        for name in macroOrder where needed.contains(name) {
            if let checked = checkedMacros[scope.signature]?[name] {
                scope.environment.declareAlias(name, checked)
                continue
            }
            guard let macro = macros[name], !failedMacros.contains("\(scope.signature)|\(name)") else {
                scope.environment.declareVariable(name, .dyn)
                ok = false
                continue
            }
            let before = diagnostics.count
            let parsed = parsedMacros[name] ?? ConditionTree.parse(macro.condition, file: file, environment: compiler.base)
            if let checked = check(parsed, in: scope.environment, what: "macro '\(name)'", requireBool: isCombinator(macro.condition)) {
                checkedMacros[scope.signature, default: [:]][name] = checked.checked
                scope.environment.declareAlias(name, checked.checked)
            } else {
                // Say which rule needs the macro here: a macro can be fine for one trigger and not
                // another (one that reads `event` in a workspace rule).
                let note = DiagnosticNote("in macro '\(name)', used by \(what) (on: \(scope.signature.prefix { $0 != "|" }))")
                for index in before..<diagnostics.count {
                    let old = diagnostics[index]
                    diagnostics[index] = Diagnostic(
                        code: old.code, severity: old.severity, message: old.message, span: old.span, path: old.path,
                        notes: old.notes + [note], hint: old.hint)
                }
                failedMacros.insert("\(scope.signature)|\(name)")
                // Declared as `dyn` so the rest of the rule is still checked and its other problems reported.
                scope.environment.declareVariable(name, .dyn)
                ok = false
            }
        }
        return ok && needed.allSatisfy { !failedMacros.contains($0) }
    }

    private func isCombinator(_ condition: Condition) -> Bool {
        if case .expression = condition { return false }
        return true
    }

    /// Checks a parsed condition (or any expression, with `requireBool: false`). A combinator
    /// is checked as one tree; only when that fails is each leaf checked alone, so a problem
    /// points into its own leaf without checking every leaf twice in the common case.
    mutating func check(_ parsed: ConditionTree.Parsed, in environment: CELEnvironment, what: String, requireBool: Bool)
        -> (checked: CELCheckedExpr, tree: ConditionTree)?
    {
        let before = diagnostics.count
        let checked = checkReportingCEL(parsed, in: environment, what: what, requireBool: requireBool)
        if checked == nil { replaceListItemSlips(in: parsed.condition, from: before) }
        return checked
    }

    /// A leaf that is a list item YAML read as text of the item above: the slip replaces what
    /// CEL said about that leaf.
    private mutating func replaceListItemSlips(in condition: Condition, from start: Int) {
        for leaf in condition.leaves {
            guard let slip = ListItemSlip.find(in: leaf) else { continue }
            let range = leaf.node.range
            let inLeaf = { (diagnostic: Diagnostic) in
                diagnostic.span.map { $0.file.path == leaf.file.path && range.start <= $0.range.start && $0.range.start <= range.end } ?? false
            }
            guard diagnostics[start...].contains(where: inLeaf) else { continue }
            let kept = diagnostics[start...].filter { !inLeaf($0) }
            diagnostics.removeSubrange(start...)
            diagnostics.append(slip.diagnostic(in: leaf.file))
            diagnostics.append(contentsOf: kept)
        }
    }

    private mutating func checkReportingCEL(_ parsed: ConditionTree.Parsed, in environment: CELEnvironment, what: String, requireBool: Bool)
        -> (checked: CELCheckedExpr, tree: ConditionTree)?
    {
        let condition = parsed.condition
        guard let tree = parsed.tree else {
            diagnostics.append(contentsOf: parsed.problems)
            // The leaves that parsed are checked too: their problems are reported in the same run.
            if isCombinator(condition) { _ = checkLeaves(parsed.segments, in: environment, what: what) }
            return nil
        }
        let whole = environment.check(tree.ast)
        if case .success(let checked) = whole, !requireBool || Self.isBoolean(checked.resultType) {
            return (checked, tree)
        }
        if isCombinator(condition), !checkLeaves(tree.segments, in: environment, what: what) { return nil }
        switch whole {
        case .failure(let issues):
            diagnostics.append(contentsOf: tree.diagnostics(issues))
        case .success(let checked):
            error(.policyNotACondition, "\(what) must be a bool condition; this is \(checked.resultType)", at: condition.range,
                  hint: "compare it with something, e.g. `… == \"value\"`")
        }
        return nil
    }

    /// Checks each leaf of a combinator alone; false (with diagnostics) when one fails.
    private mutating func checkLeaves(_ segments: [ConditionTree.Segment], in environment: CELEnvironment, what: String) -> Bool {
        var leavesOK = true
        for segment in segments {
            switch environment.check(segment.ast) {
            case .failure(let issues):
                diagnostics.append(contentsOf: ConditionTree.diagnostics(issues, in: segment.expression, root: segment.ast.root, environment: environment))
                leavesOK = false
            case .success(let checked):
                if !Self.isBoolean(checked.resultType) {
                    error(.policyNotACondition, "a condition in \(what) must be a bool; this is \(checked.resultType)",
                          at: segment.expression.sourceRange, hint: "compare it with something, e.g. `… == \"value\"`")
                    leavesOK = false
                }
            }
        }
        return leavesOK
    }

    static func isBoolean(_ type: CELType) -> Bool { type == .bool || type == .dyn }

    /// Checks and plans a condition after declaring the macros it uses.
    mutating func compileCondition(_ condition: Condition, scope: inout Scope, what: String, requireBool: Bool = true) -> CompiledExpression? {
        let parsed = ConditionTree.parse(condition, file: file, environment: compiler.base)
        let names = parsed.names
        let macrosOK = declareMacros(reachedFrom: names, in: &scope, usedBy: what)
        guard let (checked, tree) = check(parsed, in: scope.environment, what: what, requireBool: requireBool), macrosOK else { return nil }
        return CompiledExpression(checked: checked, program: scope.environment.plan(checked), tree: tree, names: names)
    }

    /// A message or hint: each placeholder is an expression of any type.
    mutating func compileTemplate(_ template: TemplateText, scope: inout Scope, what: String) -> CompiledTemplate? {
        switch MessageTemplate.parse(template.text) {
        case .failure(let problem):
            let expression = ExpressionText(text: template.text, node: template.node, offsetInScalar: 0, file: file)
            error(.policyInvalidTemplate, problem.message, at: expression.sourceRange(ofTextRange: problem.range), hint: problem.hint)
            return nil
        case .success(let parsed):
            var parts: [CompiledTemplate.Part] = []
            var ok = true
            for part in parsed.parts {
                switch part {
                case .literal(let text):
                    parts.append(.literal(text))
                case .placeholder(let text, let range):
                    let expression = ExpressionText(text: text, node: template.node, offsetInScalar: range.lowerBound, file: file)
                    if case .failure(let issues) = compiler.base.parse(text) {
                        reportTextInBraces(text, range: range, in: template, issues: issues)
                        ok = false
                        continue
                    }
                    if let compiled = compileCondition(.expression(expression), scope: &scope, what: what, requireBool: false) {
                        parts.append(.expression(compiled))
                    } else {
                        ok = false
                    }
                }
            }
            return ok ? CompiledTemplate(parts: parts) : nil
        }
    }

    /// Braces around text that is not an expression: most often braces meant as text
    /// (`Add labels: {region: eu}`), so the problem is said as such, CEL's wording as a note.
    private mutating func reportTextInBraces(_ text: String, range: Range<Int>, in template: TemplateText, issues: CELIssues) {
        let whole = ExpressionText(text: template.text, node: template.node, offsetInScalar: 0, file: file)
        let inner = ExpressionText(text: text, node: template.node, offsetInScalar: range.lowerBound, file: file)
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let notes = issues.issues.prefix(1).map { issue in
            DiagnosticNote(
                PlainLanguage.note(issue),
                at: SourceSpan(file: file, range: inner.sourceRange(ofTextRange: issue.range.start..<max(issue.range.start, issue.range.end))))
        }
        error(
            .policyInvalidTemplate, "'{\(shown)}' is read as a placeholder, but '\(shown)' is not an expression",
            at: whole.sourceRange(ofTextRange: (range.lowerBound - 1)..<(range.upperBound + 1)), notes: notes,
            hint: "to show braces as text, double them: `{{\(shown)}}`; a placeholder holds an expression, such as `{event.user}`")
    }
}
