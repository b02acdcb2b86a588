import Testing
@testable import CEL

private func timestamp(_ text: String) throws -> CELTimestamp {
    try CELTimestamp.parse(text)
}

private func duration(_ text: String) throws -> CELDuration {
    try CELDuration.parse(text)
}

@Suite("Timestamps")
struct TimestampTests {
    @Test("parse and format round trips", arguments: [
        ("2009-02-13T23:31:30Z", "2009-02-13T23:31:30Z", Int64(1_234_567_890)),
        ("9999-12-31T23:59:59.999999999Z", "9999-12-31T23:59:59.999999999Z", 253_402_300_799),
        ("0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", -62_135_596_800),
        ("1970-01-01T00:00:00.5Z", "1970-01-01T00:00:00.5Z", 0),
        ("1969-12-31T23:59:59.120Z", "1969-12-31T23:59:59.12Z", -1),
        ("2023-01-02T03:04:05+05:30", "2023-01-01T21:34:05Z", 1_672_608_845),
        ("2023-01-02t03:04:05.000000001-08:00", "2023-01-02T11:04:05.000000001Z", 1_672_657_445),
        ("2024-02-29T12:00:00z", "2024-02-29T12:00:00Z", 1_709_208_000),
        ("2000-01-01T00:00:00.1234567891Z", "2000-01-01T00:00:00.123456789Z", 946_684_800),
    ])
    func roundTrip(input: String, formatted: String, unix: Int64) throws {
        let value = try timestamp(input)
        #expect(value.rfc3339 == formatted)
        #expect(value.unixSeconds == unix)
        #expect(try timestamp(value.rfc3339) == value)
    }

    @Test("malformed text and out-of-range instants are errors", arguments: [
        "", "2009-02-13", "2009-02-13T23:31:30", "2009-2-13T23:31:30Z", "2009-02-13 23:31:30Z",
        "2009-13-01T00:00:00Z", "2009-02-29T00:00:00Z", "2009-02-13T24:00:00Z", "2009-02-13T23:60:00Z",
        "2009-02-13T23:31:60Z", "2009-02-13T23:31:30.Z", "2009-02-13T23:31:30+0100", "2009-02-13T23:31:30Zx",
        "0000-01-01T00:00:00Z", "10000-01-01T00:00:00Z", "0001-01-01T00:00:00+00:01",
        "9999-12-31T23:59:59-00:01",
    ])
    func invalid(text: String) {
        #expect(throws: CELTimeError.self) { try timestamp(text) }
    }

    @Test("range errors say range")
    func rangeMessages() throws {
        let error = try #require(throws: CELTimeError.self) { try CELTimestamp(unixSeconds: 253_402_300_800) }
        #expect(error.message.contains("range"))
        #expect(throws: CELTimeError.self) { try CELTimestamp(unixSeconds: -62_135_596_801) }
        #expect(try CELTimestamp(unixSeconds: 1_000_000_000).rfc3339 == "2001-09-09T01:46:40Z")
        #expect(throws: CELTimeError.self) { try CELTimestamp(seconds: 0, nanos: 1_000_000_000) }
    }

    @Test("arithmetic with durations")
    func arithmetic() throws {
        #expect(try timestamp("2009-02-13T23:00:00Z").adding(duration("240s")) == timestamp("2009-02-13T23:04:00Z"))
        #expect(try timestamp("2009-02-13T23:10:00Z").subtracting(duration("600s")) == timestamp("2009-02-13T23:00:00Z"))
        #expect(try timestamp("2009-02-13T23:31:00Z").difference(timestamp("2009-02-13T23:29:00Z")) == duration("120s"))
        #expect(try timestamp("0001-01-01T00:00:01.000000001Z").adding(duration("-999999999ns"))
            == timestamp("0001-01-01T00:00:00.000000002Z"))
        #expect(try timestamp("0001-01-01T00:00:01.999999999Z").adding(duration("999999999ns"))
            == timestamp("0001-01-01T00:00:02.999999998Z"))
        #expect(try timestamp("2000-01-01T00:00:00Z").difference(timestamp("2000-01-01T00:00:00.5Z")).celString == "-0.5s")
        #expect(try timestamp("2009-02-13T23:00:00Z") < timestamp("2009-03-13T23:00:00Z"))
    }

    @Test("arithmetic out of range", arguments: [
        ("0001-01-01T00:00:00Z", "-1s"), ("9999-12-31T23:59:59Z", "1s"),
        ("9999-12-31T23:59:59.999999999Z", "1ns"), ("0001-01-01T00:00:00Z", "-1ns"),
    ])
    func arithmeticRange(start: String, delta: String) throws {
        let base = try timestamp(start)
        let step = try duration(delta)
        #expect(throws: CELTimeError.self) { try base.adding(step) }
    }

    @Test("a difference beyond the duration range is an error")
    func differenceRange() throws {
        let late = try timestamp("9999-12-31T23:59:59Z")
        let early = try timestamp("0001-01-01T00:00:00Z")
        #expect(throws: CELTimeError.self) { try late.difference(early) }
        #expect(throws: CELTimeError.self) { try early.difference(late) }
    }
}

