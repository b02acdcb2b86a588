import BylawEval
import BylawPolicy
import BylawSource

/// A SARIF 2.1.0 log with one run, written at `finish`. GitHub code scanning and other
/// SARIF viewers read it.
///
/// The policy rules are `tool.driver.rules` (id = `POLICY/RULE`); each finding is a result
/// pointing at its rule by `ruleId` and `ruleIndex`. Input diagnostics are results too, under
/// a second tool component, `bylaw-input`, whose rules are the diagnostic codes.
public final class SARIFReport: FindingSink {
    /// The name of the tool component holding the input-diagnostic codes.
    public static let inputComponentName = "bylaw-input"

    private let output: ReportOutput
    private let informationURI: String?
    /// The process exit code, written into `invocations[0].exitCode` when set before `finish`.
    public var exitCode: Int?

    private var rules: [RuleDescriptor] = []
    private var ruleIndex: [String: Int] = [:]
    private var codes: SARIFCodes
    private var artifacts = SARIFArtifacts()
    private var results: [JSONValue] = []

    /// - Parameters:
    ///   - informationURI: the tool's home page, written as `tool.driver.informationUri`.
    ///   - documentationURI: the address of Bylaw's docs folder; each diagnostic code's rule then
    ///     links its explanation in `diagnostics.md` as `helpUri`.
    public init(informationURI: String? = nil, documentationURI: String? = nil, exitCode: Int? = nil, output: @escaping ReportOutput) {
        self.output = output
        self.informationURI = informationURI
        self.codes = SARIFCodes(documentationURI: documentationURI)
        self.exitCode = exitCode
    }

    public func begin(rules: [RuleDescriptor], inputs: [String]) {
        for rule in rules { _ = index(of: rule) }
        for input in inputs { _ = artifacts.index(of: input) }
    }

    public func emit(_ finding: Finding) {
        let ruleIndex = index(of: finding.rule)
        var location: [(String, JSONValue)] = []
        var physical: [(String, JSONValue)] = []
        if let span = finding.location {
            physical = [("artifactLocation", artifacts.location(of: span.file.path)), ("region", SARIFArtifacts.region(span))]
        } else {
            physical = [("artifactLocation", artifacts.location(of: finding.inputPath))]
            if let event = finding.event {
                physical.append(("region", .object([("startLine", .int(Int64(event.line)))])))
            }
        }
        location.append(("physicalLocation", .object(physical)))
        if let id = finding.event?.id {
            location.append(("logicalLocations", .array([.object([("name", .string(id)), ("kind", .string("object"))])])))
        }
        var properties: [(String, JSONValue)] = [
            ("policy", .string(finding.rule.policyID)), ("enforcement", .string(finding.enforcement.rawValue)),
            ("kind", .string(finding.kind.rawValue)),
        ]
        if let hint = finding.hint { properties.append(("hint", .string(hint))) }
        if let event = finding.event {
            properties.append(("event", .object([("line", .int(Int64(event.line))), ("id", event.id.map(JSONValue.string) ?? .null)])))
        }
        let text = finding.hint.map { finding.message + "\nHint: " + $0 } ?? finding.message
        var result: [(String, JSONValue)] = [
            ("ruleId", .string(finding.rule.fullID)),
            ("ruleIndex", .int(Int64(ruleIndex))),
            ("level", .string(finding.enforcement.sarifLevel)),
            ("message", .object([("text", .string(text))])),
        ]
        if let policySpan = finding.policySpan {
            // An evaluation error is fixed in the policy (or explained by the input): it is
            // placed at the expression that failed, with the input it failed on beside it.
            let policyLocation: [(String, JSONValue)] = [("physicalLocation", .object([
                ("artifactLocation", artifacts.location(of: policySpan.file.path)), ("region", SARIFArtifacts.region(policySpan)),
            ]))]
            result.append(("locations", .array([.object(policyLocation)])))
            result.append(("relatedLocations", .array([.object(
                [("id", .int(0))] + location + [("message", .object([("text", .string("the input it failed on"))]))])])))
        } else {
            result.append(("locations", .array([.object(location)])))
        }
        result.append(("properties", .object(properties)))
        results.append(.object(result))
    }

    public func emit(_ diagnostic: Diagnostic) {
        let index = codes.index(of: diagnostic.code, severity: diagnostic.severity)
        results.append(SARIFCodes.result(for: diagnostic, ruleIndex: index, component: 0, artifacts: &artifacts))
    }

    /// The log records the run's status as its invocation's exit code.
    public func finish(_ result: RunResult) {
        exitCode = Int(result.status.rawValue)
        finish(summary: result.summary.json)
    }

    public func finish(summary: JSONValue) {
        var tool: [(String, JSONValue)] = [("driver", SARIFLog.driver(rules: rules.map(SARIFReport.descriptor), informationURI: informationURI))]
        if !codes.codes.isEmpty {
            tool.append(("extensions", .array([.object([
                ("name", .string(SARIFReport.inputComponentName)),
                ("version", .string(BylawVersion.current)),
                ("rules", .array(codes.descriptors)),
            ])])))
        }
        let log = SARIFLog.document(
            tool: .object(tool), results: results, artifacts: artifacts, exitCode: exitCode, summary: summary)
        output(log.pretty + "\n")
    }

    private func index(of rule: RuleDescriptor) -> Int {
        if let index = ruleIndex[rule.fullID] { return index }
        ruleIndex[rule.fullID] = rules.count
        rules.append(rule)
        return rules.count - 1
    }
}
