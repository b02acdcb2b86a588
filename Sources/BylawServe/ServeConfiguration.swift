import BylawPolicy
import BylawReload
import CEL

/// Everything `bylaw serve` is told on its command line: what to load, where to listen, who may
/// ask, and the limits every request is held to.
public struct ServeConfiguration: Sendable {
    /// Policy files or directories (compiled together into one set).
    public var policies: [String]
    /// The workspace config the events are decided against.
    public var workspace: String
    /// The address to listen on: loopback unless told otherwise.
    public var host = "127.0.0.1"
    /// The port; 0 asks the system for a free one (the listening line says which).
    public var port = 8181
    /// `--budget` settings, replacing each policy's evaluation budget.
    public var budgetOverride: [CELBudgetDimension: Int] = [:]
    /// A fixed date for exception expiry (`BYLAW_TODAY`); nil means today in UTC, looked up at
    /// every reload and every minute, so an exception stops applying the day after it expires.
    public var fixedToday: CalendarDate?
    /// Who may ask; nil serves everyone (fine on loopback).
    public var tokens: AccessTokens?
    /// The token file, read again at every reload so tokens rotate without a restart.
    public var tokenFile: String?
    /// PEM certificate chain and private key; nil serves plain HTTP.
    public var tls: TLSFiles?
    public var limits = ServeLimits()
    /// What a decision says when the server cannot decide.
    public var failMode = FailMode.closed
    /// How often the policy files and the workspace are checked for changes; nil turns
    /// watching off (SIGHUP and `POST /v1/reload` still reload).
    public var watchInterval: Duration? = .seconds(1)
    /// Where decisions are logged; nil logs none.
    public var decisionLog: DecisionLogSettings?
    /// The most diagnostics a response, the status or a log message carries.
    public var maxDiagnostics = 100

    /// A configuration serving `policies` against `workspace` with every default.
    public init(policies: [String], workspace: String) {
        self.policies = policies
        self.workspace = workspace
    }

    /// The paths a reload reads, for status and logs.
    var policyPaths: [String] { sources.policyPaths }

    /// What each revision is loaded from.
    var sources: PolicySources {
        var sources = PolicySources(policies: policies, workspace: workspace)
        sources.budgetOverride = budgetOverride
        sources.fixedToday = fixedToday
        sources.maxDiagnostics = maxDiagnostics
        return sources
    }

    /// The files a reload reads, as they are now.
    var fingerprint: SourceFingerprint { sources.fingerprint(otherFiles: tokenFile.map { [$0] } ?? []) }
}

/// What a decision says when something inside the server fails (an evaluation error in a
/// `block` rule, an internal error): `closed` denies, `open` allows. Either way the response
/// carries the error.
public enum FailMode: String, Sendable, CaseIterable {
    case closed, open
}

/// The limits every request is held to. A body past its limit gets 413; a request that takes
/// longer than `requestTimeout` (reading its body included) gets 408 and its connection closed.
public struct ServeLimits: Sendable {
    /// The largest body of `/v1/decide`, `/v1/lint`, `/v1/plan` (default 1 MiB).
    public var maxBody = 1 << 20
    /// The largest body of `/v1/decide/batch`, read as it arrives (default 64 MiB).
    public var maxBatchBody = 64 << 20
    /// The longest line of a batch, as `bylaw eval` reads streams (default 1 MiB).
    public var maxLineLength = 1 << 20
    /// The longest a request may take, from its first byte to its response's last.
    public var requestTimeout: Duration = .seconds(30)
    /// An idle keep-alive connection is closed after this long.
    public var idleTimeout: Duration = .seconds(60)
    /// The most connections served at once; more wait in the listen queue.
    public var maxConnections = 1024

    public init() {}
}

/// A certificate chain and its private key, both PEM files.
public struct TLSFiles: Sendable {
    public var certificate: String
    public var key: String

    public init(certificate: String, key: String) {
        self.certificate = certificate
        self.key = key
    }
}

/// Where and what the decision log writes.
public struct DecisionLogSettings: Sendable {
    /// A file (appended to) or `-` for standard output.
    public var path: String
    /// Event fields replaced by `"[masked]"` in each logged event (`event.user`, `event.artifact`).
    public var masks: [EventMask] = []
    /// Leave `allow` decisions out.
    public var dropAllows = false
    /// The most bytes of records waiting to be written; past it, records are dropped and counted.
    public var bufferBytes = 16 << 20

    public init(path: String) {
        self.path = path
    }
}