@Suite("Timestamp accessors")
struct TimestampComponentTests {
    @Test("UTC accessors follow CEL's conventions", arguments: [
        (CELTimeComponent.fullYear, Int64(2009)), (.month, 1), (.dayOfYear, 43), (.dayOfMonth, 12), (.date, 13),
        (.dayOfWeek, 5), (.hours, 23), (.minutes, 31), (.seconds, 20), (.milliseconds, 123),
    ])
    func utc(component: CELTimeComponent, expected: Int64) throws {
        let value = try timestamp("2009-02-13T23:31:20.123456789Z")
        #expect(try value.component(component, timeZone: nil) == expected)
        #expect(try value.component(component, timeZone: "UTC") == expected)
    }

    @Test("time zones: IANA names and fixed offsets", arguments: [
        ("2009-02-13T23:31:30Z", CELTimeComponent.date, "Australia/Sydney", Int64(14)),
        ("2009-02-13T23:31:30Z", .dayOfMonth, "US/Central", 12),
        ("2009-02-13T23:31:30Z", .dayOfMonth, "+11:00", 13),
        ("2009-02-13T02:00:00Z", .dayOfMonth, "-02:30", 11),
        ("2009-02-13T02:00:00Z", .dayOfMonth, "America/St_Johns", 11),
        ("2009-02-13T23:31:30Z", .dayOfYear, "US/Central", 43),
        ("2009-02-13T23:31:30Z", .fullYear, "-09:30", 2009),
        ("2009-02-13T23:31:30Z", .hours, "02:00", 1),
        ("2009-02-13T23:31:30Z", .minutes, "Asia/Kathmandu", 16),
        ("2009-02-13T23:31:30Z", .seconds, "-00:00", 30),
        ("2009-02-13T23:31:30Z", .hours, "America/Los_Angeles", 15),
        ("2009-07-13T23:31:30Z", .hours, "America/Los_Angeles", 16),
        ("2009-02-13T23:31:30Z", .hours, "Asia/Kolkata", 5),
        ("2009-02-13T23:31:30Z", .dayOfWeek, "Asia/Kolkata", 6),
        ("2000-01-01T00:30:00Z", .fullYear, "-01:00", 1999),
        ("2000-01-01T00:30:00Z", .month, "America/New_York", 11),
    ])
    func zones(instant: String, component: CELTimeComponent, zone: String, expected: Int64) throws {
        #expect(try timestamp(instant).component(component, timeZone: zone) == expected)
    }

    @Test("unknown or malformed zones are errors", arguments: [
        "Mars/Olympus_Mons", "", "../etc/passwd", "+25:00", "+1:2:3", "ab:cd", "America/Los Angeles",
    ])
    func badZones(zone: String) throws {
        let value = try timestamp("2009-02-13T23:31:30Z")
        #expect(throws: CELTimeError.self) { try value.component(.hours, timeZone: zone) }
    }

    @Test("day of week and year at the ends of the range")
    func extremes() throws {
        let first = try timestamp("0001-01-01T00:00:00Z")
        #expect(try first.component(.dayOfWeek, timeZone: nil) == 1) // a Monday, proleptic Gregorian
        let last = try timestamp("9999-12-31T23:59:59Z")
        #expect(try last.component(.dayOfYear, timeZone: nil) == 364)
        #expect(try timestamp("2024-12-31T00:00:00Z").component(.dayOfYear, timeZone: nil) == 365)
    }
}
