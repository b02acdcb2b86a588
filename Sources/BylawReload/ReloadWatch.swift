import BylawPolicy

/// When to reload: the files changed, or the date did (exceptions expire by date). Shared by
/// `bylaw serve` and `bylaw consume`, which add their own triggers (SIGHUP, a request).
public struct ReloadWatch: Sendable {
    /// How often the files are looked at; nil looks only at the date, once a minute.
    public let interval: Duration?
    /// A fixed date (`BYLAW_TODAY`): the date never triggers a reload.
    public let fixedToday: CalendarDate?
    /// The files as they are now.
    public let fingerprint: @Sendable () -> SourceFingerprint

    public init(interval: Duration?, fixedToday: CalendarDate?, fingerprint: @escaping @Sendable () -> SourceFingerprint) {
        self.interval = interval
        self.fixedToday = fixedToday
        self.fingerprint = fingerprint
    }

    /// Looks at the files every interval (and at the date every interval, or every minute when
    /// nothing is watched) until the task is cancelled, calling `trigger` with `watch` or
    /// `date`. A change must hold still for a tenth of a second before it counts, so a file
    /// being written is not read half done (and if it is, the next look loads it whole).
    /// `today` is the date of the revision running.
    public func run(from first: SourceFingerprint, today: @Sendable () -> CalendarDate, trigger: @Sendable (String) -> Void) async {
        var seen = first
        var dateTried = today()
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval ?? .seconds(60)) } catch { return }
            if fixedToday == nil, let now = WallTime.now.date, now != today(), now != dateTried {
                dateTried = now
                trigger("date")
            }
            guard interval != nil else { continue }
            let now = fingerprint()
            guard now != seen else { continue }
            do { try await Task.sleep(for: .milliseconds(100)) } catch { return }
            let settled = fingerprint()
            guard settled == now else { continue }
            seen = settled
            trigger("watch")
        }
    }
}
