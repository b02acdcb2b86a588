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
}

extension PolicyLoading {
    /// Compiles the policy set, or prints why it does not compile and exits 2. Warnings go to
    /// stderr so they never corrupt a machine-readable stdout. For json and sarif output the
    /// errors are also written to stdout as a diagnostics document, so a CI step reading the
    /// report sees why the run failed.
    static func compileOrExit(_ given: [String], format: ReportFormat, options: PolicyOptions) throws -> PolicySet {
        let maxDiagnostics = options.maxDiagnostics
        let result = PolicySetLoader.compile(paths: paths(given), today: try today(), budgetOverride: options.budgetOverride)
        let bag = DiagnosticBag(result.diagnostics)
        if !bag.isEmpty {
            Terminal.err(DiagnosticPrinter(style: Terminal.style(for: 2)).render(bag, limit: maxDiagnostics))
        }
        guard let set = result.set else {
            switch format {
            case .json: Terminal.out(DiagnosticsReport.json(result.diagnostics) + "\n")
            case .sarif: Terminal.out(DiagnosticsReport.sarif(result.diagnostics, exitCode: 2) + "\n")
            default: break
            }
            throw BylawExit.invalidInput.exitCode
        }
        return set
    }
}
