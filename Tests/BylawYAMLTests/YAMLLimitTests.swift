import BylawSource
import Testing
@testable import BylawYAML

@Suite struct YAMLLimitTests {
    @Test func twoHundredThousandDeepFlowSequenceFailsAtTheLimit() throws {
        let depth = 200_000
        let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
        let (_, result) = load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(result.diagnostics.count == 1)
        #expect(diagnostic.code == .yamlTooDeep)
        // Collections 1...200 are allowed; the 201st, at column 201, crosses the limit.
        #expect(position(diagnostic) == "1:201")
        #expect(result.documents.isEmpty)
    }

    @Test func deepBlockNestingFailsAtTheLimit() throws {
        var text = ""
        for level in 0..<300 { text += String(repeating: " ", count: level) + "k\(level):\n" }
        text += String(repeating: " ", count: 300) + "end\n"
        let (_, result) = load(text)
        #expect(result.diagnostics.map(\.code) == [.yamlTooDeep])
        #expect(position(result.diagnostics.first) == "201:201")
    }

    @Test func nestingUpToTheLimitIsAllowed() {
        let text = String(repeating: "[", count: 200) + "x" + String(repeating: "]", count: 200)
        let (_, result) = load(text)
        #expect(result.diagnostics.isEmpty)
        var limits = YAMLLimits.default
        limits.maxDepth = 199
        #expect(load(text, limits: limits).1.diagnostics.map(\.code) == [.yamlTooDeep])
    }

    @Test func inputOverTheSizeLimitIsRefused() {
        var limits = YAMLLimits.default
        limits.maxBytes = 64
        let (_, result) = load(String(repeating: "a: b\n", count: 20), limits: limits)
        #expect(result.diagnostics.map(\.code) == [.yamlTooLarge])
        #expect(position(result.diagnostics.first) == "1:1")
    }

    @Test func diagnosticsAreCappedPerFile() {
        var limits = YAMLLimits.default
        limits.maxDiagnostics = 5
        let (_, result) = load(String(repeating: "a: 1\n", count: 50), limits: limits)
        #expect(result.diagnostics.count == 6)
        #expect(result.diagnostics.last?.code == .yamlTooManyErrors)
        #expect(result.diagnostics.last?.message.hasPrefix("44 more") == true)
    }
}
