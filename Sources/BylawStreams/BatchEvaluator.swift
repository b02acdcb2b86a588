import BylawEval
import BylawModel
import BylawPolicy
import BylawReload
import BylawReport
import BylawSource

/// Decides the messages of a batch under one revision and publishes what they give: each
/// finding to `PREFIX.<enforcement>`, each malformed message's diagnostic to
/// `PREFIX.malformed`, with the ids of ``FindingMessageID``.
///
/// A message is one line of a usage stream, under the line rules of `bylaw eval`: blank, an
/// event, or malformed (too long included). The location a finding names is the line the
/// message came from when `bylaw publish` sent it (its `Bylaw-Source` and `Bylaw-Line`
/// headers), so the findings are the very lines `bylaw eval` prints for that file; for other
/// messages it is the stream's name and the message's sequence number in it.
struct BatchEvaluator {
    let revision: String
    private var decider: UsageDecider
    /// The decider's workspace graph, kept alive as long as the decider.
    private let graph: WorkspaceGraph
    private var writer = FindingJSONWriter()
    private var json: [UInt8] = []
    private var ruleIDs: [String] = []
    private let stream: String
    private let maxLineLength: Int
    private let subjects: [Enforcement: String]
    private let malformedSubject: String

    init(configuration: MemberConfiguration, revision: LoadedRevision) {
        self.revision = revision.revision
        graph = WorkspaceGraph(revision.workspace)
        decider = UsageDecider(policies: revision.policies, workspace: graph)
        stream = configuration.stream
        maxLineLength = configuration.maxLineLength
        let prefix = configuration.findingsSubject
        subjects = Dictionary(uniqueKeysWithValues: Enforcement.allCases.map { ($0, "\(prefix).\($0.rawValue)") })
        malformedSubject = "\(prefix).malformed"
    }

    /// Decides every message of `batch`, publishing on `publisher` as it goes; `outcome`
    /// counts them. `between` is called after each message with its index (for work the
    /// caller does meanwhile).
    mutating func evaluate(
        _ batch: NATSMessageBatch, publisher: NATSPublishLane, into outcome: inout BatchOutcome, between: (Int) -> Void = { _ in }
    ) throws(NATSError) {
        for index in 0..<batch.count {
            defer { between(index) }
            let message = batch[index]
            guard let metadata = message.metadata else { continue }
            outcome.counts.messages += 1
            if metadata.deliveries > 1 { outcome.counts.redelivered += 1 }
            outcome.lag = metadata.pending
            let origin = MessageOrigin(message, stream: stream, sequence: metadata.streamSequence)
            let sequence = metadata.streamSequence
            try message.withPayload { (payload) throws(NATSError) in
                let tooLong = origin.tooLongLimit != nil || payload.count > maxLineLength
                let line = StreamLine(
                    number: origin.line, offset: 0, bytes: tooLong ? UnsafeBufferPointer(rebasing: payload.prefix(maxLineLength)) : payload,
                    isTooLong: tooLong, maxLineLength: origin.tooLongLimit ?? maxLineLength)
                ruleIDs.removeAll(keepingCapacity: true)
                let decided: UsageDecider.LineOutcome
                do {
                    decided = try decider.decide(line, inputPath: origin.path) { finding in
                        let ordinal = ruleIDs.lazy.filter { $0 == finding.rule.fullID }.count
                        ruleIDs.append(finding.rule.fullID)
                        json.removeAll(keepingCapacity: true)
                        writer.write(finding, to: &json)
                        let id = FindingMessageID.finding(stream: stream, sequence: sequence, rule: finding.rule.fullID, ordinal: ordinal)
                        try json.withUnsafeBufferPointer { bytes throws(NATSError) in
                            try publisher.publish(subject: subjects[finding.enforcement] ?? malformedSubject, payload: bytes, messageID: id)
                        }
                        outcome.count(finding)
                    }
                } catch let error as NATSError {
                    throw error
                } catch {
                    throw NATSError(context: "cannot publish a finding", message: "\(error)")
                }
                switch decided {
                case .event: outcome.counts.events += 1
                case .blank: outcome.counts.blank += 1
                case .malformed(let issue):
                    outcome.counts.malformed += 1
                    let text = issue.diagnostic(streamPath: origin.path, lineBytes: line.bytes).ndjsonObject
                    var bytes = Array(text.utf8)
                    try bytes.withUnsafeMutableBufferPointer { buffer throws(NATSError) in
                        try publisher.publish(
                            subject: malformedSubject, payload: UnsafeBufferPointer(buffer),
                            messageID: FindingMessageID.malformed(stream: stream, sequence: sequence))
                    }
                    outcome.published += 1
                }
            }
        }
    }
}

/// What one batch did, added to the member's stats once the batch is acknowledged.
struct BatchOutcome {
    /// The batch's messages and findings, counted as the member counts them.
    var counts = MemberStats()
    /// Messages published (findings and malformed reports).
    var published = 0
    var lag: UInt64?

    mutating func count(_ finding: Finding) {
        published += 1
        switch finding.enforcement {
        case .block: counts.block += 1
        case .warn: counts.warn += 1
        case .audit: counts.audit += 1
        }
        if finding.kind == .evaluationError { counts.evaluationErrors += 1 }
    }

    func fold(into stats: inout MemberStats) {
        stats.add(counts)
        if let lag { stats.lag = lag }
    }
}
