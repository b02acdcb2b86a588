import BylawPolicy
import BylawReport
import CEL
import Foundation
import Testing

/// The docs speak to users, and every diagnostic code they name is one Bylaw reports.
@Suite("Docs")
struct DocsReferenceTests {
    static let root = DiagnosticCatalogueTests.root

    /// Every page a user reads: docs/, the README and the examples' README.
    static func pages() throws -> [(path: String, text: String)] {
        let docs = root.appendingPathComponent("docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: docs.path).filter { $0.hasSuffix(".md") }.sorted()
        return try (names.map { "docs/\($0)" } + ["README.md", "Examples/README.md"]).map { path in
            (path, try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))
        }
    }

    /// `prefix.name` tokens where the prefix is a registry's, not part of a longer path or a
    /// file name, and not a call (`cel.bind(…)`).
    static func codeReferences(in text: String) throws -> [String] {
        let prefixes = DiagnosticCatalogue.sections.map(\.registry.prefix).joined(separator: "|")
        let token = try NSRegularExpression(pattern: #"(?<![A-Za-z0-9_./-])(?:"# + prefixes + #")\.[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?![A-Za-z0-9_(-]|\.[A-Za-z])"#)
        let fileExtensions: Set<String> = ["md", "yaml", "yml", "ndjson", "json", "txt", "html"]
        return token.matches(in: text, range: NSRange(text.startIndex..., in: text)).compactMap { match in
            guard let range = Range(match.range, in: text) else { return nil }
            let reference = String(text[range])
            let name = reference.drop { $0 != "." }.dropFirst()
            // One word after `workspace.` is a field or function (`workspace.orgs`), never a
            // code: every workspace code has two words or more.
            if !name.contains("-"), reference.hasPrefix("workspace.") || fileExtensions.contains(String(name)) { return nil }
            return reference
        }
    }

    /// CEL functions, and other tools' settings, whose names look like codes.
    static let notCodes = ["cel.bind", "yaml.schemas"]

    @Test("every diagnostic code named in the docs exists")
    func codesExist() throws {
        let known = Set(DiagnosticCatalogue.codes.map(\.id))
        var unknown: [String] = []
        var named = Set<String>()
        for (path, text) in try Self.pages() {
            for reference in try Self.codeReferences(in: text) where !Self.notCodes.contains(reference) {
                named.insert(reference)
                if !known.contains(reference) { unknown.append("\(path): \(reference)") }
            }
        }
        #expect(unknown.isEmpty, "codes the docs name that no registry declares: \(unknown)")
        // The scan finds what it should: the catalogue page names every code.
        #expect(known.isSubset(of: named))
        #expect(try Self.codeReferences(in: "see `policy.no-such-code`, `workspace.orgs`, test.yaml, cel.bind(x, 1, x) and `cel.bind`")
            == ["policy.no-such-code", "cel.bind"])
    }

    @Test("the names set aside as CEL functions are CEL functions")
    func celFunctionsAreFunctions() throws {
        let environment = DomainSchema.baseEnvironment()
        if case .failure(let issues) = environment.compile("cel.bind(x, 1, x + 1) == 2") {
            Issue.record("cel.bind is not a CEL function: \(issues)")
        }
    }

    @Test("the docs speak to users: no internal notes, work files or tracker references")
    func noInternalReferences() throws {
        let notForUsers = try NSRegularExpression(
            pattern: #"PRODUCT\.md|STYLE\.md|/work/|\bbriefs?\b|\bissue #?\d+|\bTODO\b|\bFIXME\b|\bXXX\b|internal notes?"#, options: [.caseInsensitive])
        var found: [String] = []
        for (path, text) in try Self.pages() {
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let line = String(line)
                if notForUsers.firstMatch(in: line, range: NSRange(line.startIndex..., in: line)) != nil { found.append("\(path):\(number + 1): \(line)") }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}
