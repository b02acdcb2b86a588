#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawSource
import CEL

/// Compiles decoded policy documents into a ``PolicySet``: checks every name and type,
/// plans every expression, attaches exceptions, and reports every problem of the whole set.
///
/// The stages, in order: set-wide ids (duplicates) → per policy: lists, macros (ordered,
/// cycles rejected), rules (for, where, condition, templates) → exceptions → tests' rule names
/// and events → warnings (unused lists and macros, expired exceptions, conditions that never
/// hold, literals that are none of their field's known values).
public struct PolicyCompiler {
    /// The date exceptions expire against (UTC today, or `BYLAW_TODAY`).
    public let today: CalendarDate
    /// Budget limits that replace both the default and every policy's own `budget:` (the
    /// command line's `--budget`: whoever runs the tool has the last word).
    public let budgetOverride: [CELBudgetDimension: Int]
    var base: CELEnvironment

    public init(today: CalendarDate, budgetOverride: [CELBudgetDimension: Int] = [:]) {
        self.today = today
        self.budgetOverride = budgetOverride
        self.base = DomainSchema.baseEnvironment()
    }

    /// What one evaluation of `document`'s expressions may spend: the default, then the
    /// policy's `budget:`, then the override.
    public func budget(for document: PolicyDocument) -> CELBudget {
        var settings: [CELBudgetDimension: Int] = [:]
        for setting in document.budget { settings[setting.dimension] = setting.value }
        return CELBudget.standard.overriding(settings).overriding(budgetOverride)
    }

    /// Compiles the documents; the set is nil when any error was found.
    public func compile(_ documents: [PolicyDocument]) -> (set: PolicySet?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let unique = uniquePolicies(documents, &diagnostics)
        let ruleIndex = ruleIndex(unique, &diagnostics)
        var exceptionsByRule: [String: [ExceptionDecl]] = [:]
        // Thousands of misspelt names among thousands of rules must not make "did you mean"
        // quadratic: one budget for the run.
        var suggestions = DidYouMean.Budget()
        var compiler = self
        compiler.base.suggestionBudget = CELSuggestionBudget()
        for document in unique {
            let own = document.rules.map(\.id)
            for exception in document.exceptions {
                guard let fullID = resolveExceptionRule(exception, in: document, own: own, ruleIndex: ruleIndex, &suggestions, &diagnostics)
                else { continue }
                exceptionsByRule[fullID, default: []].append(exception)
            }
        }
        var policies: [CompiledPolicy] = []
        for document in unique {
            var context = PolicyContext(document: document, compiler: compiler)
            let rules = document.rules.compactMap { context.compileRule($0, exceptions: exceptionsByRule["\(document.id)/\($0.id)"] ?? []) }
            context.finish()
            diagnostics.append(contentsOf: context.diagnostics)
            checkTests(document, &suggestions, &diagnostics)
            let policy = CompiledPolicy(document: document, rules: rules)
            diagnostics.append(contentsOf: KnownValueCheck.diagnostics(policy, rules: rules, against: .schema))
            policies.append(policy)
        }
        let deduplicated = Self.deduplicate(diagnostics)
        let failed = deduplicated.contains { $0.severity == .error }
        return (failed ? nil : PolicySet(policies: policies), deduplicated)
    }

    /// A policy id used twice is an error at the second, with a note at the first; only the
    /// first is compiled.
    private func uniquePolicies(_ documents: [PolicyDocument], _ diagnostics: inout [Diagnostic]) -> [PolicyDocument] {
        var seen: [String: PolicyDocument] = [:]
        var result: [PolicyDocument] = []
        for document in documents {
            if let first = seen[document.id] {
                diagnostics.append(.error(
                    .policyDuplicateID, "policy id '\(document.id)' is used twice", in: document.file, at: document.idRange,
                    notes: [DiagnosticNote("first used here", at: SourceSpan(file: first.file, range: first.idRange))],
                    hint: "policy ids are unique in the set; rename one"))
                continue
            }
            seen[document.id] = document
            result.append(document)
        }
        return result
    }

    /// Rule ids are unique across the whole set so short ids are never ambiguous. Returns the
    /// full id of every rule by short id and by full id.
    private func ruleIndex(_ documents: [PolicyDocument], _ diagnostics: inout [Diagnostic]) -> [String: (RuleDecl, PolicyDocument)] {
        var index: [String: (RuleDecl, PolicyDocument)] = [:]
        for document in documents {
            for rule in document.rules {
                if let (first, firstDocument) = index[rule.id] {
                    diagnostics.append(.error(
                        .policyDuplicateID, "rule id '\(rule.id)' is used twice in the policy set", in: document.file, at: rule.idRange,
                        notes: [DiagnosticNote("first used here, in policy '\(firstDocument.id)'", at: SourceSpan(file: firstDocument.file, range: first.idRange))],
                        hint: "rule ids are unique across the set, so reports and tests can name them alone"))
                    continue
                }
                index[rule.id] = (rule, document)
                index["\(document.id)/\(rule.id)"] = (rule, document)
            }
        }
        return index
    }

