/// A CEL `google.protobuf.Timestamp`: an instant in UTC with nanosecond precision.
///
/// Valid instants run from 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z; every
/// operation that would leave that range throws a range error instead.
public struct CELTimestamp: Hashable, Comparable, Sendable {
    /// Whole seconds since 1970-01-01T00:00:00Z (floored: the instant lies at or after them).
    public let seconds: Int64
    /// Nanoseconds after `seconds`, in 0..<1_000_000_000.
    public let nanos: Int32

    /// Seconds of 0001-01-01T00:00:00Z.
    static let minSeconds: Int64 = -62_135_596_800
    /// Seconds of 9999-12-31T23:59:59Z.
    static let maxSeconds: Int64 = 253_402_300_799

    /// Creates a timestamp, validating the range and the nanoseconds.
    public init(seconds: Int64, nanos: Int32 = 0) throws(CELTimeError) {
        guard nanos >= 0, nanos < 1_000_000_000 else {
            throw CELTimeError(message: "timestamp nanoseconds must be in 0..<1000000000, got \(nanos)")
        }
        guard seconds >= Self.minSeconds, seconds <= Self.maxSeconds else {
            throw .timestampRange()
        }
        self.seconds = seconds
        self.nanos = nanos
    }

    /// `timestamp(int)`: the instant `seconds` after the Unix epoch.
    public init(unixSeconds: Int64) throws(CELTimeError) {
        try self.init(seconds: unixSeconds, nanos: 0)
    }

    /// `int(timestamp)`: whole seconds since the Unix epoch, rounded towards the past.
    public var unixSeconds: Int64 { seconds }

    public static func < (lhs: CELTimestamp, rhs: CELTimestamp) -> Bool {
        (lhs.seconds, lhs.nanos) < (rhs.seconds, rhs.nanos)
    }

    /// `timestamp + duration`.
    public func adding(_ d: CELDuration) throws(CELTimeError) -> CELTimestamp {
        var s = seconds + d.seconds // both are far below Int64's limits, so this cannot overflow
        var n = Int64(nanos) + Int64(d.nanos)
        if n >= 1_000_000_000 {
            s += 1
            n -= 1_000_000_000
        } else if n < 0 {
            s -= 1
            n += 1_000_000_000
        }
        return try CELTimestamp(seconds: s, nanos: Int32(n))
    }

    /// `timestamp - duration`.
    public func subtracting(_ d: CELDuration) throws(CELTimeError) -> CELTimestamp {
        try adding(d.negated())
    }

    /// `self - other`, a duration that must fit CEL's duration range.
    public func difference(_ other: CELTimestamp) throws(CELTimeError) -> CELDuration {
        try CELDuration(seconds: seconds - other.seconds, nanos: Int64(nanos) - Int64(other.nanos))
    }
}
