import Testing
@testable import CEL

@Suite("Durations")
struct DurationTests {
    @Test("Go duration syntax", arguments: [
        ("0", Int64(0)), ("0s", 0), ("1000000s", 1_000_000_000_000_000), ("1h2m3.5s", 3_723_500_000_000),
        ("-1.5h", -5_400_000_000_000), ("100ms", 100_000_000), ("1us", 1000), ("1µs", 1000), ("1μs", 1000),
        ("1ns", 1), ("+2m", 120_000_000_000), (".5s", 500_000_000), ("1.s", 1_000_000_000),
        ("-999999999ns", -999_999_999), ("1.0000000001s", 1_000_000_000), ("2h45m", 9_900_000_000_000),
        ("9223372036854775807ns", Int64.max), ("-9223372036854775808ns", Int64.min),
    ])
    func parse(text: String, nanoseconds: Int64) throws {
        #expect(try CELDuration.parse(text).totalNanoseconds == nanoseconds)
    }

    @Test("invalid durations", arguments: [
        "", "-", "s", "1", "1.5", "1x", "1 s", ".s", "1h-2m", "1sm", "9223372036854775808ns",
        "320000000000s", "-320000000000s", "99999999999999999999s",
    ])
    func invalid(text: String) {
        #expect(throws: CELTimeError.self) { try CELDuration.parse(text) }
    }

    @Test("string form", arguments: [
        ("1000000s", "1000000s"), ("1.5s", "1.5s"), ("-1ns", "-0.000000001s"), ("0", "0s"),
        ("1h", "3600s"), ("-90m", "-5400s"), ("1.25ms", "0.00125s"), ("123.321456789s", "123.321456789s"),
    ])
    func celString(text: String, expected: String) throws {
        let value = try CELDuration.parse(text)
        #expect(value.celString == expected)
        #expect(try CELDuration.parse(value.celString) == value)
    }

    @Test("seconds and nanos share the sign")
    func parts() throws {
        let value = try CELDuration.parse("-1.5s")
        #expect(value.seconds == -1)
        #expect(value.nanos == -500_000_000)
        #expect(try CELDuration(seconds: -1, nanos: -500_000_000) == value)
        #expect(try CELDuration(unixSeconds: 90).celString == "90s")
    }

    @Test("arithmetic and overflow")
    func arithmetic() throws {
        let big = try CELDuration.parse("5000000000s")
        #expect(try CELDuration.parse("600s").adding(.parse("50s")) == .parse("650s"))
        #expect(try CELDuration.parse("900s").subtracting(.parse("42s")) == .parse("858s"))
        #expect(throws: CELTimeError.self) { try big.adding(big) }
        #expect(throws: CELTimeError.self) { try big.negated().subtracting(big) }
        #expect(throws: CELTimeError.self) { try CELDuration(totalNanoseconds: .min).negated() }
        #expect(try big.negated().totalNanoseconds == -5_000_000_000_000_000_000)
        #expect(try CELDuration.parse("200s") < .parse("300s"))
        #expect(throws: CELTimeError.self) { try CELDuration(seconds: 10_000_000_000) }
    }

    @Test("accessors return totals, milliseconds within the second", arguments: [
        ("10000s", CELTimeComponent.hours, Int64(2)), ("3730s", .minutes, 62), ("3730s", .seconds, 3730),
        ("123.321456789s", .milliseconds, 321), ("-3730.5s", .minutes, -62), ("-1.5s", .milliseconds, -500),
    ])
    func components(text: String, component: CELTimeComponent, expected: Int64) throws {
        #expect(try CELDuration.parse(text).component(component) == expected)
    }

    @Test("calendar accessors do not apply to durations")
    func calendarComponents() throws {
        #expect(throws: CELTimeError.self) { try CELDuration.zero.component(.fullYear) }
    }
}
