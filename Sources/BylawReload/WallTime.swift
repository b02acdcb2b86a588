#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import BylawPolicy
import CEL

/// A moment of the wall clock (UTC), as decisions, reloads, statuses and metrics report it.
public struct WallTime: Sendable, Hashable {
    public let seconds: Int64
    public let nanoseconds: Int32

    public init(seconds: Int64, nanoseconds: Int32) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    /// Now, from the system's real-time clock (a system call that costs tens of nanoseconds).
    public static var now: WallTime {
        var spec = timespec()
        clock_gettime(CLOCK_REALTIME, &spec)
        return WallTime(seconds: Int64(spec.tv_sec), nanoseconds: Int32(spec.tv_nsec))
    }

    /// RFC 3339 in UTC with the fraction cut to microseconds (`2026-11-22T09:14:03.250113Z`).
    public var rfc3339: String {
        let micros = nanoseconds / 1000 * 1000
        return (try? CELTimestamp(seconds: seconds, nanos: micros).rfc3339) ?? String(seconds)
    }

    /// Seconds since the Unix epoch, for metrics.
    public var unixSeconds: Double { Double(seconds) + Double(nanoseconds) / 1e9 }

    /// Today's date in UTC.
    public var date: CalendarDate? { CalendarDate.fromUnixTime(seconds) }
}
