import BylawEval
import BylawPolicy
import BylawSource

/// GitHub Actions annotations, streamed: one workflow command per finding, which the runner
/// turns into an annotation on the line of the pull request's diff.
///
/// ```
/// ::error file=workspace.yaml,line=14,col=7,endLine=14,endColumn=26,title=billing/assigned-root%3A Child orgs inherit::org 'eu' declares …
/// ```
///
/// `block` → `::error`, `warn` → `::warning`, `audit` → `::notice`. Input diagnostics are
/// annotations at their severity titled with their code. The run ends with a plain count line.
public final class GitHubReport: FindingSink {
    private let output: ReportOutput
    private var tally = ReportTally()

    /// A sink writing through `output` (stdout in the CLI, a ``ReportBuffer`` in tests).
    public init(output: @escaping ReportOutput) { self.output = output }

    public func begin(rules: [RuleDescriptor], inputs: [String]) {}

    public func emit(_ finding: Finding) {
        tally.count(finding)
        output(GitHubReport.command(for: finding) + "\n")
    }

    public func emit(_ diagnostic: Diagnostic) {
        tally.count(diagnostic)
        output(GitHubReport.command(for: diagnostic) + "\n")
    }

    public func finish(summary: JSONValue) {
        output("bylaw: " + tally.line + "\n")
    }

    /// The workflow command for a diagnostic: at its severity, titled with its code, the hint
    /// on a line of its own.
    static func command(for diagnostic: Diagnostic) -> String {
        var message = diagnostic.message
        if let hint = diagnostic.hint { message += "\nhint: " + hint }
        var properties = position(span: diagnostic.span, path: diagnostic.path)
        properties.append(("title", diagnostic.code.id))
        return WorkflowCommand(name: diagnostic.severity.githubCommand, properties: properties, message: message).line
    }

    /// The workflow command for a finding: at its enforcement, titled `POLICY/RULE: title`,
    /// `prefix` (e.g. `newly blocked: `) before its message.
    static func command(for finding: Finding, prefix: String = "") -> String {
        var message = prefix + finding.message
        if finding.kind == .evaluationError { message = prefix + "evaluation error: " + finding.message }
        if let id = finding.event?.id { message += " (event \(id))" }
        if let hint = finding.hint { message += "\nhint: " + hint }
        var properties = position(span: finding.location, path: finding.inputPath)
        if finding.location == nil, let event = finding.event { properties.append(("line", String(event.line))) }
        properties.append(("title", "\(finding.rule.fullID): \(finding.rule.title)"))
        return WorkflowCommand(name: finding.enforcement.reportSeverity.githubCommand, properties: properties, message: message).line
    }

    /// `file`, `line`, `col` and, for a non-empty span, `endLine` and `endColumn`.
    static func position(span: SourceSpan?, path: String?) -> [(String, String)] {
        guard let span else { return path.map { [("file", $0)] } ?? [] }
        let start = span.start
        var properties = [("file", span.file.path), ("line", String(start.line)), ("col", String(start.column))]
        if span.range.length > 0 {
            let end = span.end
            properties += [("endLine", String(end.line)), ("endColumn", String(end.column))]
        }
        return properties
    }
}
