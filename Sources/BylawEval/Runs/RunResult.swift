import BylawSource

/// How a run ends, which every door turns into its own answer: the CLI's exit code, a
/// server's status, a consumer's acknowledgement.
public enum RunStatus: Int32, Sendable, Hashable {
    /// Nothing that fails the run.
    case clean = 0
    /// A finding at `block` (any finding with `strict`), a failing test, a change that breaks
    /// something.
    case findings = 1
    /// An input (policies, a config, a test's input) could not be read, or a stream stopped at
    /// its limit of malformed lines.
    case invalidInput = 2
}

/// The summary every lint and eval report ends with, as values: how the inputs were accounted
/// for, what the rules found, and (for streams, when asked) attribution.
public struct RunSummary: Sendable {
    /// How the run's inputs were accounted for.
    public enum Inputs: Sendable {
        /// Workspace configs: how many were given, how many could not be read.
        case workspaces(count: Int, invalid: Int)
        /// A usage stream: every line, read, evaluated, blank or malformed.
        case stream(StreamCounts)
    }

    public var inputs: Inputs
    public var tally: RunTally
    /// Events and spend by billing account and org (`bylaw eval --summary`).
    public var attribution: Attribution?

    public init(inputs: Inputs, tally: RunTally, attribution: Attribution? = nil) {
        self.inputs = inputs
        self.tally = tally
        self.attribution = attribution
    }

    /// The summary as the json, ndjson and sarif reports carry it (and the text report prints it).
    public var json: JSONValue {
        var fields: [(String, JSONValue)]
        switch inputs {
        case .workspaces(let count, let invalid): fields = [("inputs", .int(Int64(count))), ("invalid_inputs", .int(Int64(invalid)))]
        case .stream(let counts): fields = [("lines", counts.json)]
        }
        fields += tally.json
        if let attribution { fields.append(("attribution", attribution.json)) }
        return .object(fields)
    }
}

/// What a lint or eval run hands its report at the end.
public struct RunResult: Sendable {
    public let summary: RunSummary
    public let status: RunStatus
    /// Warnings about the policies that only the run's inputs could show (a literal naming no
    /// id of the workspaces linted): a door prints them with the policies' compile warnings.
    public let policyWarnings: [Diagnostic]

    public init(summary: RunSummary, status: RunStatus, policyWarnings: [Diagnostic] = []) {
        self.summary = summary
        self.status = status
        self.policyWarnings = policyWarnings
    }
}
