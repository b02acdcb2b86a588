/// A point in time as seconds and nanoseconds since the Unix epoch (UTC), as CEL's timestamps.
public struct EventTimestamp: Sendable, Hashable, Comparable {
    /// Whole seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Nanoseconds within the second, `0..<1_000_000_000`.
    public var nanos: Int32

    public init(seconds: Int64, nanos: Int32) {
        self.seconds = seconds
        self.nanos = nanos
    }

    /// The instants CEL can hold, 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z, as
    /// whole seconds (the same bounds as `CELTimestamp`: an event's time outside them could not
    /// be read by any rule).
    public static let celSecondsRange: ClosedRange<Int64> = -62_135_596_800...253_402_300_799

    /// Whether CEL can hold this instant (``celSecondsRange``).
    public var isInCELRange: Bool { Self.celSecondsRange.contains(seconds) }

    public static func < (lhs: EventTimestamp, rhs: EventTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// Parses an RFC 3339 date-time: `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, `T` and `Z`
    /// in either case, at most 9 fraction digits (more are refused rather than rounded).
    /// A leap second (`:60`) reads as the first second of the next minute. `nil` when malformed.
    public init?(rfc3339 text: String) {
        var copy = text
        guard let parsed = copy.withUTF8({ EventTimestamp(rfc3339: $0) }) else { return nil }
        self = parsed
    }

    /// Parses RFC 3339 from UTF-8 bytes; see ``init(rfc3339:)-(String)``.
    public init?(rfc3339 bytes: UnsafeBufferPointer<UInt8>) {
        let count = bytes.count
        guard count >= 20, count <= 40 else { return nil }
        guard let base = bytes.baseAddress else { return nil }
        // Each digit is checked with one unsigned comparison; `bad` collects failures so the
        // fixed-width part needs no branch per digit.
        var bad = false
        @inline(__always) func digit(_ at: Int) -> Int {
            let value = base[at] &- 0x30
            bad = bad || value > 9
            return Int(value)
        }
        let year = digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3)
        let month = digit(5) * 10 + digit(6)
        let day = digit(8) * 10 + digit(9)
        let hour = digit(11) * 10 + digit(12)
        let minute = digit(14) * 10 + digit(15)
        let second = digit(17) * 10 + digit(18)
        guard !bad, base[4] == 0x2D, base[7] == 0x2D, base[10] | 0x20 == 0x74, base[13] == 0x3A, base[16] == 0x3A else { return nil }
        func digits(_ at: Int, _ width: Int) -> Int? {
            var value = 0
            for index in at..<(at + width) {
                let digit = Int(bytes[index]) &- 48
                guard digit >= 0, digit <= 9 else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        guard month >= 1, month <= 12, day >= 1, day <= EventTimestamp.daysIn(month: month, year: year),
            hour <= 23, minute <= 59, second <= 60
        else { return nil }
        var index = 19
        var nanos = 0
        if bytes[index] == 0x2E {
            index += 1
            var width = 0
            while index < count, bytes[index] >= 0x30, bytes[index] <= 0x39 {
                guard width < 9 else { return nil }
                nanos = nanos * 10 + Int(bytes[index] - 0x30)
                width += 1
                index += 1
            }
            guard width > 0 else { return nil }
            for _ in width..<9 { nanos *= 10 }
        }
        guard index < count else { return nil }
        var offset = 0
        switch bytes[index] {
        case 0x5A, 0x7A:
            index += 1
        case 0x2B, 0x2D:
            guard index + 6 == count, let offsetHour = digits(index + 1, 2), bytes[index + 3] == 0x3A,
                let offsetMinute = digits(index + 4, 2), offsetHour <= 23, offsetMinute <= 59
            else { return nil }
            offset = (offsetHour * 60 + offsetMinute) * 60 * (bytes[index] == 0x2D ? -1 : 1)
            index += 6
        default:
            return nil
        }
        guard index == count else { return nil }
        let days = EventTimestamp.daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second - offset)
        self.init(seconds: seconds, nanos: Int32(nanos))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
