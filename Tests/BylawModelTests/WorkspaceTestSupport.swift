import BylawModel
import BylawSource
import Testing

/// A workspace config written in a test, with position markers: `1️⃣` … `9️⃣` are removed from
/// the text and remembered as byte offsets, so a test says "the error is at 1️⃣".
struct MarkedConfig {
    let file: SourceFile
    private var markers: [Character: Int] = [:]

    init(_ text: String, path: String = "workspace.yaml") {
        var bytes: [UInt8] = []
        for character in text {
            if let scalar = character.unicodeScalars.first, ("1"..."9").contains(Character(scalar)), character.unicodeScalars.count > 1 {
                markers[Character(scalar)] = bytes.count
            } else {
                bytes.append(contentsOf: Array(String(character).utf8))
            }
        }
        file = SourceFile(path: path, bytes: bytes)
    }

    /// Byte offset of a marker (`"1"` for `1️⃣`).
    func offset(_ marker: Character) -> Int {
        markers[marker] ?? -1
    }

    /// "line:column" of a marker.
    func position(_ marker: Character) -> String {
        let location = file.location(ofByte: offset(marker))
        return "\(location.line):\(location.column)"
    }

    func load() -> WorkspaceLoadResult { WorkspaceLoader.load(file) }
}

extension Diagnostic {
    /// "line:column" of the start, for compact assertions.
    var position: String {
        guard let location else { return "-" }
        return "\(location.line):\(location.column)"
    }
}

/// Loads a config that must be valid, recording every diagnostic as a test issue otherwise.
func loadValid(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Workspace {
    let result = WorkspaceLoader.load(SourceFile(path: "workspace.yaml", text: text))
    for diagnostic in result.diagnostics {
        Issue.record("unexpected \(diagnostic.code) at \(diagnostic.position): \(diagnostic.message)", sourceLocation: sourceLocation)
    }
    return try #require(result.workspace, sourceLocation: sourceLocation)
}

/// The one diagnostic of a config expected to have exactly one.
func onlyDiagnostic(_ config: MarkedConfig, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Diagnostic {
    let result = config.load()
    #expect(result.workspace == nil, "a config with errors has no model", sourceLocation: sourceLocation)
    #expect(result.diagnostics.count == 1, "\(result.diagnostics.map { "\($0.code) \($0.message)" })", sourceLocation: sourceLocation)
    return try #require(result.diagnostics.first, sourceLocation: sourceLocation)
}
