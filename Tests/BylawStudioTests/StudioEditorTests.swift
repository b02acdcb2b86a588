@testable import BylawStudio
import BylawSource
import Foundation
import Testing

@Suite("Studio editor: diagnostics as you type, did-you-mean fixes, saving")
struct StudioEditorTests {
    @Test("a typo's diagnostic comes back at its line and column, with the fix the hint offers")
    func typo() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let text = try fixture.text("client-data.yaml").replacingOccurrences(of: "artifact.classification in", with: "artifact.clasification in")
        let reply = try await fixture.change("/api/check", [("file", "client-data.yaml"), ("text", text)])
        #expect(reply.status == 200)
        let json = try reply.json()
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let first = try #require(diagnostics.first)
        #expect(first["code"] as? String == "cel.undefined-field")
        #expect(first["line"] as? Int == 19 && first["column"] as? Int == 26)
        #expect(first["fix"] as? String == "classification")
        let utf16 = Array(text.utf16)
        let from = try #require(first["from"] as? Int), to = try #require(first["to"] as? Int)
        #expect(String(decoding: utf16[from..<to], as: UTF16.self) == "clasification")
        #expect(json["compiles"] as? Bool == false)
    }

    @Test("offsets count UTF-16 units, as a textarea does, after multibyte text")
    func offsets() {
        let text = "é日👩‍👩‍👧x"
        let bytes = Array(text.utf8)
        let offset = bytes.count - 1
        let offsets = UTF16Offsets(bytes, at: [offset, 0, 999])
        #expect(offsets[offset] == text.utf16.count - 1)
        #expect(offsets[0] == 0)
        #expect(offsets[999] == text.utf16.count)
    }

    @Test("a fix is offered only for a span that is one name", arguments: [
        ("did you mean 'forbid'?", "forbidd", "forbid"), ("did you mean 'forbid'?", "event.forbidd", nil),
        ("use the company app", "forbidd", nil), ("did you mean 'x'?", "x", nil),
    ])
    func fixes(hint: String, spanText: String, expected: String?) {
        let file = SourceFile(path: "p.yaml", text: "key: \(spanText)\n")
        let span = SourceSpan(file: file, range: SourceRange(start: 5, end: 5 + spanText.utf8.count))
        let diagnostic = Diagnostic(code: .policyUnknownKey, message: "m", span: span, hint: hint)
        #expect(EditorDiagnostics.fix(diagnostic, span: span) == expected)
    }

    @Test("save writes the file; a second save at the old version is refused with the difference")
    func conflict() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let original = try fixture.text("client-data.yaml")
        let version = PolicyFileStore.digest(Array(original.utf8))
        let edited = original.replacingOccurrences(of: "title: Client artifacts", with: "title: Client files")
        let saved = try await fixture.change("/api/save", [("file", "client-data.yaml"), ("text", edited), ("version", version)])
        #expect(saved.status == 200, "\(saved.body)")
        #expect(try fixture.text("client-data.yaml") == edited)
        #expect(try saved.json()["version"] as? String == PolicyFileStore.digest(Array(edited.utf8)))
        let mine = original.replacingOccurrences(of: "owner: legal@example.com", with: "owner: dpo@example.com")
        let refused = try await fixture.change("/api/save", [("file", "client-data.yaml"), ("text", mine), ("version", version)])
        #expect(refused.status == 409)
        let json = try refused.json()
        #expect(json["text"] as? String == edited)
        let diff = try #require(json["diff"] as? String)
        #expect(diff.contains("<del class=\"diff-removed\">- title: Client artifacts"))
        #expect(diff.contains("<ins class=\"diff-added\">+ title: Client files"))
        #expect(try fixture.text("client-data.yaml") == edited)
    }

    @Test("a text that does not compile is saved only when the author confirms")
    func invalid() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let original = try fixture.text("client-data.yaml")
        let version = PolicyFileStore.digest(Array(original.utf8))
        let broken = original.replacingOccurrences(of: "enforcement: block", with: "enforcement: blok")
        let refused = try await fixture.change("/api/save", [("file", "client-data.yaml"), ("text", broken), ("version", version)])
        #expect(refused.status == 422)
        #expect(try refused.json()["first"] as? String ?? "" == "client-data.yaml:16:18: 'enforcement' must be one of audit, warn, block; found 'blok'")
        #expect(try fixture.text("client-data.yaml") == original)
        let confirmed = try await fixture.change(
            "/api/save", [("file", "client-data.yaml"), ("text", broken), ("version", version), ("confirm", "1")])
        #expect(confirmed.status == 200)
        #expect(try fixture.text("client-data.yaml") == broken)
        let list = try await fixture.send(.get, "/policies")
        #expect(list.body.contains("The policies do not compile"))
    }

    @Test("a new policy file is created inside the folder, and only once")
    func create() async throws {
        let fixture = try StudioFixture()
        defer { fixture.remove() }
        let page = try await fixture.send(.get, "/edit?file=drafts-policy.yaml&new=1")
        #expect(page.status == 200)
        #expect(page.body.contains("policy: drafts-policy"))
        let text = StudioHandlers.newPolicy(named: "drafts-policy.yaml")
        let created = try await fixture.change("/api/save", [("file", "drafts-policy.yaml"), ("text", text), ("version", "new")])
        #expect(created.status == 200, "\(created.body)")
        #expect(try fixture.text("drafts-policy.yaml") == text)
        let again = try await fixture.change("/api/save", [("file", "drafts-policy.yaml"), ("text", text), ("version", "new")])
        #expect(again.status == 409)
        let tests = try await fixture.send(.get, "/tests?policy=drafts-policy")
        #expect(tests.body.contains("2 passed, 0 failed"), "\(tests.body)")
    }

    @Test("LineDiff aligns changed lines and folds long unchanged runs")
    func diff() {
        let old = (1...20).map { "line \($0)" }.joined(separator: "\n")
        let new = old.replacingOccurrences(of: "line 10", with: "line ten") + "\nline 21"
        let diff = LineDiff(from: old, to: new)
        #expect(diff.lines.filter { $0.kind == .removed }.map(\.text) == ["line 10"])
        #expect(diff.lines.filter { $0.kind == .added }.map(\.text) == ["line ten", "line 21"])
        let html = diff.html()
        #expect(html.contains("… 6 unchanged lines"))
        #expect(!LineDiff(from: old, to: old).hasChanges)
    }
}
