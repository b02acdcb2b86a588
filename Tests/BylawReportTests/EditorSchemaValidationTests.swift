import BylawReport
import BylawSource
import BylawYAML
import Foundation
import Testing

/// The committed schemas, read by a validator that is not ours (python3-jsonschema, through
/// `scripts/check-schemas`): every shipped policy, workspace and example passes, and the
/// mistakes a schema is for are refused. With `CI=true` a missing validator is a failure.
@Suite("Editor schemas, checked by python3-jsonschema")
struct EditorSchemaValidationTests {
    static let root = DiagnosticCatalogueTests.root
    static let python = "/usr/bin/python3"
    static let isAvailable: Bool = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return false }
        return (try? run(python, ["-c", "import jsonschema"], stdin: Data()).status) == 0
    }()
    static let runs = isAvailable || ProcessInfo.processInfo.environment["CI"] == "true"

    /// One document for the validator: where it comes from, which schema checks it, and whether
    /// that schema should accept it.
    struct Document {
        let name: String
        let schema: EditorSchema
        /// The document, or (for a JSON file) its text, which the validator parses itself.
        let json: JSONValue
        var refusedFor: String? = nil

        var item: JSONValue {
            let document: (String, JSONValue) = if case .string(let text) = json, schema == .event { ("text", .string(text)) } else { ("document", json) }
            return .object([("name", .string(name)), ("schema", .string(schema.rawValue)), document])
        }
    }

    /// Shipped files that are broken on purpose in a way the schema sees, with what it says.
    static let refused = ["Examples/workspaces/broken-unknown-enum.yaml": "is not one of"]

    @Test(
        "every shipped policy, workspace and example event passes; misspellings and wrong values are refused",
        .enabled(if: runs, "/usr/bin/python3 with jsonschema is not installed (python3-jsonschema)"))
    func validate() throws {
        try #require(Self.isAvailable, "CI=true and /usr/bin/python3 cannot import jsonschema: install python3-jsonschema")
        var documents = try Self.shippedYAML() + Self.shippedEvents()
        #expect(documents.count > 40, "found only \(documents.count) shipped documents")
        documents += try Self.mistakes()
        let results = try Self.validate(documents)
        for document in documents {
            let errors = try #require(results[document.name], "no result for \(document.name)")
            if let expected = document.refusedFor {
                #expect(errors.contains { $0.contains(expected) }, "\(document.name) should be refused for «\(expected)», got \(errors)")
            } else {
                #expect(errors.isEmpty, "\(document.name): \(errors)")
            }
        }
    }

    @Test("every shipped policy, workspace and example names its schema on its first line, by a path that leads to it")
    func schemaLines() throws {
        let documents = try Self.shippedYAML()
        for path in Set(documents.map { String($0.name.prefix { $0 != "#" }) }) {
            let schema = try #require(documents.first { $0.name.hasPrefix(path + "#") }?.schema)
            let text = try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
            let relative = String(repeating: "../", count: path.split(separator: "/").count - 1) + "schemas/\(schema.fileName)"
            #expect(text.hasPrefix("# yaml-language-server: $schema=\(relative)\n"), "\(path)")
            let target = Self.root.appendingPathComponent(path).deletingLastPathComponent().appendingPathComponent(relative).standardized
            #expect(FileManager.default.fileExists(atPath: target.path), "\(path): \(target.path)")
        }
    }

    /// Every YAML document under Policies/ and Examples/, checked by the schema its top key
    /// names (`policy:` or `workspace:`; an event otherwise).
    static func shippedYAML() throws -> [Document] {
        var documents: [Document] = []
        for path in try files(under: ["Policies", "Examples"], extensions: ["yaml", "yml"]) {
            let file = try SourceFile.read(path: root.appendingPathComponent(path).path)
            let loaded = YAMLLoader.load(file)
            #expect(loaded.diagnostics.isEmpty, "\(path): \(loaded.diagnostics.map(\.message))")
            for (index, node) in loaded.documents.enumerated() {
                let json = node.jsonValue
                let schema: EditorSchema = json["policy"] != nil ? .policy : json["workspace"] != nil ? .workspace : .event
                documents.append(Document(name: "\(path)#\(index + 1)", schema: schema, json: json, refusedFor: refused[path]))
            }
        }
        return documents
    }

    /// The example events: each line of the example streams (but the one broken on purpose) and
    /// the server's example requests.
    static func shippedEvents() throws -> [Document] {
        var documents: [Document] = []
        for path in try files(under: ["Examples"], extensions: ["ndjson", "json"]) where !path.hasSuffix("broken.ndjson") {
            let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            let lines = path.hasSuffix(".json") ? [text] : text.split(separator: "\n").map(String.init)
            for (index, line) in lines.enumerated() {
                documents.append(Document(name: "\(path):\(index + 1)", schema: .event, json: .string(line)))
            }
        }
        return documents
    }

    static func yaml(_ text: String) throws -> JSONValue {
        let loaded = YAMLLoader.load(SourceFile(path: "inline.yaml", text: text))
        return try #require(loaded.documents.first?.jsonValue)
    }

    /// What the schemas are for: a misspelled key anywhere, a rule with both conditions, a
    /// value that is not one of the known ones. And the scaffold of `bylaw init`, which passes.
    static func mistakes() throws -> [Document] {
        let rule = "policy: p\nrules:\n  - {id: r, on: usage, %@}\n"
        func policy(_ name: String, _ ruleText: String, refusedFor: String?) throws -> Document {
            Document(name: name, schema: .policy, json: try yaml(rule.replacingOccurrences(of: "%@", with: ruleText)), refusedFor: refusedFor)
        }
        let scaffold = try ProjectScaffold.files.filter { $0.path.hasSuffix(".yaml") }.map { file in
            Document(name: "bylaw init: \(file.path)", schema: file.path.hasPrefix("Policies/") ? .policy : .workspace, json: try yaml(file.contents))
        }
        return scaffold + [
            try policy("a well-formed rule", "forbid: event.kind == \"share\", enforcement: warn", refusedFor: nil),
            try policy("a misspelled rule key", "forbidd: event.kind == \"share\"", refusedFor: "'forbidd' was unexpected"),
            try policy("a misspelled enforcement", "forbid: x, enforcment: warn", refusedFor: "'enforcment' was unexpected"),
            try policy("an unknown enforcement", "forbid: x, enforcement: blocked", refusedFor: "'blocked' is not one of"),
            try policy("forbid and require", "forbid: x, require: y", refusedFor: "is valid under each of"),
            try policy("neither forbid nor require", "where: x", refusedFor: "is not valid under any of the given schemas"),
            try policy("an unknown combinator", "forbid: {every: [x]}", refusedFor: "is not valid under any of the given schemas"),
            Document(
                name: "a misspelled test event key", schema: .policy,
                json: try yaml("policy: p\ntests:\n  - {name: t, event: {kind: upload, artefact: {type: pdf}}, expect: allow}\n"),
                refusedFor: "'artefact' was unexpected"),
            Document(
                name: "a misspelled workspace key", schema: .workspace,
                json: try yaml("workspace: w\nbilling: {mode: single}\norgs:\n  - {id: o, parnet: p}\n"), refusedFor: "'parnet' was unexpected"),
        ]
    }

    /// The validator's errors for each document, by name.
    static func validate(_ documents: [Document]) throws -> [String: [String]] {
        let schemas = JSONValue.object(EditorSchema.allCases.map { ($0.rawValue, .string(root.appendingPathComponent("schemas/\($0.fileName)").path)) })
        let items = documents.map(\.item)
        let manifest = JSONValue.object([("schemas", schemas), ("documents", .array(items))])
        let result = try run(python, [root.appendingPathComponent("scripts/check-schemas").path], stdin: Data(manifest.compact.utf8))
        try #require(result.status == 0, "scripts/check-schemas exited with \(result.status): \(result.stderr)")
        var errors: [String: [String]] = [:]
        for line in result.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            let name = try #require(object["name"] as? String)
            errors[name] = try #require(object["errors"] as? [String])
        }
        return errors
    }

    static func files(under folders: [String], extensions: Set<String>) throws -> [String] {
        var found: [String] = []
        for folder in folders {
            let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(folder).path)
            while let relative = enumerator?.nextObject() as? String {
                if extensions.contains((relative as NSString).pathExtension) { found.append("\(folder)/\(relative)") }
            }
        }
        return found.sorted()
    }

    static func run(_ executable: String, _ arguments: [String], stdin: Data) throws -> (status: Int32, stdout: String, stderr: String) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bylaw-schemas-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let (inURL, outURL, errURL) = (scratch.appendingPathComponent("in"), scratch.appendingPathComponent("out"), scratch.appendingPathComponent("err"))
        try stdin.write(to: inURL)
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        // Files, not pipes: a full pipe nobody reads would stall the validator.
        let (input, output, error) = (try FileHandle(forReadingFrom: inURL), try FileHandle(forWritingTo: outURL), try FileHandle(forWritingTo: errURL))
        defer { [input, output, error].forEach { try? $0.close() } }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: outURL, encoding: .utf8), try String(contentsOf: errURL, encoding: .utf8))
    }
}
