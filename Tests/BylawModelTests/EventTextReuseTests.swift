@testable import BylawModel
import Testing

/// The scanner copies each line over the start of the event's text, leaving bytes of earlier,
/// longer lines after it: every value must still read as from a fresh scanner, and a copy of
/// an event must keep its own values.
@Suite("UsageEvent: text storage reused from line to line")
struct EventTextReuseTests {
    static let long = #"{"id":"evt-long-\u00e9\u0301","user":"someone-with-a-rather-long-name","note":"\#(String(repeating: "x", count: 300))","kind":"up\u006coad","category":"a\nb"}"#
    static let short = #"{"id":"e\u0032","user":"bo","kind":"share"}"#
    static let longer = #"{"id":"evt-\#(String(repeating: "y", count: 600))","user":"z\"q","kind":"prompt"}"#

    func values(_ event: UsageEvent) -> [String] { UsageEventField.allCases.map { event.string($0) } }

    func fresh(_ line: String) -> [String] {
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        #expect(scanner.scan(line, into: &event) == .event)
        return values(event)
    }

    @Test func everyOrderOfShortLongAndEscapedLinesReadsAsFresh() {
        let lines = [Self.long, Self.short, Self.longer, Self.short, Self.long, Self.longer, Self.short]
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        for (number, line) in lines.enumerated() {
            #expect(scanner.scan(line, lineNumber: number + 1, into: &event) == .event)
            #expect(values(event) == fresh(line), "line \(number + 1)")
        }
        #expect(event.id == "e2")
        #expect(event.user == "bo")
    }

    @Test func aCopyKeepsItsValuesWhileTheScannerGoesOn() {
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        #expect(scanner.scan(Self.long, into: &event) == .event)
        let kept = event
        #expect(scanner.scan(Self.short, into: &event) == .event)
        #expect(scanner.scan(Self.longer, into: &event) == .event)
        #expect(values(kept) == fresh(Self.long))
        #expect(kept.string(.category) == "a\nb")
        #expect(values(event) == fresh(Self.longer))
    }

    @Test func aSlotWrittenOnACopyLeavesTheOriginalAlone() {
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        #expect(scanner.scan(Self.short, into: &event) == .event)
        var copy = event
        // `short` is {"id":"e\u0032","user":"bo",...}: point the copy's user at "id".
        copy.setSlot(.user, start: 2, count: 2)
        #expect(copy.user == "id")
        #expect(event.user == "bo")
        #expect(event.isValidatedUTF8(.user))
        #expect(!copy.isValidatedUTF8(.id))
    }

    @Test func bytesLeftFromALongLineAreBoundedThenDropped() {
        var scanner = UsageEventScanner()
        var event = UsageEvent()
        let huge = #"{"id":"big","note":"\#(String(repeating: "n", count: 20_000))"}"#
        #expect(scanner.scan(huge, into: &event) == .event)
        #expect(event.text.count >= huge.utf8.count)
        #expect(scanner.scan(Self.short, into: &event) == .event)
        // Far longer than the line plus the slack: emptied, then the line copied alone.
        #expect(event.text.count <= Self.short.utf8.count + 16)
        #expect(values(event) == fresh(Self.short))
        #expect(scanner.scan(Self.long, into: &event) == .event)
        #expect(scanner.scan(Self.short, into: &event) == .event)
        // Within the slack: the longer line's bytes stay after the short one.
        #expect(event.text.count >= Self.long.utf8.count)
        #expect(event.text.count <= Self.long.utf8.count + UsageEvent.textSlack)
        #expect(values(event) == fresh(Self.short))
    }
}
