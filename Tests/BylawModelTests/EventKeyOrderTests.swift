import BylawModel
import Testing

/// The scanner guesses each key from the key at the same position in earlier lines: a line
/// read after others must come out exactly as it does from a fresh scanner, whatever the
/// earlier lines were.
@Suite("UsageEventScanner: keys guessed from earlier lines")
struct EventKeyOrderTests {
    /// What a line gives: the outcome, the fields present, and every field's value as text.
    struct Reading: Equatable {
        var outcome: UsageEventScanner.Outcome
        var present: UsageEventFields
        var values: [String]
        var tokens: [Int64]
        var costAmount: Double
        var timestamp: EventTimestamp?

        init(_ outcome: UsageEventScanner.Outcome, _ event: UsageEvent) {
            self.outcome = outcome
            if case .event = outcome {
                present = event.present
                values = UsageEventField.allCases.map { event.string($0) }
                tokens = [event.tokensIn, event.tokensOut]
                costAmount = event.costAmount
                timestamp = event.timestamp
            } else {
                present = UsageEventFields()
                values = []
                tokens = []
                costAmount = 0
                timestamp = nil
            }
        }
    }

    /// `line` read by a scanner that has read `before` first, and by a fresh scanner.
    func readings(_ line: String, after before: [String], fields: UsageEventFields = .all) -> (warm: Reading, fresh: Reading) {
        var scanner = UsageEventScanner(fields: fields)
        var event = UsageEvent()
        for (number, earlier) in before.enumerated() { _ = scanner.scan(earlier, lineNumber: number + 1, into: &event) }
        let warm = Reading(scanner.scan(line, lineNumber: 9, into: &event), event)
        var freshScanner = UsageEventScanner(fields: fields)
        var freshEvent = UsageEvent()
        let fresh = Reading(freshScanner.scan(line, lineNumber: 9, into: &freshEvent), freshEvent)
        return (warm, fresh)
    }

    static let base = #"{"id":"evt-1","time":"2026-03-01T09:30:00Z","kind":"upload","user":"alice","tokens":{"in":12,"out":3},"cost":{"amount":0.5,"currency":"EUR"},"artifact":{"type":"pdf","classification":"client"},"category":"drafting"}"#

    static let cases: [(String, String)] = [
        ("same keys, other order", #"{"kind":"prompt","id":"evt-2","user":"bob","time":"2026-03-01T09:31:00Z","category":"research","tokens":{"out":4,"in":5}}"#),
        ("a longer name starting like the guessed one", #"{"ids":"x","id":"evt-3","kinds":"y","kind":"share","users":1,"user":"carol"}"#),
        ("a shorter name ending where the guessed one goes on", #"{"i":"x","kin":"y","use":"z","kind":"share"}"#),
        ("spaces around the colon", #"{ "id" : "evt-4" , "time" :"2026-03-01T09:30:00Z","kind": "upload" }"#),
        ("an escaped name", #"{"\u0069d":"evt-5","\u006bind":"upload","us\u0065r":"dan"}"#),
        ("nested keys in another order", #"{"id":"evt-6","cost":{"currency":"USD","amount":2},"artifact":{"classification":"public","type":"txt"}}"#),
        ("a duplicate of a guessed key", #"{"id":"evt-7","time":"2026-03-01T09:30:00Z","kind":"upload","kind":"share"}"#),
        ("a duplicate nested key", #"{"id":"evt-8","tokens":{"in":1,"in":2}}"#),
        ("a wrong type under a guessed key", #"{"id":"evt-9","time":"2026-03-01T09:30:00Z","kind":7}"#),
        ("a guessed key without its colon", #"{"id" "evt-10"}"#),
        ("a short line", #"{"id":"e"}"#),
        ("an empty object", "{}"),
        ("unknown keys where known ones were", #"{"xx":"evt-1","time":"2026-03-01T09:30:00Z","note":{"kind":"upload"},"user":"alice"}"#),
        ("a known key where an unknown one was", #"{"id":"evt-11","note":"n","kind":"upload"}"#),
        ("the name broken by the end of the line", #"{"id":"evt-12","kin"#),
        ("null under a guessed key", #"{"id":null,"time":null,"kind":"upload","user":null}"#),
    ]

    @Test(arguments: 0..<cases.count)
    func readsAsFromAFreshScanner(_ index: Int) {
        let (name, line) = Self.cases[index]
        let earlier = [Self.base, #"{"ids":"x","note":{"kind":"upload"},"id":"evt-0"}"#, Self.base]
        let (warm, fresh) = readings(line, after: earlier)
        #expect(warm == fresh, "\(name)")
        // And after every other case, in turn.
        for (_, other) in Self.cases {
            let (warm, fresh) = readings(line, after: [Self.base, other])
            #expect(warm == fresh, "\(name) after \(other)")
        }
    }

    @Test func narrowedFieldsReadTheSameWarmAsFresh() {
        let fields = UsageEventFields([.kind, .user, .artifactClassification])
        for (name, line) in Self.cases {
            let (warm, fresh) = readings(line, after: [Self.base, Self.base], fields: fields)
            #expect(warm == fresh, "\(name)")
        }
    }

    @Test func theGuessIsUsedAndStillReadsEveryValue() {
        // The same key order on every line (the common stream): values differ line to line.
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        for number in 1...5 {
            let line = #"{"id":"evt-\#(number)","kind":"upload","user":"user-\#(number)","tokens":{"in":\#(number),"out":\#(number * 2)}}"#
            #expect(scanner.scan(line, lineNumber: number, into: &event) == .event)
            #expect(event.id == "evt-\(number)")
            #expect(event.user == "user-\(number)")
            #expect(event.tokensIn == Int64(number))
            #expect(event.tokensOut == Int64(number * 2))
        }
    }
}
