import BylawPolicy
import BylawServe
import CEL

/// Everything `bylaw studio` is told on its command line: the folders it works on, the
/// workspace it tries things against, where it listens, and the limits of every request.
public struct StudioConfiguration: Sendable {
    /// The policy folder: the only place the studio writes to.
    public var policies: String
    /// The workspace config events and dry-runs are judged against; nil: none (an empty one).
    public var workspace: String?
    /// Folders of example inputs (workspace configs, events, usage streams) the pages may read.
    public var examples: [String] = []
    /// The address to listen on: loopback unless told otherwise.
    public var host = "127.0.0.1"
    /// The port; 0 asks the system for a free one (the printed URL says which).
    public var port = 8182
    /// `--budget` settings, replacing each policy's evaluation budget.
    public var budgetOverride: [CELBudgetDimension: Int] = [:]
    /// A fixed date for exception expiry (`BYLAW_TODAY`); nil means today in UTC, looked up
    /// at every request.
    public var fixedToday: CalendarDate?
    /// The body, time and connection limits of every request, as `bylaw serve` has them.
    public var limits = ServeLimits()
    /// The most diagnostics a page lists for one file.
    public var maxDiagnostics = 100
    /// The handbook's title.
    public var title = "AI use handbook"
    /// The session token; nil makes a random one (tests give their own).
    public var token: String?

    /// A configuration for the policy folder `policies` with every default.
    public init(policies: String) {
        self.policies = policies
    }

    /// The date exceptions expire against now (nil only if the clock cannot be read).
    var today: CalendarDate? {
        fixedToday ?? CalendarDate.today(environment: [:])
    }
}
