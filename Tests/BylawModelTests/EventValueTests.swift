import BylawModel
import Testing

@Suite("UsageEventScanner: strings, numbers, times")
struct EventValueTests {
    @Test(arguments: [
        (#"a\nb"#, "a\nb"), (#"say \"hi\""#, "say \"hi\""), (#"caf\u00e9"#, "café"), (#"\u00E9"#, "é"),
        (#"\ud83d\ude00"#, "😀"), (#"\uD834\uDD1E!"#, "𝄞!"), (#"a\\b\/c"#, "a\\b/c"), (#"\b\f\r\t"#, "\u{8}\u{C}\r\t"),
        (#"\u0000"#, "\u{0}"), (#"\u65e5本"#, "日本"), ("plain", "plain"), ("", ""),
    ])
    func escapesAreDecoded(_ written: String, _ decoded: String) {
        let (outcome, event) = scanEvent(#"{"user":"\#(written)"}"#)
        #expect(outcome == .event)
        #expect(event.user == decoded)
        #expect(event.field(.user, equals: Array(decoded.utf8)))
    }

    @Test func escapedNamesStillNameTheirField() {
        let (outcome, event) = scanEvent(#"{"\u0075ser":"alice","tok\u0065ns":{"\u0069n":4}}"#)
        #expect(outcome == .event)
        #expect(event.user == "alice")
        #expect(event.tokensIn == 4)
    }

    @Test(arguments: [
        (#"\x"#, 7), (#"\u12"#, 7), (#"\uZZZZ"#, 7), (#"\ud800"#, 7), (#"\ud800x"#, 7), (#"\udc00"#, 7),
        (#"ok\ud800\u0041"#, 15), (#"\"#, 0),
    ])
    func invalidEscapes(_ written: String, _ byte: Int) {
        let found = issue(#"{"id":"\#(written)"}"#)
        #expect(found?.code == .invalidJSON)
        if byte > 0 { #expect(found?.byteInLine == byte) }
    }

    @Test func invalidUTF8InsideAStringIsReportedAtTheByte() {
        let cases: [[UInt8]] = [[0xFF], [0xC3], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]]
        for bad in cases {
            let bytes = Array(#"{"user":"é"#.utf8) + bad + Array(#"x"}"#.utf8)
            var scanner = UsageEventScanner()
            var event = UsageEvent()
            let outcome = bytes.withUnsafeBufferPointer { scanner.scan(StreamLine(number: 3, offset: 0, bytes: $0), into: &event) }
            guard case .malformed(let found) = outcome else {
                Issue.record("accepted \(bad)")
                continue
            }
            #expect(found.code == .invalidUTF8)
            #expect(found.line == 3)
            #expect(found.byteInLine == 11)
            #expect(found.column == 11, "é counts as one column")
        }
    }

    @Test func invalidUTF8OutsideStrings() {
        let bytes = Array(#"{"user":"a","#.utf8) + [0xFE] + Array("}".utf8)
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        let outcome = bytes.withUnsafeBufferPointer { scanner.scan(StreamLine(number: 1, offset: 0, bytes: $0), into: &event) }
        guard case .malformed(let found) = outcome else { return #expect(Bool(false)) }
        #expect(found.code == .invalidUTF8)
        #expect(found.column == 13)
    }

    @Test(arguments: [
        ("0", 0), ("7", 7), ("-12", -12), ("1200", 1200), ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ])
    func integers(_ written: String, _ value: Int64) {
        let (outcome, event) = scanEvent(#"{"tokens":{"in":\#(written),"out":\#(written)}}"#)
        #expect(outcome == .event)
        #expect(event.tokensIn == value)
        #expect(event.tokensOut == value)
    }

    @Test(arguments: ["9223372036854775808", "-9223372036854775809", "123456789012345678901234567890"])
    func integerOverflowIsOutOfRange(_ written: String) {
        let found = issue(#"{"tokens":{"in":\#(written)}}"#)
        #expect(found?.code == .numberOutOfRange)
        #expect(found?.field == .tokensIn)
        #expect(found?.column == 17)
    }

    @Test(arguments: ["1.0", "1e3", "2.5", "-0.5E+2"])
    func fractionsAndExponentsAreNotIntegers(_ written: String) {
        let found = issue(#"{"tokens":{"out":\#(written)}}"#)
        #expect(found?.code == .wrongType)
        #expect(found?.field == .tokensOut)
        #expect(found?.message.contains("tokens.out") == true)
    }

    @Test(arguments: [
        ("0", 0.0), ("12", 12.0), ("-3.25", -3.25), ("0.0123", 0.0123), ("1e3", 1000.0), ("1E-2", 0.01), ("2.5e+1", 25.0),
        ("123456789012345678901234", 1.2345678901234568e23), ("1e300", 1e300), ("5e-324", Double.leastNonzeroMagnitude), ("0.1", 0.1),
        ("3.141592653589793238462643383279", 3.141592653589793),
    ])
    func decimals(_ written: String, _ value: Double) {
        let (outcome, event) = scanEvent(#"{"cost":{"amount":\#(written),"currency":"EUR"}}"#)
        #expect(outcome == .event)
        #expect(event.costAmount == value)
        #expect(event.string(.costAmount) == written)
    }

    @Test func hugeDecimalIsOutOfRange() {
        let found = issue(#"{"cost":{"amount":1e400}}"#)
        #expect(found?.code == .numberOutOfRange)
        #expect(found?.field == .costAmount)
    }

    @Test(arguments: ["01", "-", "1.", ".5", "1e", "1e+", "+1", "0x10", "--1", "1.e3", "NaN", "Infinity"])
    func invalidNumbers(_ written: String) {
        #expect(issue(#"{"cost":{"amount":\#(written)}}"#)?.code == .invalidJSON, "amount \(written)")
        #expect(issue(#"{"other":\#(written)}"#)?.code == .invalidJSON, "unknown \(written)")
    }

    @Test(arguments: [
        ("2026-03-01T09:30:00Z", 1_772_357_400, 0), ("2026-03-01t09:30:00z", 1_772_357_400, 0),
        ("2026-03-01T10:30:00+01:00", 1_772_357_400, 0), ("2026-03-01T04:00:00-05:30", 1_772_357_400, 0),
        ("1970-01-01T00:00:00.5Z", 0, 500_000_000), ("2024-02-29T23:59:59.123456789Z", 1_709_251_199, 123_456_789),
        ("1969-12-31T23:59:59Z", -1, 0),
    ])
    func times(_ written: String, _ seconds: Int64, _ nanos: Int32) {
        let (outcome, event) = scanEvent(#"{"time":"\#(written)"}"#)
        #expect(outcome == .event)
        #expect(event.timestamp == EventTimestamp(seconds: seconds, nanos: nanos))
        #expect(event.string(.time) == written)
        #expect(EventTimestamp(rfc3339: written) == EventTimestamp(seconds: seconds, nanos: nanos))
    }

    @Test(arguments: [
        "2026-03-01", "2026-03-01T09:30:00", "2026-02-30T00:00:00Z", "2025-02-29T00:00:00Z", "2026-13-01T00:00:00Z",
        "2026-03-01T24:00:00Z", "2026-03-01 09:30:00Z", "2026-03-01T09:30:00.Z", "2026-03-01T09:30:00.1234567891Z",
        "2026-03-01T09:30:00+0100", "yesterday", "",
    ])
    func invalidTimes(_ written: String) {
        let found = issue(#"{"id":"e","time":"\#(written)"}"#)
        #expect(found?.code == .invalidValue)
        #expect(found?.field == .time)
        #expect(found?.column == 18)
    }

    @Test func escapedTimeIsDecodedBeforeParsing() {
        let (outcome, event) = scanEvent(#"{"time":"2026-03-01T09:30:00\u005A"}"#, fields: UsageEventFields())
        #expect(outcome == .event)
        #expect(event.timestamp?.seconds == 1_772_357_400)
    }
}
