import BylawPolicy
import BylawSource

/// The compile step every policy-reading command starts with.
enum PolicyLoading {
    /// The date exceptions expire against: today (UTC), or `BYLAW_TODAY`.
    static func today() throws -> CalendarDate {
        guard let today = CalendarDate.today(environment: processEnvironment) else {
            Terminal.err("bylaw: BYLAW_TODAY must be a date written YYYY-MM-DD\n")
            throw BylawExit.invalidInput.exitCode
        }
        return today
    }

    static func paths(_ given: [String]) -> [String] { given.isEmpty ? ["Policies"] : given }
}
