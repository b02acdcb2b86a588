import ArgumentParser
import BylawModel
import BylawSource
import BylawYAML

/// The files `expr` and `explain` take besides configs: one event (JSON or YAML), one value.
enum EventInput {
    /// Reads a file, or prints why it cannot be read and exits 2.
    static func read(_ path: String) throws -> SourceFile {
        do {
            return try SourceFile.read(path: path)
        } catch {
            throw InputFailure.report([error])
        }
    }

    /// One YAML (or JSON) document, or its diagnostics and exit 2: a second document is an
    /// error at its start, not silently ignored.
    static func loadYAML(_ file: SourceFile) throws -> YAMLNode {
        let loaded = YAMLLoader.load(file)
        guard let node = loaded.documents.first, !loaded.hasErrors else { throw InputFailure.report(loaded.diagnostics) }
        if loaded.documents.count > 1 {
            throw InputFailure.report([.error(
                .inputDocumentCount, "\(file.path) holds \(loaded.documents.count) YAML documents; expected one", in: file,
                at: loaded.documents[1].range, hint: "give one event (or value) per file")])
        }
        return node
    }

    /// The usage event a file holds, read as a line of a stream is, or why it is not one (exit 2).
    static func load(_ path: String) throws -> UsageEvent {
        let node = try loadYAML(try read(path))
        var event = UsageEvent()
        var scanner = UsageEventScanner()
        if case .malformed(let issue) = scanner.scan(node.jsonValue.compact, into: &event) {
            Terminal.err("\(path): error: not a valid usage event: \(issue.message) [\(issue.code.id)]\n")
            throw BylawExit.invalidInput.exitCode
        }
        return event
    }
}
