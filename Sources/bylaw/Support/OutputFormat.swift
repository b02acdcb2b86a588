import ArgumentParser

/// The formats a command can print. Not every command takes every format: each lists its own.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, ndjson, sarif, junit, github
}

/// Options every command that reads policies shares.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: "Maximum number of diagnostics printed (the rest are counted).")
    var maxDiagnostics: Int = 100
}
