/// The calendar and clock fields CEL's timestamp and duration accessors return.
public enum CELTimeComponent: Sendable, Hashable, CaseIterable {
    /// `getFullYear()`
    case fullYear
    /// `getMonth()`: 0 for January.
    case month
    /// `getDayOfYear()`: 0 for January 1st.
    case dayOfYear
    /// `getDayOfMonth()`: 0 for the first of the month.
    case dayOfMonth
    /// `getDate()`: 1 for the first of the month.
    case date
    /// `getDayOfWeek()`: 0 for Sunday.
    case dayOfWeek
    /// `getHours()`
    case hours
    /// `getMinutes()`
    case minutes
    /// `getSeconds()`
    case seconds
    /// `getMilliseconds()`
    case milliseconds
}

extension CELTimestamp {
    /// One calendar or clock field of this instant, seen in `timeZone`: `nil` for UTC, an IANA
    /// name such as `"America/Los_Angeles"`, or a fixed offset such as `"+05:30"`, `"-08:00"`
    /// or `"02:00"`. Throws for an unknown zone.
    public func component(_ c: CELTimeComponent, timeZone: String?) throws(CELTimeError) -> Int64 {
        var offset: Int64 = 0
        if let timeZone {
            offset = try CELTimeZone.resolve(timeZone).offsetSeconds(atUnixSeconds: seconds)
        }
        let local = seconds + offset
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let secondOfDay = local - days * 86_400
        switch c {
        case .fullYear: return CivilDate(daysSinceEpoch: days).year
        case .month: return CivilDate(daysSinceEpoch: days).month - 1
        case .dayOfYear: return CivilDate(daysSinceEpoch: days).dayOfYear
        case .dayOfMonth: return CivilDate(daysSinceEpoch: days).day - 1
        case .date: return CivilDate(daysSinceEpoch: days).day
        case .dayOfWeek:
            // 1970-01-01 was a Thursday (4).
            let weekday = (days + 4) % 7
            return weekday < 0 ? weekday + 7 : weekday
        case .hours: return secondOfDay / 3600
        case .minutes: return secondOfDay / 60 % 60
        case .seconds: return secondOfDay % 60
        case .milliseconds: return Int64(nanos) / 1_000_000
        }
    }
}
