import Testing
@testable import BylawSource

@Suite("Diagnostic printer")
struct DiagnosticPrinterTests {
    let file = SourceFile(path: "Policies/p.yaml", text: "policy: p\nrules:\n  - id: r\n    forbid: x\n    forbid: y\n")

    @Test("compiler-style header, excerpt, caret, note and hint")
    func fullDiagnostic() {
        let diagnostic = Diagnostic.error(
            DiagnosticCode(unregistered: "yaml.duplicate-key"), "duplicate key 'forbid'", in: file, at: SourceRange(start: 45, end: 51),
            notes: [DiagnosticNote("first 'forbid' is here", at: SourceSpan(file: file, range: SourceRange(start: 31, end: 37)))],
            hint: "a mapping holds each key once")
        let expected = """
            Policies/p.yaml:5:5: error: duplicate key 'forbid' [yaml.duplicate-key]
                5 │     forbid: y
                  │     ^~~~~~
            Policies/p.yaml:4:5: note: first 'forbid' is here
                4 │     forbid: x
                  │     ^~~~~~
                  = hint: a mapping holds each key once

            """
        #expect(DiagnosticPrinter().render(diagnostic) == expected)
    }

    @Test("carets align under wide characters and keep tabs")
    func wideCharacters() {
        let wide = SourceFile(path: "w.yaml", text: "t:\t日本 oops\n")
        let start = Array("t:\t日本 ".utf8).count
        let rendered = DiagnosticPrinter().render(.error(.inputUnreadable, "bad", in: wide, at: SourceRange(start: start, end: start + 4)))
        #expect(rendered.contains("\n      │   \t     ^~~~\n"))
    }

    @Test("a diagnostic without a position names the file")
    func pathOnly() {
        let diagnostic = Diagnostic(code: .inputUnreadable, message: "cannot read 'x.yaml'", path: "x.yaml")
        #expect(DiagnosticPrinter().render(diagnostic) == "x.yaml: error: cannot read 'x.yaml' [input.unreadable]\n")
    }

    @Test("colour only when asked, and NO_COLOR wins")
    func colour() {
        let diagnostic = Diagnostic.error(.inputUnreadable, "m", in: file, at: .at(0))
        #expect(DiagnosticPrinter(style: .ansi).render(diagnostic).contains("\u{1B}["))
        #expect(!DiagnosticPrinter(style: .plain).render(diagnostic).contains("\u{1B}["))
        #expect(!TextStyle.forStream(fileDescriptor: 1, environment: ["NO_COLOR": "1"]).colored)
        #expect(!TextStyle.forStream(fileDescriptor: 1, environment: ["TERM": "dumb"]).colored)
    }

    @Test("a run is sorted by file and position and capped")
    func sortAndCap() {
        var bag = DiagnosticBag()
        bag.append(.error(.inputTooLarge, "third", in: file, at: .at(40)))
        bag.append(.error(.inputUnreadable, "first", in: file, at: .at(0)))
        bag.append(.warning(.inputTooDeep, "second", in: file, at: .at(12)))
        let (shown, omitted) = bag.sorted(limit: 2)
        #expect(shown.map(\.message) == ["first", "second"])
        #expect(omitted == 1)
        #expect(DiagnosticPrinter().render(bag, limit: 2).contains("… and 1 more diagnostic not shown"))
        #expect(bag.errorCount == 2 && bag.warningCount == 1)
    }
}

@Suite("Did you mean")
struct DidYouMeanTests {
    @Test("close names are suggested, far ones are not", arguments: [
        ("forbd", "forbid"), ("requre", "require"), ("enforcment", "enforcement"), ("Forbid", "forbid"), ("hitn", "hint"),
    ])
    func suggestions(typo: String, expected: String) {
        let keys = ["id", "on", "for", "where", "forbid", "require", "enforcement", "message", "hint"]
        #expect(DidYouMean.suggest(typo, from: keys) == expected)
    }

    @Test("nothing is suggested for an unrelated name")
    func unrelated() {
        #expect(DidYouMean.suggest("banana", from: ["forbid", "require"]) == nil)
    }
}
