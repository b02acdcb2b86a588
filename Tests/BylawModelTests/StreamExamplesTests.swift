import BylawModel
import Testing

@Suite("Examples/usage streams")
struct StreamExamplesTests {
    /// Every line of a file as `LINE:outcome` (`event`, `blank`, or the `StreamIssue` code).
    private func outcomes(_ name: String) throws -> [String] {
        let reader = try UsageStreamReader(path: packageRoot + "/Examples/usage/" + name)
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        var seen: [String] = []
        try reader.forEachLine { line in
            switch scanner.scan(line, into: &event) {
            case .event: seen.append("\(line.number):event")
            case .blank: seen.append("\(line.number):blank")
            case .malformed(let issue): seen.append("\(issue.line):\(issue.code.id)")
            }
        }
        return seen
    }

    @Test func everyExampleEventIsValid() throws {
        let seen = try outcomes("examples.ndjson")
        #expect(seen.count == 40)
        #expect(seen.allSatisfy { $0.hasSuffix(":event") }, "\(seen.filter { !$0.hasSuffix(":event") })")
    }

    @Test func theExamplesCoverEveryKindScopeAndClassification() throws {
        let reader = try UsageStreamReader(path: packageRoot + "/Examples/usage/examples.ndjson")
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        var kinds = Set<String>(), scopes = Set<String>(), classes = Set<String>(), currencies = Set<String>()
        try reader.forEachLine { line in
            guard scanner.scan(line, into: &event) == .event else { return }
            kinds.insert(event.string(.kind))
            scopes.insert(event.string(.scope))
            currencies.insert(event.string(.costCurrency))
            if event.field(.destinationKind, equals: "consumer-chat") { classes.insert(event.string(.artifactClassification)) }
        }
        #expect(kinds == ["prompt", "upload", "share"])
        #expect(scopes == ["private", "org"])
        #expect(classes.isSuperset(of: ["internal", "client", "patient", "account-number"]))
        #expect(currencies.isSuperset(of: ["USD", "EUR"]))
    }

    @Test func theBrokenStreamIsAccountedLineByLine() throws {
        let seen = try outcomes("broken.ndjson")
        #expect(seen == [
            "1:event", "2:stream.invalid-json", "3:stream.not-an-object", "4:event", "5:stream.wrong-type",
            "6:stream.wrong-type", "7:blank", "8:stream.invalid-value", "9:stream.number-out-of-range",
            "10:stream.duplicate-field", "11:stream.invalid-utf8", "12:event", "13:stream.too-deep",
            "14:stream.invalid-json", "15:blank", "16:stream.invalid-json", "17:event", "18:stream.invalid-json",
            "19:event", "20:event",
        ])
    }
}
