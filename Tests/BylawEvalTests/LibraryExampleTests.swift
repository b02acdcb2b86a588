import BylawEval
import BylawModel
import BylawPolicy
import BylawSource
import Foundation
import Testing

/// The example of docs/library.md, compiled and run: if the API it shows changes, this fails.
@Suite struct LibraryExampleTests {
    @Test func theDocumentedExampleRuns() throws {
        let root = StreamTestSupport.root
        // --- docs/library.md example begins
        // Compile the policies once (errors and warnings come back as diagnostics).
        guard let today = CalendarDate(year: 2026, month: 11, day: 22) else { return }
        let compiled = PolicySetLoader.compile(paths: [root + "Policies"], today: today)
        guard let policies = compiled.set else {
            for diagnostic in compiled.diagnostics { print(diagnostic.message) }
            return
        }

        // Lint a config (a path, or text held in memory), collecting what the run reports.
        let proposed = try SourceFile.read(path: root + "Examples/workspaces/violates-app-owner-active.yaml")
        let collector = FindingCollector()
        let lint = LintRun(policies: policies).run([.file(proposed)], into: collector)
        for finding in collector.findings { print(finding.rule.fullID, finding.enforcement, finding.message) }
        print("lint:", lint.status)  // clean, findings or invalidInput

        // Decide usage events one at a time, as a server would for each request.
        guard let model = WorkspaceLoader.load(path: root + "Examples/workspaces/acme.yaml").workspace else { return }
        let workspace = WorkspaceGraph(model)
        var decider = UsageDecider(policies: policies, workspace: workspace)
        let event = #"{"id":"e1","kind":"upload","user":"alice","org":"us-legal","app":"chat-free","artifact":{"classification":"client"},"destination":{"kind":"consumer-chat"}}"#
        var blocked = false
        let outcome = Array(event.utf8).withUnsafeBufferPointer { bytes in
            decider.decide(StreamLine(number: 1, offset: 0, bytes: bytes), inputPath: "request") { finding in
                if finding.enforcement == .block { blocked = true }
            }
        }
        // --- docs/library.md example ends
        #expect(compiled.set != nil)
        #expect(lint.status == .findings)
        #expect(!collector.findings.isEmpty)
        guard case .event = outcome else {
            Issue.record("not an event: \(outcome)")
            return
        }
        #expect(blocked)
    }
}

extension LibraryExampleTests {
    @Test func theDocsShowTheExampleThisTestRuns() throws {
        let root = StreamTestSupport.root
        let test = try String(contentsOfFile: root + "Tests/BylawEvalTests/LibraryExampleTests.swift", encoding: .utf8)
        let docs = try String(contentsOfFile: root + "docs/library.md", encoding: .utf8)
        let begin = try #require(test.range(of: "// --- docs/library.md example begins\n"))
        let end = try #require(test.range(of: "        // --- docs/library.md example ends"))
        let example = test[begin.upperBound..<end.lowerBound]
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.hasPrefix("        ") ? String($0.dropFirst(8)) : String($0) }
            .joined(separator: "\n")
            .replacingOccurrences(of: "root + \"", with: "\"")
        #expect(docs.contains(example.trimmingCharacters(in: .whitespacesAndNewlines)), "docs/library.md no longer shows the tested example")
    }
}
