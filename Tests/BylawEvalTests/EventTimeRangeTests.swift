import BylawModel
import CEL
import Testing

@Suite("Event times and CEL timestamps")
struct EventTimeRangeTests {
    @Test("the event scanner's time range is CEL's")
    func timeRangeMatchesCEL() throws {
        let range = EventTimestamp.celSecondsRange
        _ = try CELTimestamp(seconds: range.lowerBound)
        _ = try CELTimestamp(seconds: range.upperBound, nanos: 999_999_999)
        #expect(throws: CELTimeError.self) { try CELTimestamp(seconds: range.lowerBound - 1) }
        #expect(throws: CELTimeError.self) { try CELTimestamp(seconds: range.upperBound + 1) }
    }
}
