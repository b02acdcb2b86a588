import BylawModel
import Testing

@Suite("UsageEventScanner: valid events")
struct EventScannerTests {
    static let full = """
        {"id":"evt-1","time":"2026-03-01T09:30:00Z","kind":"upload","user":"alice","org":"us-legal",\
        "scope":"org","app":"chat-free","provider":"openai","model":"gpt-4o-mini","tokens":{"in":1200,"out":350},\
        "cost":{"amount":0.0123,"currency":"USD"},"subscription":"sub-us-chat",\
        "artifact":{"type":"pdf","classification":"client"},"destination":{"kind":"consumer-chat","app":"chat-free"},\
        "category":"drafting","target":{"scope":"private","org":"eu","user":"bob"}}
        """

    @Test func everyFieldIsRead() {
        let (outcome, event) = scanEvent(Self.full)
        #expect(outcome == .event)
        #expect(event.present == .all)
        let expected: [UsageEventField: String] = [
            .id: "evt-1", .time: "2026-03-01T09:30:00Z", .kind: "upload", .user: "alice", .org: "us-legal",
            .scope: "org", .app: "chat-free", .provider: "openai", .model: "gpt-4o-mini", .subscription: "sub-us-chat",
            .category: "drafting", .costCurrency: "USD", .artifactType: "pdf", .artifactClassification: "client",
            .destinationKind: "consumer-chat", .destinationApp: "chat-free", .targetScope: "private", .targetOrg: "eu",
            .targetUser: "bob", .costAmount: "0.0123",
        ]
        for (field, value) in expected {
            #expect(event.string(field) == value, "\(field)")
            #expect(event.field(field, equals: Array(value.utf8)), "\(field)")
        }
        #expect(event.tokensIn == 1200)
        #expect(event.tokensOut == 350)
        #expect(event.costAmount == 0.0123)
        #expect(event.timestamp == EventTimestamp(seconds: 1_772_357_400, nanos: 0))
        #expect(event.kind == .upload)
        #expect(event.scope == .org)
        #expect(event.targetScope == .private)
        #expect(event.field(.user, equals: "alice"))
        #expect(!event.field(.user, equals: "alic"))
        #expect(!event.field(.user, equals: "alicia"))
    }

    @Test func absentFieldsReadAsZeroValues() {
        let (outcome, event) = scanEvent(#"{"id":"e","kind":"prompt"}"#)
        #expect(outcome == .event)
        #expect(event.present == UsageEventFields([.id, .kind]))
        #expect(event.string(.user) == "")
        #expect(event.field(.user, equals: ""))
        #expect(event.tokensIn == 0)
        #expect(event.costAmount == 0)
        #expect(event.timestamp == nil)
        #expect(event.scope == nil)
        #expect(!event.has(.artifact))
        #expect(event.string(.artifactClassification) == "")
    }

    @Test func nullIsAbsentAndEmptyObjectIsPresent() {
        let (outcome, event) = scanEvent(#"{"user":null,"artifact":{},"tokens":{"in":null},"cost":null}"#)
        #expect(outcome == .event)
        #expect(event.present == UsageEventFields([.artifact, .tokens]))
    }

    @Test func theMaskLimitsMaterialisationButNotPresence() {
        let (outcome, event) = scanEvent(Self.full, fields: UsageEventFields([.user, .kind]))
        #expect(outcome == .event)
        #expect(event.present == .all)
        #expect(event.string(.user) == "alice")
        #expect(event.kind == .upload)
        #expect(event.string(.org) == "")
        #expect(event.string(.costAmount) == "")
        #expect(event.tokensIn == 1200, "numbers are cheap and always read")
        #expect(event.timestamp != nil, "time is always validated")
    }

    @Test func unknownFieldsOfAnyShapeAreSkipped() {
        let line = #"{"v":2,"labels":{"a":[1,2.5e3,{"b":null}],"c":true},"user":"bob","x":[],"y":{},"z":"\u00e9","w":false}"#
        let (outcome, event) = scanEvent(line)
        #expect(outcome == .event)
        #expect(event.present == UsageEventFields([.user]))
        #expect(event.user == "bob")
        // Known names nested inside unknown objects are not the event's fields.
        let (_, nested) = scanEvent(#"{"meta":{"user":"mallory","tokens":"x"}}"#)
        #expect(nested.present.isEmpty)
    }

    @Test func knownNamesAreMatchedOnlyAtTheirLevel() {
        let (outcome, event) = scanEvent(#"{"in":5,"tokens":{"id":"x","in":3},"target":{"kind":"upload"}}"#)
        #expect(outcome == .event)
        #expect(event.present == UsageEventFields([.tokens, .tokensIn, .target]))
        #expect(event.tokensIn == 3)
        #expect(event.string(.id) == "")
    }

    @Test func whitespaceAroundTokensIsAllowed() {
        let (outcome, event) = scanEvent(" \t{ \"user\" : \"carol\" , \"tokens\" : { \"in\" : 7 } }\t ")
        #expect(outcome == .event)
        #expect(event.user == "carol")
        #expect(event.tokensIn == 7)
    }

    /// Spaces and tabs only: a CR makes the line malformed (see StreamEdgeCaseTests).
    @Test(arguments: ["", "   ", "\t", " \t "])
    func blankLines(_ text: String) {
        #expect(scanEvent(text).0 == .blank)
    }

    @Test func unknownEnumValuesPassThrough() {
        let (outcome, event) = scanEvent(#"{"kind":"embed","scope":"team","target":{"scope":"org"}}"#)
        #expect(outcome == .event)
        #expect(event.kind == .other)
        #expect(event.string(.kind) == "embed")
        #expect(event.scope == .other)
        #expect(event.targetScope == .org)
    }

    @Test func aReusedEventForgetsThePreviousLine() {
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        #expect(scanner.scan(Self.full, into: &event) == .event)
        #expect(scanner.scan(#"{"id":"second"}"#, into: &event) == .event)
        #expect(event.present == UsageEventFields([.id]))
        #expect(event.id == "second")
        #expect(event.user == "")
        #expect(event.tokensIn == 0)
        #expect(event.timestamp == nil)
    }

    @Test func longStringsAndUnicodeRoundTrip() {
        let long = String(repeating: "x", count: 300) + "é日👩‍👩‍👧"
        let (outcome, event) = scanEvent(#"{"model":"\#(long)"}"#)
        #expect(outcome == .event)
        #expect(event.string(.model) == long)
    }

    @Test func fieldPathsRoundTrip() {
        for field in UsageEventField.allCases {
            #expect(UsageEventField(path: field.path) == field)
        }
        #expect(UsageEventField(path: "tokens.total") == nil)
        #expect(UsageEventField.tokensIn.parent == .tokens)
        #expect(UsageEventField.user.parent == nil)
    }
}
