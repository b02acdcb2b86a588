import ArgumentParser
import BylawReport

extension ReportFormat: ExpressibleByArgument {}

/// Options every command that reads policies shares.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: "Maximum number of diagnostics printed (the rest are counted).")
    var maxDiagnostics: Int = 100
}
