import Foundation

/// Validates JSON against the official SARIF 2.1.0 schema with Python's `jsonschema`, an
/// implementation independent of ours. Available only where `../shared` (beside the package
/// root) and `python3` with `jsonschema` are.
enum SchemaValidator {
    /// `/…/wt-x/Tests/BylawReportTests/SchemaValidator.swift` → `/…/shared/conformance/sarif/…`.
    static let schemaURL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("shared/conformance/sarif/sarif-schema-2.1.0.json")

    static let isAvailable: Bool = {
        guard FileManager.default.fileExists(atPath: schemaURL.path) else { return false }
        return (try? python(["-c", "import jsonschema"]).status) == 0
    }()

    /// The validator's complaints (empty when the document is valid); the schema says draft-04.
    static func errors(in json: String) throws -> [String] {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let document = directory.appendingPathComponent("report.sarif")
        try Data(json.utf8).write(to: document)
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            document = json.load(open(sys.argv[2]))
            validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
            for error in validator.iter_errors(document):
                print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
            """
        let result = try python(["-c", script, schemaURL.path, document.path])
        if result.status != 0 { return ["validator exited with \(result.status): \(result.output)"] }
        return result.output.split(separator: "\n").map(String.init)
    }

    private static func python(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
