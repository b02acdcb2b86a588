import BylawModel
import Testing

/// Values that fit JSON but not the event's types: amounts that round to zero, times CEL
/// cannot hold.
@Suite("Usage event values out of range")
struct EventValueRangeTests {
    @Test("a non-zero cost.amount that rounds to zero is out of range; an exact zero is not")
    func underflowingAmounts() {
        for amount in ["1e-400", "0.0000001e-330", "-5e-999999999999"] {
            let found = issue(#"{"cost":{"amount":\#(amount)}}"#)
            #expect(found?.code == .numberOutOfRange, "\(amount)")
            #expect(found?.field == .costAmount)
        }
        for amount in ["0e-400", "0.000e99999", "4.9e-324", "-0.0"] {
            #expect(scanEvent(#"{"cost":{"amount":\#(amount)}}"#).0 == .event, "\(amount)")
        }
    }

    @Test(
        "times outside CEL's range are invalid values at the line",
        arguments: ["9999-12-31T23:59:60Z", "0000-06-01T00:00:00Z", "0001-01-01T00:30:00+01:00", "9999-12-31T23:59:59-00:01"])
    func timesOutsideCELRange(_ time: String) {
        let found = issue(#"{"time":"\#(time)"}"#)
        #expect(found?.code == .invalidValue)
        #expect(found?.field == .time)
        #expect(found?.column == 9)
    }

    @Test("times at CEL's bounds are accepted")
    func timesAtTheBounds() {
        for time in ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59+00:01"] {
            #expect(scanEvent(#"{"time":"\#(time)"}"#).0 == .event, "\(time)")
        }
        #expect(EventTimestamp(rfc3339: "0001-01-01T00:00:00Z")?.seconds == EventTimestamp.celSecondsRange.lowerBound)
        #expect(EventTimestamp(rfc3339: "9999-12-31T23:59:59Z")?.seconds == EventTimestamp.celSecondsRange.upperBound)
    }
}
