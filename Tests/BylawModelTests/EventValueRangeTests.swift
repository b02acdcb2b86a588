import BylawModel
import Testing

/// Values that fit JSON but not the event's types.
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
}