    /// An exception applies to a rule of its own policy (the policy's owner answers for its
    /// exceptions). Naming a rule of another policy is an error; naming no rule at all is inert:
    /// a warning, so the rest of the set still runs.
    private func resolveExceptionRule(
        _ exception: ExceptionDecl, in document: PolicyDocument, own: [String], ruleIndex: [String: (RuleDecl, PolicyDocument)],
        _ suggestions: inout DidYouMean.Budget, _ diagnostics: inout [Diagnostic]
    ) -> String? {
        if let (rule, owner) = ruleIndex[exception.rule] {
            if owner.id == document.id { return "\(owner.id)/\(rule.id)" }
            diagnostics.append(.error(
                .policyForeignException, "the exception names rule '\(owner.id)/\(rule.id)' of another policy",
                in: document.file, at: exception.ruleRange,
                notes: [DiagnosticNote("the rule is declared here", at: SourceSpan(file: owner.file, range: rule.idRange))],
                hint: "write the exception in policy '\(owner.id)': a policy's owner answers for its exceptions"))
            return nil
        }
        // A rule with errors of its own exists: those errors are what to fix.
        let shortID = exception.rule.hasPrefix("\(document.id)/") ? String(exception.rule.dropFirst(document.id.count + 1)) : exception.rule
        if document.undecoded.ruleIDs.contains(shortID) { return nil }
        diagnostics.append(.warning(
            .policyUnknownRule, "the exception names rule '\(exception.rule)', which policy '\(document.id)' does not have; it has no effect",
            in: document.file, at: exception.ruleRange, hint: DidYouMean.hint(exception.rule, from: own, budget: &suggestions)))
        return nil
    }

    /// Tests run against their own policy's rules: naming another rule is an error.
    private func checkTests(_ document: PolicyDocument, _ suggestions: inout DidYouMean.Budget, _ diagnostics: inout [Diagnostic]) {
        let own = document.rules.map(\.id)
        var known: Set<String>?
        for test in document.tests {
            if let event = test.event { diagnostics.append(contentsOf: TestEventCheck.diagnostics(event, in: document.file, budget: &suggestions)) }
            guard case .rules(let ids) = test.expectation else { continue }
            for (id, range) in ids {
                // Built on first use: sets, so that thousands of tests stay linear.
                let declared = own + document.undecoded.ruleIDs
                let names = known ?? Set(declared + declared.map { "\(document.id)/\($0)" })
                known = names
                guard !names.contains(id) else { continue }
                let hint = DidYouMean.hint(id, from: own, budget: &suggestions) ?? "the rules of policy '\(document.id)' are: \(Self.listed(own))"
                diagnostics.append(.error(
                    .policyUnknownRule, "test '\(test.name)' expects rule '\(id)', which policy '\(document.id)' does not have",
                    in: document.file, at: range, hint: hint))
            }
        }
    }

    /// Names joined by commas, the first 50 of a longer list and how many more.
    static func listed(_ names: [String]) -> String {
        let shown = 50
        guard names.count > shown else { return names.joined(separator: ", ") }
        return names.prefix(shown).joined(separator: ", ") + ", … (\(names.count - shown) more)"
    }

    /// A macro used by several rules reports the same problem once.
    static func deduplicate(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var seen = Set<String>()
        return diagnostics.filter { diagnostic in
            let key = "\(diagnostic.code)|\(diagnostic.path ?? "")|\(diagnostic.span?.range.start ?? -1)|\(diagnostic.message)"
            return seen.insert(key).inserted
        }
    }
}

extension CalendarDate {
    /// Today's date in UTC, or `BYLAW_TODAY=YYYY-MM-DD` from the environment when it is set
    /// (reproducible runs and tests).
    public static func today(environment: [String: String]) -> CalendarDate? {
        if let text = environment["BYLAW_TODAY"] { return CalendarDate(text) }
        return CalendarDate.fromUnixTime(Int64(time(nil)))
    }

    /// The UTC calendar date of a Unix time, through CEL's timestamp accessors (one
    /// implementation of the calendar arithmetic in the package).
    public static func fromUnixTime(_ seconds: Int64) -> CalendarDate? {
        guard let timestamp = try? CELTimestamp(unixSeconds: seconds),
              let year = try? timestamp.component(.fullYear, timeZone: nil),
              let month = try? timestamp.component(.month, timeZone: nil),
              let day = try? timestamp.component(.date, timeZone: nil) else { return nil }
        return CalendarDate(year: Int(year), month: Int(month) + 1, day: Int(day))
    }
}
