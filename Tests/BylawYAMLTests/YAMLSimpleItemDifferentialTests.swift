import BylawSource
import Testing
@testable import BylawYAML

/// The streamed sequence's simple items, read without libyaml, give exactly what libyaml
/// gives: the same items (values, styles, ranges), documents and diagnostics, on generated
/// workspaces and on many mutations of them.
@Suite struct YAMLSimpleItemDifferentialTests {
    /// Everything a load gives, as text: each streamed item and each document dumped with
    /// ranges, styles and values, and each diagnostic printed with its position.
    static func outcome(_ file: SourceFile, simpleItems: Bool) -> String {
        var items: [String] = []
        let result = YAMLLoader.load(
            file, limits: .default, streaming: YAMLItemStream(key: "users") { items.append($0.structureDump) }, simpleItems: simpleItems)
        let printer = DiagnosticPrinter()
        return (items + result.documents.map(\.structureDump) + result.streamed.map(\.structureDump) + result.diagnostics.map { printer.render($0) })
            .joined(separator: "\n")
    }

    /// Whether the load read simple items without libyaml (so that a comparison tests that path).
    static func splices(_ file: SourceFile) -> Bool {
        guard case .success(let check) = YAMLInputCheck.run(file, limits: .default) else { return false }
        return file.bytes.withUnsafeBufferPointer { buffer in
            guard let splice = YAMLComposer.Splice.find(in: buffer, key: Array("users".utf8), bomLength: check.bomLength, isASCII: check.isASCII)
            else { return false }
            let composer = YAMLLoader.compose(
                file, buffer, check: check, limits: .default, streaming: YAMLItemStream(key: "users") { _ in }, splice: splice)
            return composer.splice?.state == .applied
        }
    }

    /// Loads `count` workspaces (each mutated up to `mutations` times) both ways and expects
    /// the same outcome; returns how many took the simple-item path.
    static func compareBothWays(count: Int, seed: UInt64, mutations: Int) -> Int {
        var random = SplitMix(seed: seed)
        var spliced = 0
        for _ in 0..<count {
            var bytes = Array(SimpleItemCorpus.workspace(&random).utf8)
            if mutations > 0 {
                for _ in 0..<(1 + random.below(mutations)) { SimpleItemCorpus.mutate(&bytes, &random) }
            }
            let file = SourceFile(path: "w.yaml", bytes: bytes)
            if splices(file) { spliced += 1 }
            let fast = outcome(file, simpleItems: true)
            let slow = outcome(file, simpleItems: false)
            #expect(fast == slow, "\(String(decoding: bytes, as: UTF8.self))")
            if fast != slow { break }
        }
        return spliced
    }

    @Test func generatedWorkspacesLoadAlikeBothWays() {
        let spliced = Self.compareBothWays(count: 100, seed: 17, mutations: 0)
        #expect(spliced > 50, "\(spliced) of 100")
    }

    @Test func mutatedWorkspacesLoadAlikeBothWays() {
        let spliced = Self.compareBothWays(count: 800, seed: 4242, mutations: 4)
        #expect(spliced > 250, "\(spliced) of 800")
    }

    @Test func theSplicedLoadReportsLaterErrorsWhereLibYAMLDoes() {
        let text = """
            name: w
            users:
              - {id: a, org: x}
              - {id: b, org: x}
              - {id: c, org: [x}
            """
        let file = SourceFile(path: "e.yaml", text: text)
        #expect(Self.splices(file))
        let fast = Self.outcome(file, simpleItems: true)
        #expect(fast == Self.outcome(file, simpleItems: false))
        #expect(fast.contains("e.yaml:5:"))
    }
}
