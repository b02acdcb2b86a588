extension CELTimestamp {
    /// Parses an RFC 3339 timestamp as cel-go does (Go's `time.RFC3339` layout):
    /// `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`. The fraction may have any number of digits
    /// (digits past nanoseconds are dropped); `t` and `z` are accepted in lower case.
    public static func parse(_ text: String) throws(CELTimeError) -> CELTimestamp {
        let bytes = Array(text.utf8)
        var reader = RFC3339Reader(bytes: bytes, text: text)
        return try reader.read()
    }

    /// The RFC 3339 form cel-go prints (Go's `time.RFC3339Nano` in UTC): trailing zeros of
    /// the fraction trimmed, no fraction when it is zero, and a `Z` suffix.
    public var rfc3339: String {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let date = CivilDate(daysSinceEpoch: days)
        var text = Self.pad(date.year, 4) + "-" + Self.pad(date.month, 2) + "-" + Self.pad(date.day, 2)
        text += "T" + Self.pad(secondOfDay / 3600, 2) + ":" + Self.pad(secondOfDay / 60 % 60, 2)
        text += ":" + Self.pad(secondOfDay % 60, 2)
        if nanos != 0 {
            var fraction = Self.pad(Int64(nanos), 9)
            while fraction.hasSuffix("0") {
                fraction.removeLast()
            }
            text += "." + fraction
        }
        return text + "Z"
    }

    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}

private struct RFC3339Reader {
    let bytes: [UInt8]
    let text: String
    var index = 0

    func invalid(_ detail: String) -> CELTimeError {
        CELTimeError(message: "invalid timestamp \"\(text)\": \(detail) (expected RFC 3339, e.g. \"2023-01-02T03:04:05Z\")")
    }

    mutating func number(_ width: Int, _ field: String) throws(CELTimeError) -> Int64 {
        var value: Int64 = 0
        for _ in 0..<width {
            guard index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 else {
                throw invalid("expected \(width) digits for the \(field)")
            }
            value = value * 10 + Int64(bytes[index] - 48)
            index += 1
        }
        return value
    }

    mutating func expect(_ options: String, _ what: String) throws(CELTimeError) {
        guard index < bytes.count, options.utf8.contains(bytes[index]) else {
            throw invalid("expected \(what)")
        }
        index += 1
    }

    mutating func read() throws(CELTimeError) -> CELTimestamp {
        let year = try number(4, "year")
        try expect("-", "'-' after the year")
        let month = try number(2, "month")
        try expect("-", "'-' after the month")
        let day = try number(2, "day")
        try expect("Tt", "'T' between date and time")
        let hour = try number(2, "hour")
        try expect(":", "':' after the hour")
        let minute = try number(2, "minute")
        try expect(":", "':' after the minute")
        let second = try number(2, "second")
        var nanos: Int64 = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ",") {
            index += 1
            var digits = 0
            while index < bytes.count, bytes[index] >= 48, bytes[index] <= 57 {
                if digits < 9 {
                    nanos = nanos * 10 + Int64(bytes[index] - 48)
                }
                digits += 1
                index += 1
            }
            guard digits > 0 else { throw invalid("expected digits after the decimal point") }
            for _ in min(digits, 9)..<9 {
                nanos *= 10
            }
        }
        var offsetSeconds: Int64 = 0
        guard index < bytes.count else { throw invalid("missing time zone offset ('Z' or ±HH:MM)") }
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            index += 1
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let sign: Int64 = bytes[index] == UInt8(ascii: "-") ? -1 : 1
            index += 1
            let offsetHours = try number(2, "offset hours")
            try expect(":", "':' in the offset")
            let offsetMinutes = try number(2, "offset minutes")
            guard offsetHours < 24, offsetMinutes < 60 else { throw invalid("offset out of range") }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        default:
            throw invalid("expected 'Z' or ±HH:MM after the time")
        }
        guard index == bytes.count else { throw invalid("unexpected text after the offset") }
        guard month >= 1, month <= 12 else { throw invalid("month out of range") }
        guard day >= 1, day <= CivilDate.daysInMonth(year: year, month: month) else {
            throw invalid("day out of range")
        }
        guard hour < 24, minute < 60, second < 60 else { throw invalid("time of day out of range") }
        let days = CivilDate(year: year, month: month, day: day).daysSinceEpoch
        let local = days * 86_400 + hour * 3600 + minute * 60 + second
        return try CELTimestamp(seconds: local - offsetSeconds, nanos: Int32(nanos))
    }
}
