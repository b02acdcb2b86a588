import BylawEval
import BylawPolicy
import BylawReport
import BylawSource
import Testing

@Suite struct FindingNDJSONTests {
    @Test func lineIsTheCompactJSONOfEveryFixtureFinding() {
        for finding in ReportFixture.findings {
            #expect(finding.ndjsonLine == finding.jsonValue.compact + "\n")
        }
    }

    @Test func lineMatchesWithoutHintIdOrLocation() {
        let rule = ReportFixture.consumerChat
        let findings = [
            Finding(rule: rule, message: "tab\there \u{2028} \\ \"q\"", inputPath: "a\"b.ndjson", event: EventReference(line: 3, id: nil)),
            Finding(rule: rule, kind: .evaluationError, message: "", hint: "h\u{1}", inputPath: "x"),
        ]
        for finding in findings {
            #expect(finding.ndjsonLine == finding.jsonValue.compact + "\n")
        }
    }

    /// The sink keeps each rule's encoded pieces from one finding to the next; a finding that
    /// differs in any of them (kind, enforcement, hint, path) must still be written exactly.
    @Test(arguments: [false, true])
    func sinkReusesPiecesOnlyWhereTheyStillApply(asBytes: Bool) {
        let rule = ReportFixture.consumerChat
        let event = EventReference(line: 7, id: "e\"7")
        let findings = [
            Finding(rule: rule, message: "first", hint: "use the app", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "same rule, same hint", hint: "use the app", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "another hint", hint: "other \u{2028} hint", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "no hint", inputPath: "b\\path.ndjson", event: event),
            Finding(rule: rule, kind: .evaluationError, message: "error kind", hint: "use the app", inputPath: "b\\path.ndjson"),
            Finding(rule: rule, enforcement: .audit, message: "audit", hint: "use the app", inputPath: "a.ndjson", event: event),
            Finding(rule: rule, message: "back to the first", hint: "use the app", inputPath: "a.ndjson", event: event),
        ] + ReportFixture.findings + ReportFixture.findings
        let text = ReportBuffer()
        var bytes: [UInt8] = []
        let sink = NDJSONReport(output: text.output, bytes: asBytes ? { bytes.append(contentsOf: $0) } : nil)
        for finding in findings { sink.emit(finding) }
        let written = asBytes ? String(decoding: bytes, as: UTF8.self) : text.text
        #expect(written == findings.map { $0.jsonValue.compact + "\n" }.joined())
        #expect(asBytes ? text.text.isEmpty : bytes.isEmpty)
    }

    /// Random sequences of findings through the sink, against encoding each finding alone.
    /// The pools hold texts that Swift's `==` calls equal but whose bytes differ (`é` composed
    /// and decomposed): a piece is reused only for the very same bytes.
    @Test(arguments: [false, true])
    func randomSequencesMatchEncodingEachFindingAlone(asBytes: Bool) {
        let composed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let files = [ReportFixture.workspace, SourceFile(path: "ws/\(composed).yaml", text: "a: 1\n"),
                     SourceFile(path: "ws/\(decomposed).yaml", text: "a: 1\n")]
        // Rule ids are ASCII once compiled, but a descriptor can be made by hand.
        let rules = ReportFixture.rules + [ReportFixture.rule("data", "consumer-chat", "Same id, other policy", .warn),
                                           ReportFixture.rule("data", composed, "Composed", .warn),
                                           ReportFixture.rule("data", decomposed, "Decomposed", .warn)]
        // U+212A KELVIN SIGN is canonically equivalent to an ASCII K.
        let hints: [String?] = [nil, "use the app", "", composed, decomposed, "tab\there \u{2028}", "0 K", "0 \u{212A}"]
        let paths = ["a.ndjson", "logs/\(composed).ndjson", "logs/\(decomposed).ndjson", ReportFixture.streamPath, "K.ndjson", "\u{212A}.ndjson"]
        var seed: UInt64 = 0x5EED
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var findings: [Finding] = []
        for _ in 0..<600 {
            let rule = rules[next(rules.count)]
            let file = files[next(files.count)]
            let location = next(3) == 0 ? SourceSpan(file: file, range: .at(next(file.bytes.count))) : nil
            let event = next(3) == 0 ? nil : EventReference(line: next(100), id: next(2) == 0 ? nil : hints[next(hints.count)])
            findings.append(Finding(
                rule: rule, kind: next(5) == 0 ? .evaluationError : .violation,
                enforcement: next(4) == 0 ? [.block, .warn, .audit][next(3)] : nil,
                message: next(2) == 0 ? composed : decomposed, hint: hints[next(hints.count)],
                inputPath: paths[next(paths.count)], location: location, event: event))
        }
        let text = ReportBuffer()
        var bytes: [UInt8] = []
        let sink = NDJSONReport(output: text.output, bytes: asBytes ? { bytes.append(contentsOf: $0) } : nil)
        for finding in findings { sink.emit(finding) }
        let written = (asBytes ? String(decoding: bytes, as: UTF8.self) : text.text).split(separator: "\n").map { Array($0.utf8) }
        let expected = findings.map { Array($0.jsonValue.compact.utf8) }
        #expect(written.count == expected.count)
        // Compared as bytes: `==` on strings would take `é` composed and decomposed as equal.
        if let line = zip(written, expected).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record("line \(line + 1) differs:\n\(String(decoding: written[line], as: UTF8.self).unicodeScalars.map { $0.escaped(asASCII: true) }.joined())\nexpected\n\(String(decoding: expected[line], as: UTF8.self).unicodeScalars.map { $0.escaped(asASCII: true) }.joined())")
        }
    }
}
