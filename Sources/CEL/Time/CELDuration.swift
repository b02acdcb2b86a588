/// A CEL `google.protobuf.Duration`: a signed span of time with nanosecond precision.
///
/// The range is the one cel-go enforces (Go's `time.Duration`): a whole number of nanoseconds
/// that fits a signed 64-bit integer, about ±292 years. The CEL conformance suite relies on it:
/// `timestamp('9999-12-31T23:59:59Z') - timestamp('0001-01-01T00:00:00Z')` is a range error.
public struct CELDuration: Hashable, Comparable, Sendable {
    /// The whole span in nanoseconds.
    public let totalNanoseconds: Int64

    /// Whole seconds, truncated towards zero.
    public var seconds: Int64 { totalNanoseconds / 1_000_000_000 }
    /// Nanoseconds beyond `seconds`, with the same sign as the duration.
    public var nanos: Int32 { Int32(totalNanoseconds % 1_000_000_000) }

    /// The zero duration.
    public static let zero = CELDuration(totalNanoseconds: 0)

    /// Creates a duration of exactly `totalNanoseconds`.
    public init(totalNanoseconds: Int64) {
        self.totalNanoseconds = totalNanoseconds
    }

    /// Creates `seconds + nanos / 1e9` seconds; the parts may have any signs. Throws when the
    /// total does not fit the range.
    public init(seconds: Int64, nanos: Int64 = 0) throws(CELTimeError) {
        let (scaled, o1) = seconds.multipliedReportingOverflow(by: 1_000_000_000)
        let (total, o2) = scaled.addingReportingOverflow(nanos)
        guard !o1, !o2 else { throw .durationRange() }
        totalNanoseconds = total
    }

    /// `duration(int)` style conversion from whole seconds.
    public init(unixSeconds: Int64) throws(CELTimeError) {
        try self.init(seconds: unixSeconds)
    }

    public static func < (lhs: CELDuration, rhs: CELDuration) -> Bool {
        lhs.totalNanoseconds < rhs.totalNanoseconds
    }

    /// `self + other`.
    public func adding(_ other: CELDuration) throws(CELTimeError) -> CELDuration {
        let (sum, overflow) = totalNanoseconds.addingReportingOverflow(other.totalNanoseconds)
        guard !overflow else { throw .durationRange() }
        return CELDuration(totalNanoseconds: sum)
    }

    /// `self - other`.
    public func subtracting(_ other: CELDuration) throws(CELTimeError) -> CELDuration {
        let (difference, overflow) = totalNanoseconds.subtractingReportingOverflow(other.totalNanoseconds)
        guard !overflow else { throw .durationRange() }
        return CELDuration(totalNanoseconds: difference)
    }

    /// `-self`.
    public func negated() throws(CELTimeError) -> CELDuration {
        guard totalNanoseconds != .min else { throw .durationRange() }
        return CELDuration(totalNanoseconds: -totalNanoseconds)
    }

    /// CEL's duration accessors: `getHours()`, `getMinutes()` and `getSeconds()` return the
    /// whole duration in that unit (truncated); `getMilliseconds()` returns only the
    /// milliseconds within the current second, as cel-go does.
    public func component(_ c: CELTimeComponent) throws(CELTimeError) -> Int64 {
        switch c {
        case .hours: return totalNanoseconds / 3_600_000_000_000
        case .minutes: return totalNanoseconds / 60_000_000_000
        case .seconds: return totalNanoseconds / 1_000_000_000
        case .milliseconds: return (totalNanoseconds / 1_000_000) % 1000
        case .fullYear, .month, .dayOfYear, .dayOfMonth, .date, .dayOfWeek:
            throw CELTimeError(message: "a duration has no \(c) component")
        }
    }
}
