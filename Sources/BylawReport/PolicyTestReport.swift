import BylawEval
import BylawPolicy
import BylawSource

/// The results of `bylaw test` (the tests written in the policies, and the rules no test
/// covers), printed as text for people, one JSON document for scripts, or JUnit XML for CI.
public struct PolicyTestReport: Sendable {
    /// What the run found: every test's result, the coverage gaps, the status.
    public let outcome: PolicyTestRun.Outcome

    /// A report of a test run's outcome.
    public init(_ outcome: PolicyTestRun.Outcome) {
        self.outcome = outcome
    }

    /// Every test's result, in file order.
    public var results: [PolicyTestResult] { outcome.results }
    /// Rules no test of their policy expects to fire.
    public var uncovered: [RuleDescriptor] { outcome.uncovered }
    /// Branches and exceptions no test exercised.
    public var gaps: [CoverageGap] { outcome.gaps }
    /// Whether an uncovered rule fails the run (`--strict`): it is then an error, not a warning.
    public var strict: Bool { outcome.strict }
    /// Tests that passed.
    public var passed: Int { outcome.passed }
    /// Tests whose fired rules differ from those expected.
    public var failed: Int { outcome.failed }
    /// Tests whose inputs could not be read.
    public var invalid: Int { outcome.invalid }

    /// `test.failed`: what was expected and what fired, with evaluation errors as notes.
    public static func failure(_ result: PolicyTestResult) -> Diagnostic? {
        guard case .failed(let expected, let fired, let errors) = result.outcome else { return nil }
        // A rule that raised an error neither fired nor stayed quiet: say so first, since it is
        // why the expectation failed far more often than a wrong condition.
        let unevaluated = errors.count == 1 ? errors[0] : "\(errors.count) rules could not be evaluated (see the notes)"
        let what: String
        switch (fired.isEmpty, errors.isEmpty) {
        case (true, true): what = "no rule fired"
        case (false, true): what = "fired \(describe(fired))"
        case (true, false): what = unevaluated
        case (false, false): what = "fired \(describe(fired)), and \(unevaluated)"
        }
        let message = "test '\(result.test.name)' failed: expected \(describe(expected)), but \(what)"
        return .error(
            .testFailed, message, in: result.file, at: result.test.expectRange,
            notes: errors.count > 1 ? errors.map { DiagnosticNote("evaluation error: \($0)") } : [])
    }

    /// `test.uncovered-rule`: a warning, an error under `strict`.
    public func coverageGap(_ rule: RuleDescriptor) -> Diagnostic {
        Diagnostic(
            code: .testUncoveredRule, severity: strict ? .error : .warning, message: "rule '\(rule.fullID)' is covered by no test",
            span: rule.definedAt, hint: "add a test whose 'expect' lists '\(rule.ruleID)'")
    }

    /// `test.unexercised-branch` or `test.unexercised-exception` at the branch or exception: a
    /// warning, an error under `strict`.
    public func coverageGap(_ gap: CoverageGap) -> Diagnostic {
        let severity: Severity = strict ? .error : .warning
        switch gap.kind {
        case .branch(let combinator):
            let isAll = combinator == .all
            return Diagnostic(
                code: .testUnexercisedBranch, severity: severity,
                message: "rule '\(gap.rule.fullID)': no test makes this the only \(isAll ? "false" : "true") branch of its '\(isAll ? "all" : "any")'",
                span: gap.span,
                hint: isAll
                    ? "add a test where this branch alone is false and the others hold, to show the rule depends on it"
                    : "add a test where this branch alone holds, to show it makes the 'any' hold on its own")
        case .exception:
            return Diagnostic(
                code: .testUnexercisedException, severity: severity, message: "rule '\(gap.rule.fullID)': no test's input is covered by this exception",
                span: gap.span, hint: "add a test whose input the exception covers, expecting the rule not to fire")
        }
    }

    static func describe(_ ids: [String]) -> String { ids.isEmpty ? "allow" : "[" + ids.joined(separator: ", ") + "]" }

    /// The diagnostics a result reports: its failure, or why its input is invalid.
    static func diagnostics(_ result: PolicyTestResult) -> [Diagnostic] {
        switch result.outcome {
        case .passed: return []
        case .failed: return failure(result).map { [$0] } ?? []
        case .invalid(let diagnostics): return diagnostics
        }
    }

    /// `passed`, `failed` or `invalid`.
    static func outcomeName(_ result: PolicyTestResult) -> String {
        switch result.outcome {
        case .passed: return "passed"
        case .failed: return "failed"
        case .invalid: return "invalid"
        }
    }
}

