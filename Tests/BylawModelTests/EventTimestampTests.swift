import BylawModel
import Testing

@Suite("EventTimestamp")
struct EventTimestampTests {
    @Test func leapSecondRollsIntoTheNextMinute() {
        #expect(EventTimestamp(rfc3339: "2016-12-31T23:59:60Z") == EventTimestamp(rfc3339: "2017-01-01T00:00:00Z"))
    }

    @Test func orderFollowsTime() throws {
        let earlier = try #require(EventTimestamp(rfc3339: "2026-03-01T09:30:00.1Z"))
        let later = try #require(EventTimestamp(rfc3339: "2026-03-01T09:30:00.2Z"))
        #expect(earlier < later)
    }

    @Test func farDatesComputeCivilDays() {
        #expect(EventTimestamp(rfc3339: "0001-01-01T00:00:00Z")?.seconds == -62_135_596_800)
        #expect(EventTimestamp(rfc3339: "9999-12-31T23:59:59Z")?.seconds == 253_402_300_799)
        #expect(EventTimestamp(rfc3339: "2000-02-29T00:00:00Z")?.seconds == 951_782_400)
        #expect(EventTimestamp(rfc3339: "1900-02-29T00:00:00Z") == nil)
    }
}
