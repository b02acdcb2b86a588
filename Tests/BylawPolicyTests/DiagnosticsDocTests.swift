import Foundation
import Testing

@Suite("docs/diagnostics.md")
struct DiagnosticsDocTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every stable code written in the sources, e.g. "policy.unknown-key".
    static func codesInSources() throws -> Set<String> {
        let pattern = try NSRegularExpression(pattern: "\"((?:policy|yaml|workspace|stream|cel|input|test|serve|server|request)\\.[a-z0-9-]+)\"")
        var codes = Set<String>()
        let sources = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift", !url.path.contains("/bench-"), !url.path.contains("/CELConformance") else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { codes.insert(String(text[range])) }
            }
        }
        return codes
    }

    @Test("every diagnostic code in the sources is explained")
    func complete() throws {
        let doc = try String(contentsOf: Self.root.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        let codes = try Self.codesInSources()
        #expect(codes.count > 50, "the scan found the codes")
        let missing = codes.filter { !doc.contains("`\($0)`") }.sorted()
        #expect(missing.isEmpty, "missing from docs/diagnostics.md: \(missing)")
    }
}