extension PolicyTestReport {
    /// One line per test (`✔`/`✘ POLICY: NAME`), each failure's diagnostic under it with the
    /// explanation of each rule that did not do what was expected, the coverage gaps, then the
    /// counts.
    public func text(style: TextStyle = .plain) -> String {
        let printer = DiagnosticPrinter(style: style)
        var out = ""
        for result in results {
            switch result.outcome {
            case .passed:
                out += style.green("✔") + " \(result.policyID): \(result.test.name)\n"
            case .failed:
                out += style.red("✘") + " \(result.policyID): \(result.test.name)\n"
            case .invalid:
                out += style.red("✘") + " \(result.policyID): \(result.test.name) (invalid input)\n"
            }
            for diagnostic in Self.diagnostics(result) { out += printer.render(diagnostic) }
            for explanation in result.explanations { out += ExplanationReport.text(explanation, style: style, indent: "      ") }
        }
        for rule in uncovered { out += printer.render(coverageGap(rule)) }
        for gap in gaps { out += printer.render(coverageGap(gap)) }
        out += "\(passed) passed, \(failed + invalid) failed\n"
        if !uncovered.isEmpty { out += "\(uncovered.count) rule\(uncovered.count == 1 ? "" : "s") covered by no test\n" }
        let branches = gaps.count { if case .branch = $0.kind { return true } else { return false } }
        let exceptions = gaps.count - branches
        if branches > 0 { out += "\(branches) branch\(branches == 1 ? "" : "es") no test exercises\n" }
        if exceptions > 0 { out += "\(exceptions) exception\(exceptions == 1 ? "" : "s") no test exercises\n" }
        return out
    }

    /// `{"tests": [...], "uncovered": [...], "unexercised": [...], "summary": {...}}`: each test
    /// with its policy, name, place, outcome and (when it did not pass) what was expected and
    /// fired with the explanations of the rules that differ, or its input's diagnostics; each
    /// uncovered rule with its place; each branch and exception no test exercised.
    public func json() -> JSONValue {
        let tests: [JSONValue] = results.map { result in
            let start = SourceSpan(file: result.file, range: result.test.nameRange).start
            var fields: [(String, JSONValue)] = [
                ("policy", .string(result.policyID)), ("name", .string(result.test.name)),
                ("location", .object([("file", .string(result.file.path)), ("line", .int(Int64(start.line))), ("column", .int(Int64(start.column)))])),
                ("outcome", .string(Self.outcomeName(result))),
            ]
            switch result.outcome {
            case .passed: break
            case .failed(let expected, let fired, let errors):
                fields += [
                    ("expected", .array(expected.map { .string($0) })), ("fired", .array(fired.map { .string($0) })),
                    ("evaluation_errors", .array(errors.map { .string($0) })),
                    ("explanations", .array(result.explanations.map(\.jsonValue))),
                ]
            case .invalid(let diagnostics):
                fields.append(("diagnostics", .array(diagnostics.map(\.jsonValue))))
            }
            return .object(fields)
        }
        let gaps: [JSONValue] = uncovered.map { rule in
            var location: JSONValue = .null
            if let span = rule.definedAt {
                location = .object([("file", .string(span.file.path)), ("line", .int(Int64(span.start.line))), ("column", .int(Int64(span.start.column)))])
            }
            return .object([("rule", .string(rule.fullID)), ("policy", .string(rule.policyID)), ("location", location)])
        }
        let unexercised: [JSONValue] = self.gaps.map { gap in
            let kind: String
            switch gap.kind {
            case .branch(let combinator): kind = combinator == .all ? "all-branch" : "any-branch"
            case .exception: kind = "exception"
            }
            return .object([
                ("rule", .string(gap.rule.fullID)), ("policy", .string(gap.rule.policyID)), ("kind", .string(kind)),
                ("text", .string(gap.text)), ("location", gap.span.locationJSON),
            ])
        }
        return .object([
            ("tests", .array(tests)), ("uncovered", .array(gaps)), ("unexercised", .array(unexercised)),
            ("summary", .object([
                ("tests", .int(Int64(results.count))), ("passed", .int(Int64(passed))), ("failed", .int(Int64(failed))),
                ("invalid", .int(Int64(invalid))), ("uncovered", .int(Int64(uncovered.count))),
                ("unexercised", .int(Int64(self.gaps.count))), ("strict", .bool(strict)),
            ])),
        ])
    }
}
