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

    @Test func generatedWorkspacesLoadAlikeBothWays() {
        var random = SplitMix(seed: 17)
        var spliced = 0
        for _ in 0..<150 {
            let text = SimpleItemCorpus.workspace(&random)
            let file = SourceFile(path: "w.yaml", text: text)
            if Self.splices(file) { spliced += 1 }
            let fast = Self.outcome(file, simpleItems: true)
            let slow = Self.outcome(file, simpleItems: false)
            #expect(fast == slow, "\(text)")
            if fast != slow { return }
        }
        #expect(spliced > 80, "\(spliced) of 150")
    }

    @Test func mutatedWorkspacesLoadAlikeBothWays() {
        var random = SplitMix(seed: 4242)
        var spliced = 0
        for _ in 0..<1_500 {
            var bytes = Array(SimpleItemCorpus.workspace(&random).utf8)
            for _ in 0...random.below(3) { SimpleItemCorpus.mutate(&bytes, &random) }
            let file = SourceFile(path: "m.yaml", bytes: bytes)
            if Self.splices(file) { spliced += 1 }
            let fast = Self.outcome(file, simpleItems: true)
            let slow = Self.outcome(file, simpleItems: false)
            #expect(fast == slow, "\(String(decoding: bytes, as: UTF8.self))")
            if fast != slow { return }
        }
        #expect(spliced > 500, "\(spliced) of 1,500")
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
