import BylawReport
import BylawSource
import BylawYAML
import Foundation
import Testing

@Suite("Diagnostic code catalogue")
struct DiagnosticCatalogueTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let docPath = root.appendingPathComponent("docs/diagnostics.md").path

    @Test("docs/diagnostics.md is what the catalogue generates (BYLAW_UPDATE_DOCS=1 rewrites it)")
    func upToDate() throws {
        let generated = DiagnosticCatalogue.markdown()
        if ProcessInfo.processInfo.environment["BYLAW_UPDATE_DOCS"] == "1" {
            try generated.write(toFile: Self.docPath, atomically: true, encoding: .utf8)
        }
        let onDisk = try String(contentsOfFile: Self.docPath, encoding: .utf8)
        #expect(onDisk == generated, "docs/diagnostics.md is stale: run BYLAW_UPDATE_DOCS=1 swift test --filter DiagnosticCatalogueTests")
    }

    @Test("every code is catalogued once, under its prefix, with a one-line summary and a help text")
    func wellFormed() {
        let codes = DiagnosticCatalogue.codes
        #expect(codes.count > 70, "the catalogue gathered the registries")
        #expect(Set(codes.map(\.id)).count == codes.count, "an id is declared twice")
        for section in DiagnosticCatalogue.sections {
            for code in section.registry.codes {
                #expect(code.id.hasPrefix(section.registry.prefix + "."), "\(code.id) is not under '\(section.registry.prefix)'")
                let summary = code.summary.description, help = code.help.description
                #expect(!summary.isEmpty && !summary.contains("\n") && !summary.hasSuffix("."), "\(code.id)")
                #expect(!help.isEmpty && !help.contains("\n"), "\(code.id)")
                #expect(DiagnosticCatalogue.code(id: code.id)?.summary.description == summary)
            }
        }
        #expect(DiagnosticCatalogue.code(id: "policy.no-such-code") == nil)
    }

    @Test("the page anchors every code and the docs address links to it")
    func anchors() {
        let page = DiagnosticCatalogue.markdown()
        for code in DiagnosticCatalogue.codes {
            #expect(page.contains("| <a id=\"\(code.id)\"></a>`\(code.id)` |"), "\(code.id)")
        }
        #expect(DiagnosticCatalogue.helpURI(of: .yamlDuplicateKey, documentation: "https://example.com/docs/")
            == "https://example.com/docs/diagnostics.md#yaml.duplicate-key")
        #expect(DiagnosticCatalogue.helpURI(of: DiagnosticCode(unregistered: "x.y"), documentation: "https://example.com/docs") == nil)
    }

    @Test("every code a registry declares is in the catalogue")
    func registriesComplete() throws {
        let declaration = try NSRegularExpression(pattern: #"(?:DiagnosticCode|CELIssueCode)\(\s*"([a-z]+\.[a-z0-9-]+)""#)
        var declared = Set<String>()
        for (path, text) in try Self.sources() where Self.isRegistry(path) {
            for match in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { declared.insert(String(text[range])) }
            }
        }
        #expect(declared.count > 70, "the scan found the declarations")
        #expect(declared == Set(DiagnosticCatalogue.codes.map(\.id)))
    }

    @Test("no code is a string literal outside its registry")
    func noLiteralCodes() throws {
        let literal = try NSRegularExpression(pattern: #""((?:input|yaml|policy|cel|workspace|stream|test)\.[a-z0-9-]+)""#)
        var found: [String] = []
        for (path, text) in try Self.sources() where !Self.isRegistry(path) {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).enumerated() {
                if line.trimmingCharacters(in: .whitespaces).hasPrefix("//") { continue }
                let place = "\(path):\(number + 1)"
                if line.contains("code: \"") { found.append(place) }
                for match in literal.matches(in: line, range: NSRange(line.startIndex..., in: line)) {
                    // Page and file names such as "yaml.md" and "workspace.yaml" look like codes, and
                    // so does VS Code's "yaml.schemas" setting.
                    guard let range = Range(match.range(at: 1), in: line) else { continue }
                    let name = line[range]
                    if !name.hasSuffix(".md"), !name.hasSuffix(".yaml"), name != "yaml.schemas" { found.append(place) }
                }
            }
        }
        #expect(found.isEmpty, "codes written as literals (name the registry entry instead): \(found)")
    }

    /// A file that declares codes: `DiagnosticCode+STAGE.swift`, or CEL's `CELIssueCode.swift`.
    static func isRegistry(_ path: String) -> Bool {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return name.hasPrefix("DiagnosticCode+") || name == "CELIssueCode.swift"
    }

    /// Every Swift file under Sources/, relative path and text.
    static func sources() throws -> [(String, String)] {
        let sources = root.appendingPathComponent("Sources")
        var files: [(String, String)] = []
        let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            files.append((String(url.path.dropFirst(root.path.count + 1)), try String(contentsOf: url, encoding: .utf8)))
        }
        return files.sorted { $0.0 < $1.0 }
    }
}
