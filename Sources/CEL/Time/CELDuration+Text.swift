extension CELDuration {
    /// Parses Go's `time.ParseDuration` syntax, as cel-go's `duration(string)` does: an
    /// optional sign, then one or more decimal numbers each followed by a unit
    /// (`ns`, `us`, `µs`, `μs`, `ms`, `s`, `m`, `h`), e.g. `"1h2m3.5s"`, `"-1.5h"`, `"100ms"`.
    /// `"0"` alone needs no unit.
    public static func parse(_ text: String) throws(CELTimeError) -> CELDuration {
        var reader = DurationReader(scalars: Array(text.unicodeScalars), text: text)
        return try reader.read()
    }

    /// The text cel-go gives `string(duration)`: seconds with an `s` suffix and as many
    /// fractional digits as needed, e.g. `"3600s"`, `"1.5s"`, `"-0.000000001s"`.
    public var celString: String {
        let negative = totalNanoseconds < 0
        let magnitude = totalNanoseconds.magnitude
        let whole = magnitude / 1_000_000_000
        var fraction = magnitude % 1_000_000_000
        var text = negative ? "-\(whole)" : "\(whole)"
        if fraction != 0 {
            var digits = 9
            while fraction % 10 == 0 {
                fraction /= 10
                digits -= 1
            }
            let fractionText = String(fraction)
            text += "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
        }
        return text + "s"
    }
}

/// A cursor over a duration literal; each unit's value is accumulated exactly in UInt64
/// nanoseconds with overflow checks, as Go does.
private struct DurationReader {
    let scalars: [Unicode.Scalar]
    let text: String
    var index = 0

    func invalid() -> CELTimeError {
        CELTimeError(message: "invalid duration \"\(text)\": expected e.g. \"1h30m\", \"1.5s\" or \"100ms\"")
    }

    mutating func read() throws(CELTimeError) -> CELDuration {
        var negative = false
        if index < scalars.count, scalars[index] == "-" || scalars[index] == "+" {
            negative = scalars[index] == "-"
            index += 1
        }
        if index == scalars.count - 1, scalars[index] == "0" {
            return .zero
        }
        guard index < scalars.count else { throw invalid() }
        var total: UInt64 = 0
        while index < scalars.count {
            let part = try readComponent()
            let (sum, overflow) = total.addingReportingOverflow(part)
            guard !overflow else { throw .durationRange() }
            total = sum
        }
        let limit: UInt64 = negative ? UInt64(Int64.max) + 1 : UInt64(Int64.max)
        guard total <= limit else { throw .durationRange() }
        if negative {
            return CELDuration(totalNanoseconds: total == limit ? .min : -Int64(total))
        }
        return CELDuration(totalNanoseconds: Int64(total))
    }

    /// One `<number><unit>` pair, in nanoseconds.
    mutating func readComponent() throws(CELTimeError) -> UInt64 {
        var whole: UInt64 = 0
        var overflowed = false
        let wholeStart = index
        while index < scalars.count, let digit = Self.digit(scalars[index]) {
            let (m, o1) = whole.multipliedReportingOverflow(by: 10)
            let (a, o2) = m.addingReportingOverflow(digit)
            overflowed = overflowed || o1 || o2
            whole = a
            index += 1
        }
        var sawDigits = index > wholeStart
        // Fractional digits beyond nanosecond precision of the smallest unit cannot matter
        // (Go drops them too), so keep at most 18.
        var fraction: UInt64 = 0
        var fractionScale: UInt64 = 1
        if index < scalars.count, scalars[index] == "." {
            index += 1
            while index < scalars.count, let digit = Self.digit(scalars[index]) {
                if fractionScale < 1_000_000_000_000_000_000 {
                    fraction = fraction * 10 + digit
                    fractionScale *= 10
                }
                sawDigits = true
                index += 1
            }
        }
        guard sawDigits else { throw invalid() }
        if overflowed { throw .durationRange() }
        let unitStart = index
        while index < scalars.count, scalars[index] != ".", Self.digit(scalars[index]) == nil {
            index += 1
        }
        let unitText = String(String.UnicodeScalarView(scalars[unitStart..<index]))
        guard let unit = Self.units[unitText] else {
            if unitText.isEmpty {
                throw CELTimeError(message: "invalid duration \"\(text)\": missing unit (ns, us, ms, s, m or h)")
            }
            throw CELTimeError(message: "invalid duration \"\(text)\": unknown unit \"\(unitText)\" (use ns, us, ms, s, m or h)")
        }
        let (scaled, o1) = whole.multipliedReportingOverflow(by: unit)
        guard !o1 else { throw .durationRange() }
        // fraction < fractionScale ≤ 1e18 and unit ≤ 3.6e12: multiply in 128 bits.
        let product = fraction.multipliedFullWidth(by: unit)
        let (fractionNanos, _) = fractionScale.dividingFullWidth((high: product.high, low: product.low))
        let (sum, o2) = scaled.addingReportingOverflow(fractionNanos)
        guard !o2 else { throw .durationRange() }
        return sum
    }

    static func digit(_ s: Unicode.Scalar) -> UInt64? {
        s.value >= 48 && s.value <= 57 ? UInt64(s.value - 48) : nil
    }

    static let units: [String: UInt64] = [
        "ns": 1,
        "us": 1_000,
        "\u{00B5}s": 1_000, // MICRO SIGN
        "\u{03BC}s": 1_000, // GREEK SMALL LETTER MU
        "ms": 1_000_000,
        "s": 1_000_000_000,
        "m": 60_000_000_000,
        "h": 3_600_000_000_000,
    ]
}
