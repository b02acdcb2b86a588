import ArgumentParser
import BylawPolicy
import BylawReport
import CEL

/// The `--format` values one command accepts. Each command declares its own enum, so its
/// `--help`, its completions and the parser all list exactly the formats it prints, and a
/// format it does not print is refused by the parser with the list of those it does.
protocol CommandFormat: RawRepresentable<String>, ExpressibleByArgument, CaseIterable {}

extension CommandFormat {
    /// The report format of the same name (every command format is one; a test checks it).
    var report: ReportFormat { ReportFormat(rawValue: rawValue) ?? .text }
}

/// Options every command that reads policies shares.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: "Maximum number of diagnostics printed (the rest are counted).")
    var maxDiagnostics: Int = 100

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Evaluation budget for every policy: iterations=N, memory=SIZE (16MiB) or regex_steps=N; repeatable. Replaces the default and each policy's 'budget:'.",
            valueName: "name=limit"))
    var budget: [String] = []

    /// The `--budget` settings by dimension (validated in ``validate()``).
    var budgetOverride: [CELBudgetDimension: Int] {
        (try? BudgetArguments.parse(budget)) ?? [:]
    }

    func validate() throws {
        guard maxDiagnostics >= 0 else { throw ValidationError("--max-diagnostics must be 0 or more, found \(maxDiagnostics)") }
        _ = try BudgetArguments.parse(budget)
    }
}

/// `--budget name=limit` arguments, checked as a policy's `budget:` is.
enum BudgetArguments {
    static func parse(_ arguments: [String]) throws -> [CELBudgetDimension: Int] {
        var settings: [CELBudgetDimension: Int] = [:]
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let names = CELBudgetDimension.allCases.map(\.rawValue).joined(separator: ", ")
            guard parts.count == 2, let dimension = CELBudgetDimension(name: parts[0]) else {
                throw ValidationError("--budget takes name=limit with a name among \(names), found '\(argument)'")
            }
            switch BudgetSettingCheck.check(dimension, parts[1]) {
            case .success(let limit): settings[dimension] = limit
            case .failure(let problem): throw ValidationError("--budget: \(problem.message) (\(problem.hint))")
            }
        }
        return settings
    }
}
