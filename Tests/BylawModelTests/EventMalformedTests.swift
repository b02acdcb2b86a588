import BylawModel
import Testing

@Suite("UsageEventScanner: malformed lines, with line and column")
struct EventMalformedTests {
    /// Each line marks with 1️⃣ where the problem must be reported.
    @Test(arguments: [
        (#"1️⃣[1,2]"#, StreamIssueCode.notAnObject, nil as UsageEventField?),
        (#"1️⃣42"#, .notAnObject, nil),
        (#"  1️⃣"text""#, .notAnObject, nil),
        (#"1️⃣null"#, .notAnObject, nil),
        (#"{"user":"alice"1️⃣"#, .invalidJSON, nil),
        (#"{"user":"alice" 1️⃣"org":"us"}"#, .invalidJSON, nil),
        (#"{"user":"alice",1️⃣}"#, .invalidJSON, nil),
        (#"{1️⃣user:"alice"}"#, .invalidJSON, nil),
        (#"{"user" 1️⃣"alice"}"#, .invalidJSON, nil),
        (#"{"user":1️⃣'alice'}"#, .invalidJSON, nil),
        (#"{"user":"alice"}1️⃣{"user":"bob"}"#, .invalidJSON, nil),
        (#"{"user":"alice"} 1️⃣x"#, .invalidJSON, nil),
        (#"{"x":1️⃣tru}"#, .invalidJSON, nil),
        (#"{"x":[1,2 1️⃣3]}"#, .invalidJSON, nil),
        (#"{"x":[1,1️⃣]}"#, .invalidJSON, nil),
        (#"{"x":{"a" 1️⃣1}}"#, .invalidJSON, nil),
        (#"{"user":"al1️⃣"#, .invalidJSON, nil),
        ("{\"user\":\"a1️⃣\tb\"}", .invalidJSON, nil),
        (#"{"tokens":1️⃣"many"}"#, .wrongType, .tokens),
        (#"{"tokens":{"in":1️⃣"12"}}"#, .wrongType, .tokensIn),
        (#"{"tokens":{"in":1️⃣true}}"#, .wrongType, .tokensIn),
        (#"{"user":1️⃣7}"#, .wrongType, .user),
        (#"{"kind":1️⃣["upload"]}"#, .wrongType, .kind),
        (#"{"artifact":1️⃣"pdf"}"#, .wrongType, .artifact),
        (#"{"cost":{"amount":1️⃣"0.12"}}"#, .wrongType, .costAmount),
        (#"{"target":{"org":1️⃣{"id":"eu"}}}"#, .wrongType, .targetOrg),
        (#"{"destination":{"app":1️⃣false}}"#, .wrongType, .destinationApp),
        (#"{"user":"a",1️⃣"user":"b"}"#, .duplicateField, .user),
        (#"{"user":null,1️⃣"user":"b"}"#, .duplicateField, .user),
        (#"{"tokens":{"in":1,1️⃣"in":2}}"#, .duplicateField, .tokensIn),
        (#"{"time":1️⃣"soon"}"#, .invalidValue, .time),
    ])
    func problemIsAtTheMarker(_ line: String, _ code: StreamIssueCode, _ field: UsageEventField?) {
        let (text, column) = marked(line)
        let found = issue(text)
        #expect(found?.code == code, "\(text)")
        #expect(found?.column == column, "\(text): \(found?.message ?? "accepted")")
        #expect(found?.field == field, "\(text)")
        #expect(found?.line == 1)
    }

    @Test func aDuplicateIsReportedAtItsSecondOccurrence() {
        let (text, column) = marked(#"{"note":"café","id":"x",1️⃣"id":"y"}"#)
        let found = issue(text)
        #expect(found?.code == .duplicateField)
        #expect(found?.column == column)
        #expect(found?.message == "field 'id' appears twice")
    }

    @Test func wrongTypeMessagesNameTheFieldAndWhatWasFound() {
        let found = issue(#"{"tokens":"many"}"#)
        #expect(found?.message == #"field 'tokens' must be an object, found a string "many""#)
        #expect(found?.description == #"1:11: field 'tokens' must be an object, found a string "many" [stream.wrong-type]"#)
    }

    @Test func aBrokenValueOfAKnownFieldIsInvalidJSONNotAWrongType() {
        #expect(issue(#"{"tokens":"many}"#)?.code == .invalidJSON)
        #expect(issue(#"{"tokens":tru}"#)?.code == .invalidJSON)
    }

    @Test func columnsCountCharactersNotBytes() {
        let (text, column) = marked(#"{"note":"日本語 👩‍👩‍👧 é","user":1️⃣5}"#)
        let found = issue(text)
        #expect(found?.code == .wrongType)
        #expect(found?.column == column)
        #expect(found?.byteInLine == text.utf8.count - 2)
    }

    @Test func deepNestingInAnUnknownFieldIsCappedNotCrashing() {
        let deep = String(repeating: "[", count: 100_000)
        let found = issue(#"{"x":\#(deep)"#)
        #expect(found?.code == .tooDeep)
        #expect(found?.column == 5 + UsageEventScanner.defaultMaxDepth)
        let objects = String(repeating: #"{"a":"#, count: 10_000)
        #expect(issue(#"{"x":\#(objects)1"#)?.code == .tooDeep)
    }

    @Test func nestingUpToTheLimitIsAccepted() {
        // The line's object is level 1, so an unknown value may open maxDepth - 1 levels.
        let ok = #"{"x":"# + String(repeating: "[", count: 7) + String(repeating: "]", count: 7) + "}"
        #expect(scanEvent(ok, maxDepth: 8).0 == .event)
        let over = #"{"x":"# + String(repeating: "[", count: 8) + String(repeating: "]", count: 8) + "}"
        #expect(issue(over, maxDepth: 8)?.code == .tooDeep)
        #expect(issue(#"{"tokens":{}}"#, maxDepth: 1)?.code == .tooDeep)
    }

    @Test func aTooLongLineIsMalformed() {
        let bytes = Array(repeating: UInt8(ascii: "x"), count: 8)
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        let outcome = bytes.withUnsafeBufferPointer {
            scanner.scan(StreamLine(number: 9, offset: 100, bytes: $0, isTooLong: true, maxLineLength: 8), into: &event)
        }
        guard case .malformed(let found) = outcome else { return #expect(Bool(false)) }
        #expect(found.code == .lineTooLong)
        #expect(found.line == 9)
        #expect(found.column == 1)
        #expect(found.message.contains("8 bytes"))
    }

    @Test func everyCodeIsDocumented() throws {
        let docs = try String(contentsOfFile: packageRoot + "/docs/usage-events.md", encoding: .utf8)
        for code in StreamIssueCode.allCases {
            #expect(docs.contains("`\(code.id)`"), "\(code.id)")
        }
    }
}
