import BylawPolicy
import BylawReport
import BylawSource

/// The compile step every policy-reading command starts with.
enum PolicyLoading {
    /// The date exceptions expire against: today (UTC), or `BYLAW_TODAY`.
    static func today() throws -> CalendarDate {
        guard let today = CalendarDate.today(environment: processEnvironment) else {
            Terminal.err("bylaw: BYLAW_TODAY must be a date written YYYY-MM-DD\n")
            throw BylawExit.invalidInput.exitCode
        }
        return today
    }

    static func paths(_ given: [String]) -> [String] { given.isEmpty ? ["Policies"] : given }

    /// How a command takes its policies: as positional arguments (`check`, `test`, `handbook`)
    /// or with `--policies` (`lint`, `eval`, `plan`).
    enum Pointer {
        case argument(command: String)
        case option

        /// The `policy.no-policies` hint for this command.
        var hint: String {
            switch self {
            case .argument(let command):
                return "policies default to Policies/ in the current directory; "
                    + "name policy files or directories as arguments: bylaw \(command) PATH…"
            case .option:
                return "policies default to Policies/ in the current directory; "
                    + "name policy files or directories with --policies PATH"
            }
        }
    }

    /// The diagnostics with `policy.no-policies` hinting at the way this command takes policies.
    /// When no policies were named (`defaulted`) and `Policies/` cannot be read, that is
    /// `policy.no-policies` too: the user did not ask for that folder, so it says how to
    /// name another.
    static func pointing(_ diagnostics: [Diagnostic], at pointer: Pointer, defaulted: Bool) -> [Diagnostic] {
        diagnostics.map { diagnostic in
            if defaulted, diagnostic.code == .inputUnreadable, diagnostic.path == "Policies" {
                return Diagnostic(
                    code: .policyNoPolicies, message: "no Policies/ folder in the current directory, where policies are looked for by default",
                    path: "Policies", hint: pointer.hint)
            }
            guard diagnostic.code == .policyNoPolicies else { return diagnostic }
            return Diagnostic(
                code: diagnostic.code, severity: diagnostic.severity, message: diagnostic.message, span: diagnostic.span,
                path: diagnostic.path, notes: diagnostic.notes, hint: pointer.hint)
        }
    }
}

extension PolicyLoading {
    /// Compiles the policy set, or prints why it does not compile and exits 2. Warnings go to
    /// stderr so they never corrupt a machine-readable stdout. For json and sarif output the
    /// errors are also written to stdout as a diagnostics document (for junit and github, as
    /// test cases and annotations), so a CI step reading the report sees why the run failed.
    static func compileOrExit(_ given: [String], format: ReportFormat, pointer: Pointer, options: PolicyOptions) throws -> PolicySet {
        let maxDiagnostics = options.maxDiagnostics
        let result = PolicySetLoader.compile(paths: paths(given), today: try today(), budgetOverride: options.budgetOverride)
        let diagnostics = pointing(result.diagnostics, at: pointer, defaulted: given.isEmpty)
        let bag = DiagnosticBag(diagnostics)
        if !bag.isEmpty {
            Terminal.err(DiagnosticPrinter(style: Terminal.style(for: 2)).render(bag, limit: maxDiagnostics))
        }
        guard let set = result.set else {
            switch format {
            case .json: Terminal.out(DiagnosticsReport.json(diagnostics) + "\n")
            case .sarif: Terminal.out(DiagnosticsReport.sarif(diagnostics, exitCode: 2) + "\n")
            case .junit: Terminal.out(DiagnosticsReport.junit(diagnostics, files: result.files.map(\.path)))
            case .github: Terminal.out(DiagnosticsReport.github(diagnostics))
            case .text, .ndjson: break
            }
            throw BylawExit.invalidInput.exitCode
        }
        return set
    }
}

extension PolicyLoading {
    /// Prints warnings about the policies that a run found once it had its inputs, on stderr
    /// as the compile warnings are.
    static func printWarnings(_ warnings: [Diagnostic], options: PolicyOptions) {
        guard !warnings.isEmpty else { return }
        Terminal.err(DiagnosticPrinter(style: Terminal.style(for: 2)).render(DiagnosticBag(warnings), limit: options.maxDiagnostics))
    }

    /// Compiles an earlier policy set to compare with (`handbook --changes-since`), or prints its
    /// errors and exits 2. Its warnings are not printed: they were the earlier set's to fix.
    static func compileEarlierOrExit(_ path: String, options: PolicyOptions) throws -> PolicySet {
        let result = PolicySetLoader.compile(paths: [path], today: try today(), budgetOverride: options.budgetOverride)
        if let set = result.set { return set }
        Terminal.err("bylaw: the policies in \(path) (--changes-since) do not compile:\n")
        throw InputFailure.report(result.diagnostics.filter { $0.severity == .error }, limit: options.maxDiagnostics)
    }
}
