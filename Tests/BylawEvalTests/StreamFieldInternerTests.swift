@testable import BylawEval
import BylawModel
import Testing

/// The interner's numbers stand for exactly one value each, and stay the same while a busy
/// field's table grows: decisions keyed by a user must be found again however many users the
/// stream names.
@Suite struct StreamFieldInternerTests {
    /// The number of `event.user` in a line naming `user` (the scanner reads only the user).
    static func number(of user: String, _ interner: inout StreamFieldInterner, _ scanner: inout UsageEventScanner) -> UInt64? {
        var event = UsageEvent()
        let line = "{\"user\":\"\(user)\"}"
        guard case .event = scanner.scan(line, lineNumber: 1, into: &event) else { return nil }
        interner.beginEvent()
        return interner.number(.user, in: event)
    }

    @Test func numbersSurviveGrowthForManyValues() throws {
        var interner = StreamFieldInterner()
        var scanner = UsageEventScanner(fields: UsageEventFields([.user]))
        // Short ids, ids of exactly 16 bytes and long ids (their tails kept in the arena).
        let users = (0..<20_000).map { index in
            switch index % 3 {
            case 0: "u\(index)"
            case 1: String("user-\(index)-padding".prefix(16))
            default: "someone-with-a-long-id-\(index)@example.com"
            }
        }
        var first: [UInt64] = []
        for user in users { first.append(try #require(Self.number(of: user, &interner, &scanner))) }
        #expect(Set(first).count == Set(users).count)
        #expect(interner.capacity(of: .user) > StreamFieldInterner.initialSlots)
        // The second time round every value has the number it got the first time.
        for (index, user) in users.enumerated() {
            #expect(try #require(Self.number(of: user, &interner, &scanner)) == first[index])
        }
    }

    @Test func aFullTableStartsOverWithNewNumbers() throws {
        var interner = StreamFieldInterner()
        var scanner = UsageEventScanner(fields: UsageEventFields([.user]))
        let count = StreamFieldInterner.maxSlots / 2 + 10
        let early = try #require(Self.number(of: "someone-with-a-long-id-0@example.com", &interner, &scanner))
        var seen: Set<UInt64> = [early]
        for index in 1..<count {
            seen.insert(try #require(Self.number(of: "someone-with-a-long-id-\(index)@example.com", &interner, &scanner)))
        }
        #expect(seen.count == count)
        #expect(interner.capacity(of: .user) == StreamFieldInterner.maxSlots)
        // The table started over: the first value is met again under a number never given
        // before, and a value seen since the restart keeps its number.
        let again = try #require(Self.number(of: "someone-with-a-long-id-0@example.com", &interner, &scanner))
        #expect(!seen.contains(again))
        let recent = "someone-with-a-long-id-\(count - 1)@example.com"
        #expect(Self.number(of: recent, &interner, &scanner) == Self.number(of: recent, &interner, &scanner))
    }

    @Test func valuesDifferingPastTheSixteenthByteGetDifferentNumbers() throws {
        var interner = StreamFieldInterner()
        var scanner = UsageEventScanner(fields: UsageEventFields([.user]))
        let a = try #require(Self.number(of: "0123456789abcdef-tail-a", &interner, &scanner))
        let b = try #require(Self.number(of: "0123456789abcdef-tail-b", &interner, &scanner))
        let c = try #require(Self.number(of: "0123456789abcdef-tail", &interner, &scanner))
        #expect(Set([a, b, c]).count == 3)
        #expect(Self.number(of: "0123456789abcdef-tail-a", &interner, &scanner) == a)
        #expect(Self.number(of: String(repeating: "x", count: StreamFieldInterner.maxValueLength + 1), &interner, &scanner) == nil)
    }
}

extension StreamFieldInternerTests {
    /// Long values keep their tails in a budget shared by all fields: past it a field starts
    /// over, and every number still stands for one value.
    @Test func longValuesStayWithinTheirBudget() throws {
        var interner = StreamFieldInterner()
        var scanner = UsageEventScanner(fields: UsageEventFields([.user]))
        let tail = String(repeating: "t", count: 200)
        let count = StreamFieldInterner.maxArenaBytes / 190 + 100
        var numbers: [UInt64: Int] = [:]
        for index in 0..<count {
            let number = try #require(Self.number(of: "\(index)-\(tail)", &interner, &scanner))
            // A number is never given to two values.
            #expect(numbers.updateValue(index, forKey: number) == nil)
        }
        #expect(interner.arenaBytesKept <= StreamFieldInterner.maxArenaBytes)
        let last = "\(count - 1)-\(tail)"
        #expect(Self.number(of: last, &interner, &scanner) == Self.number(of: last, &interner, &scanner))
    }
}
