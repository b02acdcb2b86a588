import BylawSource

/// The frame of a SARIF 2.1.0 log shared by the finding report and the diagnostics report.
enum SARIFLog {
    static let schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

    /// `tool.driver`: Bylaw, its version, and its rules.
    static func driver(rules: [JSONValue], informationURI: String?) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("name", .string("bylaw")),
            ("version", .string(BylawVersion.current)),
            ("semanticVersion", .string(BylawVersion.current)),
        ]
        if let informationURI { pairs.append(("informationUri", .string(informationURI))) }
        pairs.append(("rules", .array(rules)))
        return .object(pairs)
    }

    /// `{$schema, version, runs: [run]}` with the run's artifacts, invocation and summary.
    static func document(tool: JSONValue, results: [JSONValue], artifacts: SARIFArtifacts, exitCode: Int?, summary: JSONValue?) -> JSONValue {
        var invocation: [(String, JSONValue)] = [("executionSuccessful", .bool(true))]
        if let exitCode { invocation.append(("exitCode", .int(Int64(exitCode)))) }
        var run: [(String, JSONValue)] = [
            ("tool", tool),
            ("invocations", .array([.object(invocation)])),
            ("columnKind", .string("unicodeCodePoints")),
            ("artifacts", artifacts.json),
            ("results", .array(results)),
        ]
        if let summary, summary != .null { run.append(("properties", .object([("summary", summary)]))) }
        return .object([
            ("$schema", .string(schema)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object(run)])),
        ])
    }
}
